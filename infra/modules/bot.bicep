// Azure Bot registration (single tenant) pointing at the App Service, with the Microsoft Teams channel on.
param name string
param displayName string
param tags object
param endpoint string
param botAppId string
param tenantId string

@allowed([
  'F0'
  'S1'
])
param skuName string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'SingleTenant'
    msaAppId: botAppId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
