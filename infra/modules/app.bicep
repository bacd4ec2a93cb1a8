// Linux App Service running the bot (.NET 10) with its schedulers inside, so it must stay warm (Always On).
param appName string
param planName string
param location string
param tags object

@description('App Service plan SKU. B1 or higher: the free tier has no Always On, and the reminder schedulers need it.')
param skuName string

param storageAccountName string
param botAppId string
param tenantId string

@secure()
param botAppPassword string

param graphClientId string

@secure()
param graphClientSecret string

param teamsAppId string
param tablePrefix string
param timeZone string

@description('The bot\'s public address for the links it sends (Bot:PublicBaseUrl); empty: the App Service\'s own https://<app>.azurewebsites.net.')
param publicBaseUrl string = ''

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
      appSettings: [
        // No account key: the bot reaches its tables with this site's managed identity (DefaultAzureCredential),
        // which storage-role.bicep grants the data roles on the account.
        { name: 'Storage__AccountUrl', value: storage.properties.primaryEndpoints.table }
        { name: 'Storage__TablePrefix', value: tablePrefix }
        { name: 'Bot__TimeZone', value: timeZone }
        { name: 'Bot__PublicBaseUrl', value: empty(publicBaseUrl) ? 'https://${appName}.azurewebsites.net' : publicBaseUrl }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppId', value: botAppId }
        { name: 'MicrosoftAppPassword', value: botAppPassword }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        { name: 'Graph__TenantId', value: tenantId }
        { name: 'Graph__ClientId', value: graphClientId }
        { name: 'Graph__ClientSecret', value: graphClientSecret }
        { name: 'Graph__TeamsAppId', value: teamsAppId }
      ]
    }
  }
}

output hostName string = site.properties.defaultHostName
output name string = site.name
output principalId string = site.identity.principalId
