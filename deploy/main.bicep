// TaskForce: the Function App (Linux, Flex Consumption, .NET 10 isolated worker) and its Storage account.
// Deploy:  az deployment group create -g <rg> -f deploy/main.bicep -p appName=<name> [keyVaultName=<kv>] ...
// Then publish the worker: func azure functionapp publish <appName> (or zip deploy of `dotnet publish` output).
// Notes (docs/sources.md#azure-functions): timers run in UTC on Linux Consumption/Flex (WEBSITE_TIME_ZONE is not
// supported there), so the schedules below are UTC NCRONTAB (6 fields) and business dates are computed in code in
// TaskForce:TimeZone. App settings use "__" for ":" (Linux).

@description('Name of the Function App (globally unique host name <appName>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param appName string

@description('Azure region.')
param location string = resourceGroup().location

@description('Storage account name (3–24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param storageAccountName string = toLower(take('tf${uniqueString(resourceGroup().id, appName)}', 24))

@description('IANA zone of the district for business dates. TTU: Asia/Makassar (WITA, UTC+8, no DST).')
param timeZone string = 'Asia/Makassar'

@description('Annual snapshot schedule, UTC NCRONTAB: 17:00 UTC on 31 Dec = 01:00 WITA on 1 Jan.')
param annualSnapshotSchedule string = '0 0 17 31 12 *'

@description('UTC NCRONTAB of the annual report (default 01:00 UTC on 15 January = 09:00 WITA).')
param annualReportSchedule string = '0 0 1 15 1 *'

@description('Daily deadline-alert schedule, UTC NCRONTAB: 00:00 UTC = 08:00 WITA.')
param dailyAlertSchedule string = '0 0 0 * * *'

@description('issue 5: quarterly snapshot schedule (UTC NCRONTAB); 17:00 UTC on the 1st of Jan/Apr/Jul/Oct is 01:00 WITA on the 2nd, after the quarter ended in WITA.')
param quarterlySnapshotSchedule string = '0 0 17 1 1,4,7,10 *'

@description('issue 5: monthly snapshot schedule (UTC NCRONTAB); 17:00 UTC on the 1st is 01:00 WITA on the 2nd.')
param monthlySnapshotSchedule string = '0 0 17 1 * *'

@description('issue 5: regions the scheduled snapshots cover, comma-separated Kemendagri codes or *.')
param snapshotRegions string = '*,53.03'

@description('issue 12: minutes after which the daily FactIntentSweep treats a read-model write intent as left by a stopped writer (10 to 10080).')
param intentSweepMinutes string = '60'

@description('issue 14 (ADR-021): name of the alert delivery queue; its poison queue is <name>-poison.')
param alertQueueName string = 'alert-deliveries'

@description('issue 14: base address of the API that alert messages link to ({base}/api/cases/{id}/timeline).')
param alertPublicBaseUrl string = 'https://${appName}.azurewebsites.net'

@description('issue 14: attempts per alert message before the poison queue (1 to 20; below host.json maxDequeueCount 10).')
param alertMaxAttempts string = '5'

@description('issue 14: webhook timeout in seconds (1 to 120).')
param alertWebhookTimeoutSeconds string = '20'

@description('issue 14: SMTP server for alert e-mail (required when an agency has an e-mail address).')
param alertSmtpHost string = ''

@description('issue 14: SMTP port (587 with starttls, 465 with tls).')
param alertSmtpPort string = '587'

@description('issue 14: SMTP transport security: starttls, tls or none.')
param alertSmtpSecurity string = 'starttls'

@description('issue 14: sender address of alert e-mail.')
param alertSmtpFrom string = ''

@description('issue 14: SMTP account name (empty for an unauthenticated relay).')
param alertSmtpUserName string = ''

@description('issue 14: secret name of the SMTP password in keyVaultName (used when keyVaultName is set).')
param alertSmtpPasswordSecretName string = 'taskforce-smtp-password'

@description('issue 14: the SMTP password itself, used only when keyVaultName is empty.')
@secure()
param alertSmtpPassword string = ''

@description('issue 14: per-agency alert channels, keyed by agency code: { "uptd_ppa_ttu": { "email": "desk@...", "webhookUrl": "https://...", "webhookSecretName": "<Key Vault secret name or empty>" } }. An agency left out sees its alerts in GET /api/alerts only.')
param alertAgencies object = {}

@description('Name of an existing Key Vault in this resource group holding the identity key. Leave empty to pass identityKey instead.')
param keyVaultName string = ''

@description('Secret name of the identity key (base64 of 32 random bytes) in keyVaultName.')
param identityKeySecretName string = 'taskforce-identity-key'

@description('The identity key itself (base64 of 32 random bytes: openssl rand -base64 32), used only when keyVaultName is empty. Identity fields fail closed without a key.')
@secure()
param identityKey string = ''

@description('issue 6: Secret name of the record-linkage district secret (base64 of at least 32 random bytes: openssl rand -base64 32) in keyVaultName. Create it before deploying: an unresolved reference stops the worker at start.')
param linkageSecretName string = 'taskforce-linkage-secret'

@description('issue 6: The record-linkage district secret itself (base64 of at least 32 random bytes), used only when keyVaultName is empty. Empty: each snapshot draws a random secret for its own linkage and logs a warning (docs/decisions/ADR-009).')
@secure()
param linkageSecret string = ''

@description('Entra ID app registration (client id) for App Service authentication. Leave empty to leave authentication off: then no person can be identified and every request that needs one fails closed (401).')
param authClientId string = ''

@description('Entra ID tenant id for App Service authentication.')
param authTenantId string = subscription().tenantId

@description('Maximum instances (Flex Consumption).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

var deploymentContainer = 'app-package'
var useKeyVault = !empty(keyVaultName)
var identityKeySetting = useKeyVault
  ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${identityKeySecretName})'
  : identityKey

var smtpPasswordSetting = useKeyVault
  ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${alertSmtpPasswordSecretName})'
  : alertSmtpPassword

// issue 14: TaskForce__Alerts__Agencies__<code>__Email / __WebhookUrl / __WebhookSecret, one triple per agency.
var alertAgencySettings = flatten(map(items(alertAgencies), a => [
  { name: 'TaskForce__Alerts__Agencies__${a.key}__Email', value: a.value.?email ?? '' }
  { name: 'TaskForce__Alerts__Agencies__${a.key}__WebhookUrl', value: a.value.?webhookUrl ?? '' }
  { name: 'TaskForce__Alerts__Agencies__${a.key}__WebhookSecret', value: (useKeyVault && !empty(a.value.?webhookSecretName ?? '')) ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${a.value.webhookSecretName})' : '' }
]))

var linkageSecretSetting = useKeyVault
  ? '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${linkageSecretName})'
  : linkageSecret

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource packageContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainer
}

