/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation PortalChangePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next)\n  }\n": typeof types.PortalChangePasswordDocument,
    "\n  query PortalAccount {\n    me { name email role sites { site { id code name } patientData lead expiresAt } }\n  }\n": typeof types.PortalAccountDocument,
    "\n  mutation PortalCreateUser($input: CreateUserInput!) { createUser(input: $input) { user { email } initialPassword } }\n": typeof types.PortalCreateUserDocument,
    "\n  mutation PortalDeactivateUser($id: ID!, $reason: String!) { deactivateUser(id: $id, reason: $reason) { email } }\n": typeof types.PortalDeactivateUserDocument,
    "\n  mutation PortalResetPassword($id: ID!, $reason: String!) {\n    resetUserPassword(id: $id, reason: $reason) { user { email } initialPassword }\n  }\n": typeof types.PortalResetPasswordDocument,
    "\n  mutation PortalGrant($input: GrantSiteAccessInput!) { grantSiteAccess(input: $input) { site { code } } }\n": typeof types.PortalGrantDocument,
    "\n  mutation PortalSetRole($id: ID!, $role: UserRole!, $reason: String!) { setUserRole(id: $id, role: $role, reason: $reason) { email role } }\n": typeof types.PortalSetRoleDocument,
    "mutation PortalRevoke($u: ID!, $s: ID!) { revokeSiteAccess(userId: $u, siteId: $s) }": typeof types.PortalRevokeDocument,
    "\n  mutation PortalOnboard($input: OnboardSiteInput!) {\n    onboardSite(input: $input) { site { code } lead { email } leadInitialPassword apiKey { key } }\n  }\n": typeof types.PortalOnboardDocument,
    "\n  mutation PortalCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { prefix } } }\n": typeof types.PortalCreateKeyDocument,
    "mutation PortalRevokeKey($id: ID!) { revokeApiKey(id: $id) { prefix } }": typeof types.PortalRevokeKeyDocument,
    "\n  mutation PortalCheckModel($input: RegisterModelVersionInput!) {\n    checkModelVersion(input: $input) { accepted checks { name status detail } }\n  }\n": typeof types.PortalCheckModelDocument,
    "\n  mutation PortalRegisterModel($input: RegisterModelVersionInput!) {\n    registerModelVersion(input: $input) { family version status artifactSha256 }\n  }\n": typeof types.PortalRegisterModelDocument,
    "\n  mutation PortalDeprecate($id: ID!, $reason: String!) { deprecateModelVersion(id: $id, reason: $reason) { family } }\n": typeof types.PortalDeprecateDocument,
    "\n  query PortalAudit($siteId: ID, $userId: ID, $action: String, $patientScope: Boolean, $from: DateTime, $to: DateTime) {\n    auditEvents(siteId: $siteId, userId: $userId, action: $action, patientScope: $patientScope, from: $from, to: $to, first: 200) {\n      id action createdAt resource patientCount details\n      actor { name email } apiKey { prefix } site { code }\n    }\n    users { id name }\n    sites { id code }\n  }\n": typeof types.PortalAuditDocument,
    "\n  query PortalKeys {\n    apiKeys { id prefix name site { code } owner { name } scopes createdAt lastUsedAt expiresAt revokedAt }\n    sites { id code }\n  }\n": typeof types.PortalKeysDocument,
    "\n  query PortalModels {\n    studies { id title }\n    modelVersions {\n      id family version kind modality task outputSemantics horizonDays artifactSha256 status publishedAt\n      deprecatedAt deprecationReason manifest study { title }\n    }\n  }\n": typeof types.PortalModelsDocument,
    "query PortalAdminSites { sites { id code name country } }": typeof types.PortalAdminSitesDocument,
    "\n  query PortalUsers {\n    users { id email name role disabledAt createdAt sites { site { id code } patientData lead expiresAt } }\n    sites { id code }\n    me { id }\n  }\n": typeof types.PortalUsersDocument,
    "\n  mutation PortalStartRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }\n": typeof types.PortalStartRunDocument,
    "mutation PortalCancelRun($id: ID!) { cancelValidationRun(id: $id) { status } }": typeof types.PortalCancelRunDocument,
    "\n  mutation PortalWithdrawDataset($id: ID!, $r: String!) { withdrawValidationDataset(id: $id, reason: $r) { status } }\n": typeof types.PortalWithdrawDatasetDocument,
    "\n  query PortalDatasets {\n    me { role sites { site { id } patientData } }\n    datasets {\n      id name status createdAt readyAt withdrawnAt withdrawReason patientCount eventCount imageCount\n      site { id code }\n      study { id title models { id family version status deprecatedAt } }\n      validationReport { problemCount problems { row column reason } }\n      runs {\n        id status progressDone progressTotal etaSeconds createdAt\n        modelVersion { family version } release { state }\n      }\n    }\n  }\n": typeof types.PortalDatasetsDocument,
    "\n  mutation PortalReleaseRun($id: ID!, $comment: String!) { releaseValidationRun(id: $id, comment: $comment) { id } }\n": typeof types.PortalReleaseRunDocument,
    "\n  mutation PortalWithdrawRun($id: ID!, $comment: String!) { withdrawValidationRun(id: $id, comment: $comment) { id } }\n": typeof types.PortalWithdrawRunDocument,
    "\n  query PortalRunTitle($id: ID!) { run(id: $id) { modelVersion { family version } dataset { site { code } } } }\n": typeof types.PortalRunTitleDocument,
    "\n  query PortalRun($id: ID!) {\n    me { role sites { site { id } patientData lead } }\n    run(id: $id) {\n      id status createdAt startedAt finishedAt codeVersion seed executionProvider error\n      progressDone progressTotal\n      release { state by at comment }\n      modelVersion { id family version artifactSha256 outputSemantics }\n      dataset { id name sha256 createdAt status withdrawReason site { id code name } study { id title horizonDays } }\n      participantFlow {\n        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays\n        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }\n      }\n      curves {\n        horizonDays competingRisks minimumCount withheldParts\n        roc { scoreSource cases controls auc points { threshold fpr tpr } }\n        aucOverTime { scoreSource points { days estimate lower upper cases controls } }\n        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }\n        calibration {\n          scoreSource binsPooled flexibleNote\n          bins { n events meanRisk observed lower upper }\n          flexible { ici e50 e90 curve { predicted observed } }\n        }\n        decisionCurve {\n          n treatAll { threshold netBenefit } interventionThresholds { label threshold }\n          series { scoreSource riskMeaning points { threshold netBenefit positives } }\n        }\n      }\n    }\n    metricResults(runId: $id) {\n      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events\n      details { p slope slopeCiLower slopeCiUpper brier ipa confusion { truePositive falsePositive trueNegative falseNegative threshold } }\n    }\n  }\n": typeof types.PortalRunDocument,
    "\n  query PortalRunReport($id: ID!) {\n    run(id: $id) {\n      id status createdAt startedAt finishedAt codeVersion seed executionProvider\n      release { state by at comment }\n      modelVersion { family version kind task outputSemantics horizonDays artifactSha256 manifest publishedAt }\n      dataset {\n        id name sha256 createdAt readyAt status\n        site { code name country }\n        study { title description target horizonDays }\n      }\n      participantFlow {\n        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays\n        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }\n      }\n      curves {\n        horizonDays competingRisks minimumCount withheldParts\n        roc { scoreSource cases controls auc points { threshold fpr tpr } }\n        aucOverTime { scoreSource points { days estimate lower upper cases controls } }\n        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }\n        calibration {\n          scoreSource binsPooled flexibleNote\n          bins { n events meanRisk observed lower upper }\n          flexible { ici e50 e90 curve { predicted observed } }\n        }\n        decisionCurve {\n          n treatAll { threshold netBenefit } interventionThresholds { label threshold }\n          series { scoreSource riskMeaning points { threshold netBenefit positives } }\n        }\n      }\n    }\n    metricResults(runId: $id) {\n      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events provenance\n      details { p slope slopeCiLower slopeCiUpper brier ipa analysis ciMethod }\n    }\n  }\n": typeof types.PortalRunReportDocument,
    "\n  query PortalSites {\n    sites { id code name country }\n    me { sites { site { id } patientData } }\n  }\n": typeof types.PortalSitesDocument,
    "\n  query PortalCaseMix($id: ID!, $datasets: [ID!]) {\n    study(id: $id) { id title }\n    studyCaseMix(studyId: $id, datasets: $datasets) {\n      sites { site { code name } patients dataset { name } }\n      variables {\n        name kind unit levels p smd\n        groups { n mean sd median q1 q3 counts percents missing withheld }\n      }\n      scoreSpread { site { code } modelVersion { family version } n mean sd q1 median q3 }\n    }\n  }\n": typeof types.PortalCaseMixDocument,
    "\n  query PortalStudyForest(\n    $id: ID!\n    $metric: MetricName!\n    $statistic: ForestStatistic!\n    $horizon: Int\n    $diff: MetricName!\n    $hasDiff: Boolean!\n    $datasets: [ID!]\n  ) {\n    all: studyForest(\n      studyId: $id\n      metric: $metric\n      statistic: $statistic\n      everySource: true\n      horizonDays: $horizon\n      datasets: $datasets\n    ) {\n      modelVersion { id family version } scoreSource scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    diff: studyForest(studyId: $id, metric: $diff, everySource: true, horizonDays: $horizon, datasets: $datasets)\n      @include(if: $hasDiff) {\n      modelVersion { id family version } scoreSource scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n  }\n": typeof types.PortalStudyForestDocument,
    "\n  query PortalStudyPage($id: ID!) {\n    study(id: $id) {\n      title horizonDays\n      datasets { id site { code } status }\n      models { id family version }\n    }\n    runsAwaitingRelease { id dataset { study { id } } }\n    runs(status: [QUEUED, RUNNING, COMPUTING_METRICS]) {\n      id status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress\n      executionProvider modelVersion { family version } dataset { id site { code } }\n    }\n  }\n": typeof types.PortalStudyPageDocument,
    "\n  query PortalStudyResults($id: ID!, $datasets: [ID!]) {\n    studyResultDatasets(studyId: $id) {\n      site { code } defaultDataset { id name } datasets { id name createdAt status }\n    }\n    studyComparison(studyId: $id, datasets: $datasets) {\n      site { code } modelVersion { id family version } dataset { name status } run { id status finishedAt release { state } }\n      smallCell hidden\n      # Only what the table shows: the matrix and forests come from studyForest.\n      metrics(subgroup: \"all\", metric: [harrellC, harrellCDiff, timeDependentAuc, timeDependentAucDiff, auroc, aurocDiff]) {\n        metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events\n        details { p competingRisks calibratedForTargetPopulation }\n      }\n    }\n  }\n": typeof types.PortalStudyResultsDocument,
    "query PortalStudyTitle($id: ID!) { study(id: $id) { title } }": typeof types.PortalStudyTitleDocument,
    "query PortalStudyReportHead($id: ID!) { study(id: $id) { id horizonDays } }": typeof types.PortalStudyReportHeadDocument,
    "\n  query PortalStudyReport($id: ID!, $h: Int, $datasets: [ID!], $released: Boolean!) {\n    study(id: $id) { id title description target horizonDays }\n    runsAwaitingRelease { id dataset { study { id } } }\n    studyComparison(studyId: $id, datasets: $datasets, releasedOnly: $released) {\n      site { code name country } dataset { name status createdAt }\n      modelVersion { id family version artifactSha256 manifest }\n      run {\n        id codeVersion finishedAt release { state by at }\n        participantFlow { uploaded analysed events missingOutcome competingRisks deathsBeforeFracture }\n      }\n      hidden\n    }\n    c: studyForest(studyId: $id, metric: harrellC, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    auct: studyForest(studyId: $id, metric: timeDependentAuc, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    oe: studyForest(studyId: $id, metric: calibrationOE, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    dc: studyForest(studyId: $id, metric: harrellCDiff, scoreSource: \"model-vs-frax_mof\", datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    studyCaseMix(studyId: $id, datasets: $datasets, releasedOnly: $released) {\n      sites { site { code } patients }\n      variables { name kind unit levels p groups { mean sd median q1 q3 counts percents withheld } }\n    }\n  }\n": typeof types.PortalStudyReportDocument,
    "\n  query PortalStudies {\n    studies {\n      id slug title description target horizonDays modality\n      models { id }\n      datasets { id name site { code } status patientCount eventCount }\n    }\n  }\n": typeof types.PortalStudiesDocument,
    "\n  mutation PortalCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }\n": typeof types.PortalCreateDatasetDocument,
    "mutation PortalFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { status } }": typeof types.PortalFinishUploadDocument,
    "\n  query PortalDatasetProgress($id: ID!) {\n    dataset(id: $id) {\n      id status progressDone progressTotal progressState secondsSinceProgress\n      patientCount eventCount imageCount\n      validationReport { problemCount problems { row column value reason } }\n    }\n  }\n": typeof types.PortalDatasetProgressDocument,
    "\n  query PortalUploadChoices {\n    me { sites { site { id code name } } }\n    studies { id title modality }\n  }\n": typeof types.PortalUploadChoicesDocument,
    "mutation PortalEndSession { endSession }": typeof types.PortalEndSessionDocument,
};
const documents: Documents = {
    "\n  mutation PortalChangePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next)\n  }\n": types.PortalChangePasswordDocument,
    "\n  query PortalAccount {\n    me { name email role sites { site { id code name } patientData lead expiresAt } }\n  }\n": types.PortalAccountDocument,
    "\n  mutation PortalCreateUser($input: CreateUserInput!) { createUser(input: $input) { user { email } initialPassword } }\n": types.PortalCreateUserDocument,
    "\n  mutation PortalDeactivateUser($id: ID!, $reason: String!) { deactivateUser(id: $id, reason: $reason) { email } }\n": types.PortalDeactivateUserDocument,
    "\n  mutation PortalResetPassword($id: ID!, $reason: String!) {\n    resetUserPassword(id: $id, reason: $reason) { user { email } initialPassword }\n  }\n": types.PortalResetPasswordDocument,
    "\n  mutation PortalGrant($input: GrantSiteAccessInput!) { grantSiteAccess(input: $input) { site { code } } }\n": types.PortalGrantDocument,
    "\n  mutation PortalSetRole($id: ID!, $role: UserRole!, $reason: String!) { setUserRole(id: $id, role: $role, reason: $reason) { email role } }\n": types.PortalSetRoleDocument,
    "mutation PortalRevoke($u: ID!, $s: ID!) { revokeSiteAccess(userId: $u, siteId: $s) }": types.PortalRevokeDocument,
    "\n  mutation PortalOnboard($input: OnboardSiteInput!) {\n    onboardSite(input: $input) { site { code } lead { email } leadInitialPassword apiKey { key } }\n  }\n": types.PortalOnboardDocument,
    "\n  mutation PortalCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { prefix } } }\n": types.PortalCreateKeyDocument,
    "mutation PortalRevokeKey($id: ID!) { revokeApiKey(id: $id) { prefix } }": types.PortalRevokeKeyDocument,
    "\n  mutation PortalCheckModel($input: RegisterModelVersionInput!) {\n    checkModelVersion(input: $input) { accepted checks { name status detail } }\n  }\n": types.PortalCheckModelDocument,
    "\n  mutation PortalRegisterModel($input: RegisterModelVersionInput!) {\n    registerModelVersion(input: $input) { family version status artifactSha256 }\n  }\n": types.PortalRegisterModelDocument,
    "\n  mutation PortalDeprecate($id: ID!, $reason: String!) { deprecateModelVersion(id: $id, reason: $reason) { family } }\n": types.PortalDeprecateDocument,
    "\n  query PortalAudit($siteId: ID, $userId: ID, $action: String, $patientScope: Boolean, $from: DateTime, $to: DateTime) {\n    auditEvents(siteId: $siteId, userId: $userId, action: $action, patientScope: $patientScope, from: $from, to: $to, first: 200) {\n      id action createdAt resource patientCount details\n      actor { name email } apiKey { prefix } site { code }\n    }\n    users { id name }\n    sites { id code }\n  }\n": types.PortalAuditDocument,
    "\n  query PortalKeys {\n    apiKeys { id prefix name site { code } owner { name } scopes createdAt lastUsedAt expiresAt revokedAt }\n    sites { id code }\n  }\n": types.PortalKeysDocument,
    "\n  query PortalModels {\n    studies { id title }\n    modelVersions {\n      id family version kind modality task outputSemantics horizonDays artifactSha256 status publishedAt\n      deprecatedAt deprecationReason manifest study { title }\n    }\n  }\n": types.PortalModelsDocument,
    "query PortalAdminSites { sites { id code name country } }": types.PortalAdminSitesDocument,
    "\n  query PortalUsers {\n    users { id email name role disabledAt createdAt sites { site { id code } patientData lead expiresAt } }\n    sites { id code }\n    me { id }\n  }\n": types.PortalUsersDocument,
    "\n  mutation PortalStartRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }\n": types.PortalStartRunDocument,
    "mutation PortalCancelRun($id: ID!) { cancelValidationRun(id: $id) { status } }": types.PortalCancelRunDocument,
    "\n  mutation PortalWithdrawDataset($id: ID!, $r: String!) { withdrawValidationDataset(id: $id, reason: $r) { status } }\n": types.PortalWithdrawDatasetDocument,
    "\n  query PortalDatasets {\n    me { role sites { site { id } patientData } }\n    datasets {\n      id name status createdAt readyAt withdrawnAt withdrawReason patientCount eventCount imageCount\n      site { id code }\n      study { id title models { id family version status deprecatedAt } }\n      validationReport { problemCount problems { row column reason } }\n      runs {\n        id status progressDone progressTotal etaSeconds createdAt\n        modelVersion { family version } release { state }\n      }\n    }\n  }\n": types.PortalDatasetsDocument,
    "\n  mutation PortalReleaseRun($id: ID!, $comment: String!) { releaseValidationRun(id: $id, comment: $comment) { id } }\n": types.PortalReleaseRunDocument,
    "\n  mutation PortalWithdrawRun($id: ID!, $comment: String!) { withdrawValidationRun(id: $id, comment: $comment) { id } }\n": types.PortalWithdrawRunDocument,
    "\n  query PortalRunTitle($id: ID!) { run(id: $id) { modelVersion { family version } dataset { site { code } } } }\n": types.PortalRunTitleDocument,
    "\n  query PortalRun($id: ID!) {\n    me { role sites { site { id } patientData lead } }\n    run(id: $id) {\n      id status createdAt startedAt finishedAt codeVersion seed executionProvider error\n      progressDone progressTotal\n      release { state by at comment }\n      modelVersion { id family version artifactSha256 outputSemantics }\n      dataset { id name sha256 createdAt status withdrawReason site { id code name } study { id title horizonDays } }\n      participantFlow {\n        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays\n        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }\n      }\n      curves {\n        horizonDays competingRisks minimumCount withheldParts\n        roc { scoreSource cases controls auc points { threshold fpr tpr } }\n        aucOverTime { scoreSource points { days estimate lower upper cases controls } }\n        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }\n        calibration {\n          scoreSource binsPooled flexibleNote\n          bins { n events meanRisk observed lower upper }\n          flexible { ici e50 e90 curve { predicted observed } }\n        }\n        decisionCurve {\n          n treatAll { threshold netBenefit } interventionThresholds { label threshold }\n          series { scoreSource riskMeaning points { threshold netBenefit positives } }\n        }\n      }\n    }\n    metricResults(runId: $id) {\n      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events\n      details { p slope slopeCiLower slopeCiUpper brier ipa confusion { truePositive falsePositive trueNegative falseNegative threshold } }\n    }\n  }\n": types.PortalRunDocument,
    "\n  query PortalRunReport($id: ID!) {\n    run(id: $id) {\n      id status createdAt startedAt finishedAt codeVersion seed executionProvider\n      release { state by at comment }\n      modelVersion { family version kind task outputSemantics horizonDays artifactSha256 manifest publishedAt }\n      dataset {\n        id name sha256 createdAt readyAt status\n        site { code name country }\n        study { title description target horizonDays }\n      }\n      participantFlow {\n        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays\n        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }\n      }\n      curves {\n        horizonDays competingRisks minimumCount withheldParts\n        roc { scoreSource cases controls auc points { threshold fpr tpr } }\n        aucOverTime { scoreSource points { days estimate lower upper cases controls } }\n        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }\n        calibration {\n          scoreSource binsPooled flexibleNote\n          bins { n events meanRisk observed lower upper }\n          flexible { ici e50 e90 curve { predicted observed } }\n        }\n        decisionCurve {\n          n treatAll { threshold netBenefit } interventionThresholds { label threshold }\n          series { scoreSource riskMeaning points { threshold netBenefit positives } }\n        }\n      }\n    }\n    metricResults(runId: $id) {\n      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events provenance\n      details { p slope slopeCiLower slopeCiUpper brier ipa analysis ciMethod }\n    }\n  }\n": types.PortalRunReportDocument,
    "\n  query PortalSites {\n    sites { id code name country }\n    me { sites { site { id } patientData } }\n  }\n": types.PortalSitesDocument,
    "\n  query PortalCaseMix($id: ID!, $datasets: [ID!]) {\n    study(id: $id) { id title }\n    studyCaseMix(studyId: $id, datasets: $datasets) {\n      sites { site { code name } patients dataset { name } }\n      variables {\n        name kind unit levels p smd\n        groups { n mean sd median q1 q3 counts percents missing withheld }\n      }\n      scoreSpread { site { code } modelVersion { family version } n mean sd q1 median q3 }\n    }\n  }\n": types.PortalCaseMixDocument,
    "\n  query PortalStudyForest(\n    $id: ID!\n    $metric: MetricName!\n    $statistic: ForestStatistic!\n    $horizon: Int\n    $diff: MetricName!\n    $hasDiff: Boolean!\n    $datasets: [ID!]\n  ) {\n    all: studyForest(\n      studyId: $id\n      metric: $metric\n      statistic: $statistic\n      everySource: true\n      horizonDays: $horizon\n      datasets: $datasets\n    ) {\n      modelVersion { id family version } scoreSource scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    diff: studyForest(studyId: $id, metric: $diff, everySource: true, horizonDays: $horizon, datasets: $datasets)\n      @include(if: $hasDiff) {\n      modelVersion { id family version } scoreSource scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n  }\n": types.PortalStudyForestDocument,
    "\n  query PortalStudyPage($id: ID!) {\n    study(id: $id) {\n      title horizonDays\n      datasets { id site { code } status }\n      models { id family version }\n    }\n    runsAwaitingRelease { id dataset { study { id } } }\n    runs(status: [QUEUED, RUNNING, COMPUTING_METRICS]) {\n      id status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress\n      executionProvider modelVersion { family version } dataset { id site { code } }\n    }\n  }\n": types.PortalStudyPageDocument,
    "\n  query PortalStudyResults($id: ID!, $datasets: [ID!]) {\n    studyResultDatasets(studyId: $id) {\n      site { code } defaultDataset { id name } datasets { id name createdAt status }\n    }\n    studyComparison(studyId: $id, datasets: $datasets) {\n      site { code } modelVersion { id family version } dataset { name status } run { id status finishedAt release { state } }\n      smallCell hidden\n      # Only what the table shows: the matrix and forests come from studyForest.\n      metrics(subgroup: \"all\", metric: [harrellC, harrellCDiff, timeDependentAuc, timeDependentAucDiff, auroc, aurocDiff]) {\n        metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events\n        details { p competingRisks calibratedForTargetPopulation }\n      }\n    }\n  }\n": types.PortalStudyResultsDocument,
    "query PortalStudyTitle($id: ID!) { study(id: $id) { title } }": types.PortalStudyTitleDocument,
    "query PortalStudyReportHead($id: ID!) { study(id: $id) { id horizonDays } }": types.PortalStudyReportHeadDocument,
    "\n  query PortalStudyReport($id: ID!, $h: Int, $datasets: [ID!], $released: Boolean!) {\n    study(id: $id) { id title description target horizonDays }\n    runsAwaitingRelease { id dataset { study { id } } }\n    studyComparison(studyId: $id, datasets: $datasets, releasedOnly: $released) {\n      site { code name country } dataset { name status createdAt }\n      modelVersion { id family version artifactSha256 manifest }\n      run {\n        id codeVersion finishedAt release { state by at }\n        participantFlow { uploaded analysed events missingOutcome competingRisks deathsBeforeFracture }\n      }\n      hidden\n    }\n    c: studyForest(studyId: $id, metric: harrellC, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    auct: studyForest(studyId: $id, metric: timeDependentAuc, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    oe: studyForest(studyId: $id, metric: calibrationOE, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    dc: studyForest(studyId: $id, metric: harrellCDiff, scoreSource: \"model-vs-frax_mof\", datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    studyCaseMix(studyId: $id, datasets: $datasets, releasedOnly: $released) {\n      sites { site { code } patients }\n      variables { name kind unit levels p groups { mean sd median q1 q3 counts percents withheld } }\n    }\n  }\n": types.PortalStudyReportDocument,
    "\n  query PortalStudies {\n    studies {\n      id slug title description target horizonDays modality\n      models { id }\n      datasets { id name site { code } status patientCount eventCount }\n    }\n  }\n": types.PortalStudiesDocument,
    "\n  mutation PortalCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }\n": types.PortalCreateDatasetDocument,
    "mutation PortalFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { status } }": types.PortalFinishUploadDocument,
    "\n  query PortalDatasetProgress($id: ID!) {\n    dataset(id: $id) {\n      id status progressDone progressTotal progressState secondsSinceProgress\n      patientCount eventCount imageCount\n      validationReport { problemCount problems { row column value reason } }\n    }\n  }\n": types.PortalDatasetProgressDocument,
    "\n  query PortalUploadChoices {\n    me { sites { site { id code name } } }\n    studies { id title modality }\n  }\n": types.PortalUploadChoicesDocument,
    "mutation PortalEndSession { endSession }": types.PortalEndSessionDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalChangePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next)\n  }\n"): typeof import('./graphql').PortalChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAccount {\n    me { name email role sites { site { id code name } patientData lead expiresAt } }\n  }\n"): typeof import('./graphql').PortalAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCreateUser($input: CreateUserInput!) { createUser(input: $input) { user { email } initialPassword } }\n"): typeof import('./graphql').PortalCreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalDeactivateUser($id: ID!, $reason: String!) { deactivateUser(id: $id, reason: $reason) { email } }\n"): typeof import('./graphql').PortalDeactivateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalResetPassword($id: ID!, $reason: String!) {\n    resetUserPassword(id: $id, reason: $reason) { user { email } initialPassword }\n  }\n"): typeof import('./graphql').PortalResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalGrant($input: GrantSiteAccessInput!) { grantSiteAccess(input: $input) { site { code } } }\n"): typeof import('./graphql').PortalGrantDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSetRole($id: ID!, $role: UserRole!, $reason: String!) { setUserRole(id: $id, role: $role, reason: $reason) { email role } }\n"): typeof import('./graphql').PortalSetRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PortalRevoke($u: ID!, $s: ID!) { revokeSiteAccess(userId: $u, siteId: $s) }"): typeof import('./graphql').PortalRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalOnboard($input: OnboardSiteInput!) {\n    onboardSite(input: $input) { site { code } lead { email } leadInitialPassword apiKey { key } }\n  }\n"): typeof import('./graphql').PortalOnboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { prefix } } }\n"): typeof import('./graphql').PortalCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PortalRevokeKey($id: ID!) { revokeApiKey(id: $id) { prefix } }"): typeof import('./graphql').PortalRevokeKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCheckModel($input: RegisterModelVersionInput!) {\n    checkModelVersion(input: $input) { accepted checks { name status detail } }\n  }\n"): typeof import('./graphql').PortalCheckModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRegisterModel($input: RegisterModelVersionInput!) {\n    registerModelVersion(input: $input) { family version status artifactSha256 }\n  }\n"): typeof import('./graphql').PortalRegisterModelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalDeprecate($id: ID!, $reason: String!) { deprecateModelVersion(id: $id, reason: $reason) { family } }\n"): typeof import('./graphql').PortalDeprecateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAudit($siteId: ID, $userId: ID, $action: String, $patientScope: Boolean, $from: DateTime, $to: DateTime) {\n    auditEvents(siteId: $siteId, userId: $userId, action: $action, patientScope: $patientScope, from: $from, to: $to, first: 200) {\n      id action createdAt resource patientCount details\n      actor { name email } apiKey { prefix } site { code }\n    }\n    users { id name }\n    sites { id code }\n  }\n"): typeof import('./graphql').PortalAuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalKeys {\n    apiKeys { id prefix name site { code } owner { name } scopes createdAt lastUsedAt expiresAt revokedAt }\n    sites { id code }\n  }\n"): typeof import('./graphql').PortalKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalModels {\n    studies { id title }\n    modelVersions {\n      id family version kind modality task outputSemantics horizonDays artifactSha256 status publishedAt\n      deprecatedAt deprecationReason manifest study { title }\n    }\n  }\n"): typeof import('./graphql').PortalModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PortalAdminSites { sites { id code name country } }"): typeof import('./graphql').PortalAdminSitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalUsers {\n    users { id email name role disabledAt createdAt sites { site { id code } patientData lead expiresAt } }\n    sites { id code }\n    me { id }\n  }\n"): typeof import('./graphql').PortalUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalStartRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }\n"): typeof import('./graphql').PortalStartRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PortalCancelRun($id: ID!) { cancelValidationRun(id: $id) { status } }"): typeof import('./graphql').PortalCancelRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalWithdrawDataset($id: ID!, $r: String!) { withdrawValidationDataset(id: $id, reason: $r) { status } }\n"): typeof import('./graphql').PortalWithdrawDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalDatasets {\n    me { role sites { site { id } patientData } }\n    datasets {\n      id name status createdAt readyAt withdrawnAt withdrawReason patientCount eventCount imageCount\n      site { id code }\n      study { id title models { id family version status deprecatedAt } }\n      validationReport { problemCount problems { row column reason } }\n      runs {\n        id status progressDone progressTotal etaSeconds createdAt\n        modelVersion { family version } release { state }\n      }\n    }\n  }\n"): typeof import('./graphql').PortalDatasetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalReleaseRun($id: ID!, $comment: String!) { releaseValidationRun(id: $id, comment: $comment) { id } }\n"): typeof import('./graphql').PortalReleaseRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalWithdrawRun($id: ID!, $comment: String!) { withdrawValidationRun(id: $id, comment: $comment) { id } }\n"): typeof import('./graphql').PortalWithdrawRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRunTitle($id: ID!) { run(id: $id) { modelVersion { family version } dataset { site { code } } } }\n"): typeof import('./graphql').PortalRunTitleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRun($id: ID!) {\n    me { role sites { site { id } patientData lead } }\n    run(id: $id) {\n      id status createdAt startedAt finishedAt codeVersion seed executionProvider error\n      progressDone progressTotal\n      release { state by at comment }\n      modelVersion { id family version artifactSha256 outputSemantics }\n      dataset { id name sha256 createdAt status withdrawReason site { id code name } study { id title horizonDays } }\n      participantFlow {\n        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays\n        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }\n      }\n      curves {\n        horizonDays competingRisks minimumCount withheldParts\n        roc { scoreSource cases controls auc points { threshold fpr tpr } }\n        aucOverTime { scoreSource points { days estimate lower upper cases controls } }\n        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }\n        calibration {\n          scoreSource binsPooled flexibleNote\n          bins { n events meanRisk observed lower upper }\n          flexible { ici e50 e90 curve { predicted observed } }\n        }\n        decisionCurve {\n          n treatAll { threshold netBenefit } interventionThresholds { label threshold }\n          series { scoreSource riskMeaning points { threshold netBenefit positives } }\n        }\n      }\n    }\n    metricResults(runId: $id) {\n      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events\n      details { p slope slopeCiLower slopeCiUpper brier ipa confusion { truePositive falsePositive trueNegative falseNegative threshold } }\n    }\n  }\n"): typeof import('./graphql').PortalRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalRunReport($id: ID!) {\n    run(id: $id) {\n      id status createdAt startedAt finishedAt codeVersion seed executionProvider\n      release { state by at comment }\n      modelVersion { family version kind task outputSemantics horizonDays artifactSha256 manifest publishedAt }\n      dataset {\n        id name sha256 createdAt readyAt status\n        site { code name country }\n        study { title description target horizonDays }\n      }\n      participantFlow {\n        uploaded notScored { reason count } missingOutcome analysed events censoredBeforeHorizon horizonDays\n        competingRisks deathsBeforeFracture comparators { scoreSource analysed excludedMissingScore }\n      }\n      curves {\n        horizonDays competingRisks minimumCount withheldParts\n        roc { scoreSource cases controls auc points { threshold fpr tpr } }\n        aucOverTime { scoreSource points { days estimate lower upper cases controls } }\n        incidence { grouping groups { name n events points { days incidence lower upper atRisk } atRisk { days atRisk } } }\n        calibration {\n          scoreSource binsPooled flexibleNote\n          bins { n events meanRisk observed lower upper }\n          flexible { ici e50 e90 curve { predicted observed } }\n        }\n        decisionCurve {\n          n treatAll { threshold netBenefit } interventionThresholds { label threshold }\n          series { scoreSource riskMeaning points { threshold netBenefit positives } }\n        }\n      }\n    }\n    metricResults(runId: $id) {\n      metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events provenance\n      details { p slope slopeCiLower slopeCiUpper brier ipa analysis ciMethod }\n    }\n  }\n"): typeof import('./graphql').PortalRunReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalSites {\n    sites { id code name country }\n    me { sites { site { id } patientData } }\n  }\n"): typeof import('./graphql').PortalSitesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalCaseMix($id: ID!, $datasets: [ID!]) {\n    study(id: $id) { id title }\n    studyCaseMix(studyId: $id, datasets: $datasets) {\n      sites { site { code name } patients dataset { name } }\n      variables {\n        name kind unit levels p smd\n        groups { n mean sd median q1 q3 counts percents missing withheld }\n      }\n      scoreSpread { site { code } modelVersion { family version } n mean sd q1 median q3 }\n    }\n  }\n"): typeof import('./graphql').PortalCaseMixDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStudyForest(\n    $id: ID!\n    $metric: MetricName!\n    $statistic: ForestStatistic!\n    $horizon: Int\n    $diff: MetricName!\n    $hasDiff: Boolean!\n    $datasets: [ID!]\n  ) {\n    all: studyForest(\n      studyId: $id\n      metric: $metric\n      statistic: $statistic\n      everySource: true\n      horizonDays: $horizon\n      datasets: $datasets\n    ) {\n      modelVersion { id family version } scoreSource scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    diff: studyForest(studyId: $id, metric: $diff, everySource: true, horizonDays: $horizon, datasets: $datasets)\n      @include(if: $hasDiff) {\n      modelVersion { id family version } scoreSource scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n  }\n"): typeof import('./graphql').PortalStudyForestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStudyPage($id: ID!) {\n    study(id: $id) {\n      title horizonDays\n      datasets { id site { code } status }\n      models { id family version }\n    }\n    runsAwaitingRelease { id dataset { study { id } } }\n    runs(status: [QUEUED, RUNNING, COMPUTING_METRICS]) {\n      id status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress\n      executionProvider modelVersion { family version } dataset { id site { code } }\n    }\n  }\n"): typeof import('./graphql').PortalStudyPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStudyResults($id: ID!, $datasets: [ID!]) {\n    studyResultDatasets(studyId: $id) {\n      site { code } defaultDataset { id name } datasets { id name createdAt status }\n    }\n    studyComparison(studyId: $id, datasets: $datasets) {\n      site { code } modelVersion { id family version } dataset { name status } run { id status finishedAt release { state } }\n      smallCell hidden\n      # Only what the table shows: the matrix and forests come from studyForest.\n      metrics(subgroup: \"all\", metric: [harrellC, harrellCDiff, timeDependentAuc, timeDependentAucDiff, auroc, aurocDiff]) {\n        metric scoreSource subgroup horizonDays estimate ciLower ciUpper n events\n        details { p competingRisks calibratedForTargetPopulation }\n      }\n    }\n  }\n"): typeof import('./graphql').PortalStudyResultsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PortalStudyTitle($id: ID!) { study(id: $id) { title } }"): typeof import('./graphql').PortalStudyTitleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PortalStudyReportHead($id: ID!) { study(id: $id) { id horizonDays } }"): typeof import('./graphql').PortalStudyReportHeadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStudyReport($id: ID!, $h: Int, $datasets: [ID!], $released: Boolean!) {\n    study(id: $id) { id title description target horizonDays }\n    runsAwaitingRelease { id dataset { study { id } } }\n    studyComparison(studyId: $id, datasets: $datasets, releasedOnly: $released) {\n      site { code name country } dataset { name status createdAt }\n      modelVersion { id family version artifactSha256 manifest }\n      run {\n        id codeVersion finishedAt release { state by at }\n        participantFlow { uploaded analysed events missingOutcome competingRisks deathsBeforeFracture }\n      }\n      hidden\n    }\n    c: studyForest(studyId: $id, metric: harrellC, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    auct: studyForest(studyId: $id, metric: timeDependentAuc, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    oe: studyForest(studyId: $id, metric: calibrationOE, horizonDays: $h, datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    dc: studyForest(studyId: $id, metric: harrellCDiff, scoreSource: \"model-vs-frax_mof\", datasets: $datasets, releasedOnly: $released) {\n      modelVersion { id family version } scale notPooled\n      sites { site { code } estimate ciLower ciUpper n weight run { id release { state } } }\n      pooled { k method hksj estimate ciLower ciUpper predictionLower predictionUpper tau2 i2 q qP }\n    }\n    studyCaseMix(studyId: $id, datasets: $datasets, releasedOnly: $released) {\n      sites { site { code } patients }\n      variables { name kind unit levels p groups { mean sd median q1 q3 counts percents withheld } }\n    }\n  }\n"): typeof import('./graphql').PortalStudyReportDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalStudies {\n    studies {\n      id slug title description target horizonDays modality\n      models { id }\n      datasets { id name site { code } status patientCount eventCount }\n    }\n  }\n"): typeof import('./graphql').PortalStudiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }\n"): typeof import('./graphql').PortalCreateDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PortalFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { status } }"): typeof import('./graphql').PortalFinishUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalDatasetProgress($id: ID!) {\n    dataset(id: $id) {\n      id status progressDone progressTotal progressState secondsSinceProgress\n      patientCount eventCount imageCount\n      validationReport { problemCount problems { row column value reason } }\n    }\n  }\n"): typeof import('./graphql').PortalDatasetProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalUploadChoices {\n    me { sites { site { id code name } } }\n    studies { id title modality }\n  }\n"): typeof import('./graphql').PortalUploadChoicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PortalEndSession { endSession }"): typeof import('./graphql').PortalEndSessionDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
