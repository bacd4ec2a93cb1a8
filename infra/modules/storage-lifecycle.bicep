// Blob lifecycle management, the backstop when no bot instance runs (the bot's own cleanup deletes both itself):
// - report files (the "{prefix}-reports" container) are deleted a day after they were made; the bot serves a report
//   link for an hour;
// - evidence files received in chat but never attached to a milestone (the "{prefix}-uploads" container) are deleted a
//   day after they were received; the bot keeps them 24 hours for the sender to choose a milestone.
// Attached evidence files (the agencies' "{prefix}-a-…" containers) are never deleted by a rule.
param storageAccountName string

@description('Storage:TablePrefix: the containers are "<prefix in lower case>-reports" and "<prefix in lower case>-uploads".')
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
        {
          name: 'delete-unattached-evidence-uploads'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${toLower(tablePrefix)}-uploads/'
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
