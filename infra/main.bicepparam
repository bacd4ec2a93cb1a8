// Example parameters. No secrets here: ids and secrets are read from environment variables on the machine that
// runs `az deployment group create -g <group> -p infra/main.bicepparam` (see docs/deploy.md):
//   export BOT_ID=<app id> BOT_PASSWORD=<client secret> TENANT_ID=<tenant id>
using './main.bicep'

param baseName = 'cchc-bot'
param botAppId = readEnvironmentVariable('BOT_ID')
param botAppPassword = readEnvironmentVariable('BOT_PASSWORD')
param tenantId = readEnvironmentVariable('TENANT_ID')
param graphClientId = readEnvironmentVariable('BOT_ID')
param graphClientSecret = readEnvironmentVariable('BOT_PASSWORD')
param teamsAppId = readEnvironmentVariable('TEAMS_APP_ID', '')
param appServiceSku = 'B1'
param botSku = 'F0'
param tags = {
  app: 'cchc-bot'
  owner: 'Văn phòng Thanh tra tỉnh'
}
