// Blob lifecycle management: report files (the "{prefix}-reports" container) are deleted a day after they were made.
// The bot serves a report link for an hour and deletes expired files itself (its cleanup service); this rule is the
// backstop when no instance runs. Evidence files are never deleted by a rule: unattached uploads are removed by the bot
// after 24 hours, attached ones are kept.
param storageAccountName string

@description('Storage:TablePrefix: the reports container is "<prefix in lower case>-reports".')
param tablePrefix string

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName
}

resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'delete-report-files'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${toLower(tablePrefix)}-reports/'
              ]
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterCreationGreaterThan: 1
                }
              }
            }
          }
        }
      ]
    }
  }
}
