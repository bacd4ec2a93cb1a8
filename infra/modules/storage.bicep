// Storage account for the bot's Azure Table storage (tasks, statuses, conversation references, leases) and, later,
// its files in Blob Storage. Access is by Microsoft Entra identity only: shared keys are turned off.
@description('Globally unique storage account name: 3–24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param name string

param location string
param tags object

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string = 'Standard_LRS'

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The bot signs in with its managed identity (Storage:AccountUrl); no account key or SAS is ever used.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2024-01-01' = {
  parent: storage
  name: 'default'
}

output name string = storage.name
output id string = storage.id
output tableEndpoint string = storage.properties.primaryEndpoints.table