// issue 14 (ADR-021): the alert delivery queue and its poison queue (the worker also creates them if missing).
resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource alertQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: alertQueueName
}

resource alertPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: '${alertQueueName}-poison'
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

var storageConnection = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};EndpointSuffix=${environment().suffixes.storage};AccountKey=${storage.listKeys().keys[0].value}'

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer}'
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: maximumInstanceCount, instanceMemoryMB: 2048 }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat([
        // Host storage (timer locks, keys) through the managed identity; roles below.
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        // TaskForce's tables (TaskForce.Storage reads a connection string).
        { name: 'TASKFORCE_STORAGE', value: storageConnection }
        { name: 'TaskForce__TimeZone', value: timeZone }
        { name: 'TaskForce__AnnualSnapshotSchedule', value: annualSnapshotSchedule }
        { name: 'TaskForce__AnnualReportSchedule', value: annualReportSchedule }
        { name: 'TaskForce__DailyAlertSchedule', value: dailyAlertSchedule }
        { name: 'TaskForce__QuarterlySnapshotSchedule', value: quarterlySnapshotSchedule }
        { name: 'TaskForce__MonthlySnapshotSchedule', value: monthlySnapshotSchedule }
        { name: 'TaskForce__SnapshotRegions', value: snapshotRegions }
        { name: 'TaskForce__IntentSweepMinutes', value: intentSweepMinutes }
        { name: 'TaskForce__FirstResponseHours__Tinggi', value: '0' }
        { name: 'TaskForce__FirstResponseHours__Sedang', value: '6' }
        { name: 'TaskForce__FirstResponseHours__Rendah', value: '24' }
        { name: 'TaskForce__IdentityKey', value: identityKeySetting }
        // issue 6: NIK hashes of record linkage (hidden-victim estimate); checked at start.
        { name: 'TaskForce__Linkage__DistrictSecret', value: linkageSecretSetting }
        // issue 14 (ADR-021): alert delivery; the queue trigger reads TASKFORCE_STORAGE and TaskForce__Alerts__QueueName.
        { name: 'TaskForce__Alerts__QueueName', value: alertQueueName }
        { name: 'TaskForce__Alerts__PublicBaseUrl', value: alertPublicBaseUrl }
        { name: 'TaskForce__Alerts__MaxAttempts', value: alertMaxAttempts }
        { name: 'TaskForce__Alerts__WebhookTimeoutSeconds', value: alertWebhookTimeoutSeconds }
        { name: 'TaskForce__Alerts__Smtp__Host', value: alertSmtpHost }
        { name: 'TaskForce__Alerts__Smtp__Port', value: alertSmtpPort }
        { name: 'TaskForce__Alerts__Smtp__Security', value: alertSmtpSecurity }
        { name: 'TaskForce__Alerts__Smtp__From', value: alertSmtpFrom }
        { name: 'TaskForce__Alerts__Smtp__UserName', value: alertSmtpUserName }
        { name: 'TaskForce__Alerts__Smtp__Password', value: smtpPasswordSetting }
      ], alertAgencySettings)
    }
  }
}

// Roles of the app's identity on its storage account: deployment package and host storage (blob), timers and
// host keys (blob, queue), tables.
var storageRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor
]

resource storageRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storage.id, app.id, role)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = if (useKeyVault) {
  name: keyVaultName
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (useKeyVault) {
  name: guid(resourceGroup().id, keyVaultName, app.id, 'kv-secrets-user')
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6') // Key Vault Secrets User
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// App Service authentication (Entra ID). When on, the platform sets WEBSITE_AUTH_ENABLED=True and writes
// X-MS-CLIENT-PRINCIPAL itself (stripping any a client sends); TaskForce trusts that header only then. Anonymous
// requests are let through so that services calling with a function key reach the functions; every function that
// needs a person answers 401 without a principal.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(authClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: { requireAuthentication: false, unauthenticatedClientAction: 'AllowAnonymous' }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: { allowedAudiences: [ 'api://${authClientId}' ] }
      }
    }
  }
}

@description('Default host name of the Function App.')
output hostName string = app.properties.defaultHostName

@description('The OpenAPI document of the deployed API.')
output openApiUrl string = 'https://${app.properties.defaultHostName}/api/openapi.json'

@description('Principal id of the app identity (grant it access elsewhere if needed).')
output principalId string = app.identity.principalId
