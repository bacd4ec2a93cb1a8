// CchcBot in Azure: an App Service on Linux (.NET 10) running the bot and its schedulers, a Storage account for
// its tables, and a single-tenant Azure Bot with the Teams channel. Deploy into a resource group:
//   az deployment group create -g <group> -p infra/main.bicepparam
// Secrets (the bot's and Graph's client secrets) are @secure() parameters. Storage has no key in the deployment:
// the web app's system-assigned managed identity gets the Table and Blob data roles on the account, and the bot
// reaches it by its endpoint (Storage:AccountUrl). Nothing secret lives in this repository.
targetScope = 'resourceGroup'

@description('Azure region for the App Service and the Storage account (the bot registration is global).')
param location string = resourceGroup().location

@description('Short name used to derive resource names.')
@minLength(3)
@maxLength(20)
param baseName string = 'cchc-bot'

@description('Web app name; it becomes <name>.azurewebsites.net, so it must be globally unique.')
param appName string = '${baseName}-${uniqueString(resourceGroup().id)}'

@description('Storage account name: globally unique, 3–24 lowercase letters and digits.')
param storageAccountName string = 'st${uniqueString(resourceGroup().id)}'

@description('The bot\'s Microsoft Entra app registration (single tenant): its application (client) id.')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Client secret of the bot\'s app registration.')
@secure()
param botAppPassword string

@description('Microsoft Entra tenant of the app registration and of the Teams users.')
param tenantId string = tenant().tenantId

@description('App registration used for Microsoft Graph (proactive install, user lookup); defaults to the bot\'s.')
@minLength(36)
@maxLength(36)
param graphClientId string = botAppId

@description('Client secret for graphClientId; give the bot\'s secret again when both are the same registration.')
@secure()
param graphClientSecret string

@description('Id of the Teams app in the tenant catalog (the catalog\'s id after upload, or the manifest id).')
param teamsAppId string = ''

@description('Prefix of every table name.')
param tablePrefix string = 'Cchc'

@description('Time zone of reminders and digests.')
param timeZone string = 'Asia/Ho_Chi_Minh'

@description('App Service plan SKU (B1 or higher: Always On is required for the schedulers).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot SKU: F0 is free (standard channels such as Teams are free on both).')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('Grant the web app\'s managed identity Storage Table Data Contributor and Storage Blob Data Contributor on the account (needs Owner or User Access Administrator). Without these roles the bot cannot reach storage: set false only when an administrator assigns them (docs/deploy.md).')
param assignStorageRole bool = true

param tags object = {
  app: 'cchc-bot'
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSku
  }
}

module storageLifecycle 'modules/storage-lifecycle.bicep' = {
  name: 'storage-lifecycle'
  params: {
    storageAccountName: storage.outputs.name
    tablePrefix: tablePrefix
  }
}

module app 'modules/app.bicep' = {
  name: 'app'
  params: {
    appName: appName
    planName: '${appName}-plan'
    location: location
    tags: tags
    skuName: appServiceSku
    storageAccountName: storage.outputs.name
    botAppId: botAppId
    botAppPassword: botAppPassword
    tenantId: tenantId
    graphClientId: graphClientId
    graphClientSecret: graphClientSecret
    teamsAppId: teamsAppId
    tablePrefix: tablePrefix
    timeZone: timeZone
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: appName
    displayName: 'Nhắc việc CCHC'
    tags: tags
    endpoint: 'https://${app.outputs.hostName}/api/messages'
    botAppId: botAppId
    tenantId: tenantId
    skuName: botSku
  }
}

module storageRole 'modules/storage-role.bicep' = if (assignStorageRole) {
  name: 'storage-role'
  params: {
    storageAccountName: storage.outputs.name
    principalId: app.outputs.principalId
  }
}

@description('Messaging endpoint registered on the Azure Bot.')
output botEndpoint string = 'https://${app.outputs.hostName}/api/messages'

@description('Host name of the web app: BOT_DOMAIN for scripts/pack-manifest.sh.')
output appHostName string = app.outputs.hostName

output webAppName string = app.outputs.name
output botName string = bot.outputs.name
output storageAccountName string = storage.outputs.name
output principalId string = app.outputs.principalId

@description('Table endpoint of the storage account: Storage__AccountUrl for running the CLI against it (docs/deploy.md).')
output storageTableEndpoint string = storage.outputs.tableEndpoint
