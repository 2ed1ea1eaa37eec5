/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ApiScope =
  | 'DATASETS_READ'
  | 'DATASETS_WRITE'
  | 'METRICS_READ'
  | 'PATIENTS_READ'
  | 'PREDICTIONS_READ'
  | 'RUNS_READ'
  | 'RUNS_WRITE';

export type CaseMixKind =
  | 'CATEGORICAL'
  | 'CONTINUOUS';

/** How an item of a model version's contract check ended. */
export type ContractCheckStatus =
  | 'FAILED'
  /** An item it depends on failed. */
  | 'NOT_CHECKED'
  | 'PASSED';

export type CreateApiKeyInput = {
  expiresInDays?: number | null | undefined;
  name: string;
  scopes: Array<ApiScope>;
  siteId: string | number;
};

export type CreateUserInput = {
  email: string;
  name: string;
  role: UserRole;
};

export type CreateValidationDatasetInput = {
  name: string;
  /** Columns of manifest.csv holding your own precomputed scores (e.g. GpVF), numeric. */
  providedScoreNames?: Array<string> | null | undefined;
  siteId: string | number;
  studyId: string | number;
};

export type DatasetStatus =
  | 'READY'
  | 'REJECTED'
  | 'UPLOADING'
  | 'VALIDATING'
  /** Taken back by its site: patients, images and predictions deleted; its runs keep their aggregate results. */
  | 'WITHDRAWN';

/**
 * What a forest plot draws of a metric's rows: the estimate, or the calibration slope, Brier score or index of
 * prediction accuracy of calibrationOE rows (the slope pooled on the identity scale from its Wald CI; Brier and
 * IPA have no standard error and are not pooled).
 */
export type ForestStatistic =
  | 'BRIER'
  | 'CALIBRATION_SLOPE'
  | 'ESTIMATE'
  | 'IPA';

export type GrantSiteAccessInput = {
  /** When the grant ends by itself (in the future); leave out for a grant until revoked. */
  expiresAt?: string | null | undefined;
  /** true: the site's lead, who releases the site's run results to the network (default false). */
  lead?: boolean | null | undefined;
  /** true: may read the site's patient-level rows (investigators of the site; a PI only when granted). */
  patientData: boolean;
  /** Why the grant is given; recorded in the audit trail. */
  reason: string;
  siteId: string | number;
  userId: string | number;
};

/** What a stored statistic measures (its R reference in ARCHITECTURE.md). */
export type MetricName =
  /** AUROC at the horizon, complete case (secondary; pROC). */
  | 'auroc'
  | 'aurocDiff'
  /** Observed / expected risk at the horizon, with slope, Brier and IPA in the details. */
  | 'calibrationOE'
  /** Harrell's C over the whole follow-up (survival::concordance). */
  | 'harrellC'
  /** Model minus comparator on the same patients (paired). */
  | 'harrellCDiff'
  | 'npv'
  | 'ppv'
  /** Incidence at the horizon in a risk group of the model's rule. */
  | 'riskGroupRisk'
  /** At the model's threshold (complete case at the horizon). */
  | 'sensitivity'
  | 'specificity'
  /** Time-dependent AUC(t), censoring-weighted; cause-specific when death is recorded (riskRegression::Score). */
  | 'timeDependentAuc'
  | 'timeDependentAucDiff'
  /** Uno's C truncated at the horizon, censoring-weighted. */
  | 'unoC';

export type Modality =
  | 'CLINICAL_ONLY'
  | 'CT_ABDOMEN'
  | 'XRAY_LATERAL_SPINE';

export type ModelKind =
  | 'CLINICAL_BASELINE'
  | 'IMAGE_MODEL';

export type ModelStatus =
  | 'DRAFT'
  | 'PUBLISHED';

export type ModelTask =
  /** Log-hazard; higher = higher risk. Absolute risk via the manifest's baseline cumulative hazard. */
  | 'LOG_HAZARD'
  /** Probability of fracture within horizonDays. */
  | 'PROBABILITY_AT_HORIZON'
  /** Unitless 0-1 score, higher = higher risk. */
  | 'SCORE';

/**
 * A partner hospital joining the network: the site, its lead (a PI of the site with patient-level access who
 * releases its results and manages its keys) and its first API key, owned by the lead.
 */
export type OnboardSiteInput = {
  apiKey: OnboardSiteKeyInput;
  /** Short stable name used by the CLI and API: 2–32 letters, digits or hyphens. */
  code: string;
  /** Two-letter ISO country code. */
  country: string;
  institution?: string | null | undefined;
  lead: OnboardSiteLeadInput;
  name: string;
};

export type OnboardSiteKeyInput = {
  expiresInDays?: number | null | undefined;
  name: string;
  scopes: Array<ApiScope>;
};

export type OnboardSiteLeadInput = {
  email: string;
  name: string;
};

/** The scale estimates are pooled on: logit (C, AUC, proportions), log (O/E), identity (differences). */
export type PoolingScale =
  | 'identity'
  | 'log'
  | 'logit';

export type PredictionTarget =
  /** Fracture within horizonDays. */
  | 'BINARY_AT_HORIZON'
  /** Surv(time, event); horizonDays is the primary horizon for AUROC and calibration. */
  | 'TIME_TO_EVENT';

/** Whether a run or an ingestion is moving. */
export type ProgressState =
  /** Nothing left to do (finished, failed, cancelled, rejected). */
  | 'FINISHED'
  /** Waiting for a worker to start. */
  | 'QUEUED'
  /** Nothing has moved for a while: a worker has probably stopped, and its job is handed to another when it expires. */
  | 'WAITING_FOR_RETRY'
  /** Making progress. */
  | 'WORKING';

export type RegisterModelVersionInput = {
  /** The ONNX file, base64-encoded. */
  artifactBase64: string;
  family: string;
  horizonDays?: number | null | undefined;
  kind: ModelKind;
  manifest: unknown;
  outputSemantics: string;
  studyId: string | number;
  task: ModelTask;
  version: string;
};

/**
 * The site release gate: a run's results are DRAFT for its own site (and ADMINs) until the site's lead releases
 * them; only RELEASED results reach PIs, other sites and other sites' API keys. WITHDRAWN hides them again.
 */
export type ReleaseState =
  | 'DRAFT'
  | 'RELEASED'
  | 'WITHDRAWN';

export type RunStatus =
  | 'CANCELLED'
  | 'COMPUTING_METRICS'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type UserRole =
  | 'ADMIN'
  | 'INVESTIGATOR'
  | 'PARTNER'
  | 'PI';

export type PortalChangePasswordMutationVariables = Exact<{
  current: string;
  next: string;
}>;


export type PortalChangePasswordMutation = { changePassword: boolean };

export type PortalAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalAccountQuery = { me: { name: string, email: string | null, role: UserRole, sites: Array<{ patientData: boolean, lead: boolean, expiresAt: string | null, site: { id: string, code: string, name: string } }> } };

export type PortalCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type PortalCreateUserMutation = { createUser: { initialPassword: string, user: { email: string } } };

export type PortalDeactivateUserMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type PortalDeactivateUserMutation = { deactivateUser: { email: string } };

export type PortalResetPasswordMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type PortalResetPasswordMutation = { resetUserPassword: { initialPassword: string, user: { email: string } } };

export type PortalGrantMutationVariables = Exact<{
  input: GrantSiteAccessInput;
}>;


export type PortalGrantMutation = { grantSiteAccess: { site: { code: string } } };

export type PortalSetRoleMutationVariables = Exact<{
  id: string | number;
  role: UserRole;
  reason: string;
}>;


export type PortalSetRoleMutation = { setUserRole: { email: string, role: UserRole } };

export type PortalRevokeMutationVariables = Exact<{
  u: string | number;
  s: string | number;
}>;


export type PortalRevokeMutation = { revokeSiteAccess: boolean };

export type PortalOnboardMutationVariables = Exact<{
  input: OnboardSiteInput;
}>;


export type PortalOnboardMutation = { onboardSite: { leadInitialPassword: string, site: { code: string }, lead: { email: string }, apiKey: { key: string } } };

export type PortalCreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type PortalCreateKeyMutation = { createApiKey: { key: string, apiKey: { prefix: string } } };

export type PortalRevokeKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type PortalRevokeKeyMutation = { revokeApiKey: { prefix: string } };

export type PortalCheckModelMutationVariables = Exact<{
  input: RegisterModelVersionInput;
}>;


export type PortalCheckModelMutation = { checkModelVersion: { accepted: boolean, checks: Array<{ name: string, status: ContractCheckStatus, detail: string }> } };

export type PortalRegisterModelMutationVariables = Exact<{
  input: RegisterModelVersionInput;
}>;


export type PortalRegisterModelMutation = { registerModelVersion: { family: string, version: string, status: ModelStatus, artifactSha256: string } };

export type PortalDeprecateMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type PortalDeprecateMutation = { deprecateModelVersion: { family: string } };

export type PortalAuditQueryVariables = Exact<{
  siteId?: string | number | null | undefined;
  userId?: string | number | null | undefined;
  action?: string | null | undefined;
  patientScope?: boolean | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type PortalAuditQuery = { auditEvents: Array<{ id: string, action: string, createdAt: string, resource: string | null, patientCount: number, details: unknown, actor: { name: string, email: string } | null, apiKey: { prefix: string } | null, site: { code: string } | null }>, users: Array<{ id: string, name: string }>, sites: Array<{ id: string, code: string }> };

export type PortalKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalKeysQuery = { apiKeys: Array<{ id: string, prefix: string, name: string, scopes: Array<ApiScope>, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, site: { code: string }, owner: { name: string } | null }>, sites: Array<{ id: string, code: string }> };

export type PortalModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalModelsQuery = { studies: Array<{ id: string, title: string }>, modelVersions: Array<{ id: string, family: string, version: string, kind: ModelKind, modality: Modality, task: ModelTask, outputSemantics: string, horizonDays: number | null, artifactSha256: string, status: ModelStatus, publishedAt: string | null, deprecatedAt: string | null, deprecationReason: string | null, manifest: unknown, study: { title: string } }> };

export type PortalAdminSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalAdminSitesQuery = { sites: Array<{ id: string, code: string, name: string, country: string }> };

export type PortalUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalUsersQuery = { users: Array<{ id: string, email: string, name: string, role: UserRole, disabledAt: string | null, createdAt: string, sites: Array<{ patientData: boolean, lead: boolean, expiresAt: string | null, site: { id: string, code: string } }> }>, sites: Array<{ id: string, code: string }>, me: { id: string } };

export type PortalStartRunMutationVariables = Exact<{
  m: string | number;
  d: string | number;
}>;


export type PortalStartRunMutation = { createValidationRun: { id: string } };

export type PortalCancelRunMutationVariables = Exact<{
  id: string | number;
}>;


export type PortalCancelRunMutation = { cancelValidationRun: { status: RunStatus } };

export type PortalWithdrawDatasetMutationVariables = Exact<{
  id: string | number;
  r: string;
}>;


export type PortalWithdrawDatasetMutation = { withdrawValidationDataset: { status: DatasetStatus } };

export type PortalDatasetsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalDatasetsQuery = { me: { role: UserRole, sites: Array<{ patientData: boolean, site: { id: string } }> }, datasets: Array<{ id: string, name: string, status: DatasetStatus, createdAt: string, readyAt: string | null, withdrawnAt: string | null, withdrawReason: string | null, patientCount: number | null, eventCount: number | null, imageCount: number | null, site: { id: string, code: string }, study: { id: string, title: string, models: Array<{ id: string, family: string, version: string, status: ModelStatus, deprecatedAt: string | null }> }, validationReport: { problemCount: number, problems: Array<{ row: number, column: string, reason: string }> } | null, runs: Array<{ id: string, status: RunStatus, progressDone: number | null, progressTotal: number | null, etaSeconds: number | null, createdAt: string, modelVersion: { family: string, version: string }, release: { state: ReleaseState } }> }> };

export type PortalReleaseRunMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type PortalReleaseRunMutation = { releaseValidationRun: { id: string } };

export type PortalWithdrawRunMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type PortalWithdrawRunMutation = { withdrawValidationRun: { id: string } };

export type PortalRunTitleQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalRunTitleQuery = { run: { modelVersion: { family: string, version: string }, dataset: { site: { code: string } } } };

export type PortalRunQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalRunQuery = { me: { role: UserRole, sites: Array<{ patientData: boolean, lead: boolean, site: { id: string } }> }, run: { id: string, status: RunStatus, createdAt: string, startedAt: string | null, finishedAt: string | null, codeVersion: string, seed: number, executionProvider: string | null, error: string | null, progressDone: number | null, progressTotal: number | null, release: { state: ReleaseState, by: string | null, at: string | null, comment: string | null }, modelVersion: { id: string, family: string, version: string, artifactSha256: string, outputSemantics: string }, dataset: { id: string, name: string, sha256: string | null, createdAt: string, status: DatasetStatus, withdrawReason: string | null, site: { id: string, code: string, name: string }, study: { id: string, title: string, horizonDays: number | null } }, participantFlow: { uploaded: number, missingOutcome: number | null, analysed: number, events: number | null, censoredBeforeHorizon: number | null, horizonDays: number, competingRisks: boolean, deathsBeforeFracture: number | null, notScored: Array<{ reason: string, count: number | null }>, comparators: Array<{ scoreSource: string, analysed: number | null, excludedMissingScore: number | null }> } | null, curves: { horizonDays: number, competingRisks: boolean, minimumCount: number, withheldParts: number, roc: Array<{ scoreSource: string, cases: number, controls: number, auc: number | null, points: Array<{ threshold: number | null, fpr: number, tpr: number }> }>, aucOverTime: Array<{ scoreSource: string, points: Array<{ days: number, estimate: number, lower: number | null, upper: number | null, cases: number, controls: number }> }>, incidence: { grouping: string, groups: Array<{ name: string, n: number, events: number, points: Array<{ days: number, incidence: number, lower: number | null, upper: number | null, atRisk: number }>, atRisk: Array<{ days: number, atRisk: number }> }> } | null, calibration: Array<{ scoreSource: string, binsPooled: boolean, flexibleNote: string | null, bins: Array<{ n: number, events: number, meanRisk: number, observed: number, lower: number | null, upper: number | null }>, flexible: { ici: number, e50: number, e90: number, curve: Array<{ predicted: number, observed: number }> } | null }>, decisionCurve: { n: number, treatAll: Array<{ threshold: number, netBenefit: number }>, interventionThresholds: Array<{ label: string, threshold: number }>, series: Array<{ scoreSource: string, riskMeaning: string, points: Array<{ threshold: number, netBenefit: number, positives: number }> }> } | null } | null }, metricResults: Array<{ metric: MetricName, scoreSource: string, subgroup: string, horizonDays: number | null, estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, events: number | null, details: { p: number | null, slope: number | null, slopeCiLower: number | null, slopeCiUpper: number | null, brier: number | null, ipa: number | null, confusion: { truePositive: number, falsePositive: number, trueNegative: number, falseNegative: number, threshold: number } | null } | null }> };

export type PortalRunReportQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalRunReportQuery = { run: { id: string, status: RunStatus, createdAt: string, startedAt: string | null, finishedAt: string | null, codeVersion: string, seed: number, executionProvider: string | null, release: { state: ReleaseState, by: string | null, at: string | null, comment: string | null }, modelVersion: { family: string, version: string, kind: ModelKind, task: ModelTask, outputSemantics: string, horizonDays: number | null, artifactSha256: string, manifest: unknown, publishedAt: string | null }, dataset: { id: string, name: string, sha256: string | null, createdAt: string, readyAt: string | null, status: DatasetStatus, site: { code: string, name: string, country: string }, study: { title: string, description: string, target: PredictionTarget, horizonDays: number | null } }, participantFlow: { uploaded: number, missingOutcome: number | null, analysed: number, events: number | null, censoredBeforeHorizon: number | null, horizonDays: number, competingRisks: boolean, deathsBeforeFracture: number | null, notScored: Array<{ reason: string, count: number | null }>, comparators: Array<{ scoreSource: string, analysed: number | null, excludedMissingScore: number | null }> } | null, curves: { horizonDays: number, competingRisks: boolean, minimumCount: number, withheldParts: number, roc: Array<{ scoreSource: string, cases: number, controls: number, auc: number | null, points: Array<{ threshold: number | null, fpr: number, tpr: number }> }>, aucOverTime: Array<{ scoreSource: string, points: Array<{ days: number, estimate: number, lower: number | null, upper: number | null, cases: number, controls: number }> }>, incidence: { grouping: string, groups: Array<{ name: string, n: number, events: number, points: Array<{ days: number, incidence: number, lower: number | null, upper: number | null, atRisk: number }>, atRisk: Array<{ days: number, atRisk: number }> }> } | null, calibration: Array<{ scoreSource: string, binsPooled: boolean, flexibleNote: string | null, bins: Array<{ n: number, events: number, meanRisk: number, observed: number, lower: number | null, upper: number | null }>, flexible: { ici: number, e50: number, e90: number, curve: Array<{ predicted: number, observed: number }> } | null }>, decisionCurve: { n: number, treatAll: Array<{ threshold: number, netBenefit: number }>, interventionThresholds: Array<{ label: string, threshold: number }>, series: Array<{ scoreSource: string, riskMeaning: string, points: Array<{ threshold: number, netBenefit: number, positives: number }> }> } | null } | null }, metricResults: Array<{ metric: MetricName, scoreSource: string, subgroup: string, horizonDays: number | null, estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, events: number | null, provenance: unknown, details: { p: number | null, slope: number | null, slopeCiLower: number | null, slopeCiUpper: number | null, brier: number | null, ipa: number | null, analysis: string | null, ciMethod: string | null } | null }> };

export type PortalSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalSitesQuery = { sites: Array<{ id: string, code: string, name: string, country: string }>, me: { sites: Array<{ patientData: boolean, site: { id: string } }> } };

export type PortalCaseMixQueryVariables = Exact<{
  id: string | number;
  datasets?: Array<string | number> | string | number | null | undefined;
}>;


export type PortalCaseMixQuery = { study: { id: string, title: string }, studyCaseMix: { sites: Array<{ patients: number | null, site: { code: string, name: string }, dataset: { name: string } }>, variables: Array<{ name: string, kind: CaseMixKind, unit: string | null, levels: Array<string> | null, p: number | null, smd: Array<number | null>, groups: Array<{ n: number | null, mean: number | null, sd: number | null, median: number | null, q1: number | null, q3: number | null, counts: Array<number | null> | null, percents: Array<number | null> | null, missing: number | null, withheld: boolean }> }>, scoreSpread: Array<{ n: number, mean: number, sd: number, q1: number, median: number, q3: number, site: { code: string }, modelVersion: { family: string, version: string } }> } };

export type PortalStudyForestQueryVariables = Exact<{
  id: string | number;
  metric: MetricName;
  statistic: ForestStatistic;
  horizon?: number | null | undefined;
  diff: MetricName;
  hasDiff: boolean;
  datasets?: Array<string | number> | string | number | null | undefined;
}>;


export type PortalStudyForestQuery = { all: Array<{ scoreSource: string, scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }>, diff?: Array<{ scoreSource: string, scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }> };

export type PortalStudyPageQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalStudyPageQuery = { study: { title: string, horizonDays: number | null, datasets: Array<{ id: string, status: DatasetStatus, site: { code: string } }>, models: Array<{ id: string, family: string, version: string }> }, runsAwaitingRelease: Array<{ id: string, dataset: { study: { id: string } } }>, runs: Array<{ id: string, status: RunStatus, progressDone: number | null, progressTotal: number | null, progressFailed: number | null, imagesPerSecond: number | null, etaSeconds: number | null, progressState: ProgressState, secondsSinceProgress: number | null, executionProvider: string | null, modelVersion: { family: string, version: string }, dataset: { id: string, site: { code: string } } }> };

export type PortalStudyResultsQueryVariables = Exact<{
  id: string | number;
  datasets?: Array<string | number> | string | number | null | undefined;
}>;


export type PortalStudyResultsQuery = { studyResultDatasets: Array<{ site: { code: string }, defaultDataset: { id: string, name: string }, datasets: Array<{ id: string, name: string, createdAt: string, status: DatasetStatus }> }>, studyComparison: Array<{ smallCell: boolean, hidden: boolean, site: { code: string }, modelVersion: { id: string, family: string, version: string }, dataset: { name: string, status: DatasetStatus }, run: { id: string, status: RunStatus, finishedAt: string | null, release: { state: ReleaseState } }, metrics: Array<{ metric: MetricName, scoreSource: string, subgroup: string, horizonDays: number | null, estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, events: number | null, details: { p: number | null, competingRisks: boolean | null, calibratedForTargetPopulation: boolean | null } | null }> }> };

export type PortalStudyTitleQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalStudyTitleQuery = { study: { title: string } };

export type PortalStudyReportHeadQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalStudyReportHeadQuery = { study: { id: string, horizonDays: number | null } };

export type PortalStudyReportQueryVariables = Exact<{
  id: string | number;
  h?: number | null | undefined;
  datasets?: Array<string | number> | string | number | null | undefined;
  released: boolean;
}>;


export type PortalStudyReportQuery = { study: { id: string, title: string, description: string, target: PredictionTarget, horizonDays: number | null }, runsAwaitingRelease: Array<{ id: string, dataset: { study: { id: string } } }>, studyComparison: Array<{ hidden: boolean, site: { code: string, name: string, country: string }, dataset: { name: string, status: DatasetStatus, createdAt: string }, modelVersion: { id: string, family: string, version: string, artifactSha256: string, manifest: unknown }, run: { id: string, codeVersion: string, finishedAt: string | null, release: { state: ReleaseState, by: string | null, at: string | null }, participantFlow: { uploaded: number, analysed: number, events: number | null, missingOutcome: number | null, competingRisks: boolean, deathsBeforeFracture: number | null } | null } }>, c: Array<{ scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }>, auct: Array<{ scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }>, oe: Array<{ scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }>, dc: Array<{ scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }>, studyCaseMix: { sites: Array<{ patients: number | null, site: { code: string } }>, variables: Array<{ name: string, kind: CaseMixKind, unit: string | null, levels: Array<string> | null, p: number | null, groups: Array<{ mean: number | null, sd: number | null, median: number | null, q1: number | null, q3: number | null, counts: Array<number | null> | null, percents: Array<number | null> | null, withheld: boolean }> }> } };

export type PortalStudiesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalStudiesQuery = { studies: Array<{ id: string, slug: string, title: string, description: string, target: PredictionTarget, horizonDays: number | null, modality: Modality, models: Array<{ id: string }>, datasets: Array<{ id: string, name: string, status: DatasetStatus, patientCount: number | null, eventCount: number | null, site: { code: string } }> }> };

export type PortalCreateDatasetMutationVariables = Exact<{
  input: CreateValidationDatasetInput;
}>;


export type PortalCreateDatasetMutation = { createValidationDataset: { id: string } };

export type PortalFinishUploadMutationVariables = Exact<{
  id: string | number;
}>;


export type PortalFinishUploadMutation = { finishValidationDatasetUpload: { status: DatasetStatus } };

export type PortalDatasetProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalDatasetProgressQuery = { dataset: { id: string, status: DatasetStatus, progressDone: number, progressTotal: number, progressState: ProgressState, secondsSinceProgress: number | null, patientCount: number | null, eventCount: number | null, imageCount: number | null, validationReport: { problemCount: number, problems: Array<{ row: number, column: string, value: string, reason: string }> } | null } };

export type PortalUploadChoicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalUploadChoicesQuery = { me: { sites: Array<{ site: { id: string, code: string, name: string } }> }, studies: Array<{ id: string, title: string, modality: Modality }> };

export type PortalEndSessionMutationVariables = Exact<{ [key: string]: never; }>;


export type PortalEndSessionMutation = { endSession: boolean };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PortalChangePasswordDocument = new TypedDocumentString(`
    mutation PortalChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next)
}
    `) as unknown as TypedDocumentString<PortalChangePasswordMutation, PortalChangePasswordMutationVariables>;
export const PortalAccountDocument = new TypedDocumentString(`
    query PortalAccount {
  me {
    name
    email
    role
    sites {
      site {
        id
        code
        name
      }
      patientData
      lead
      expiresAt
    }
  }
}
    `) as unknown as TypedDocumentString<PortalAccountQuery, PortalAccountQueryVariables>;
export const PortalCreateUserDocument = new TypedDocumentString(`
    mutation PortalCreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    user {
      email
    }
    initialPassword
  }
}
    `) as unknown as TypedDocumentString<PortalCreateUserMutation, PortalCreateUserMutationVariables>;
export const PortalDeactivateUserDocument = new TypedDocumentString(`
    mutation PortalDeactivateUser($id: ID!, $reason: String!) {
  deactivateUser(id: $id, reason: $reason) {
    email
  }
}
    `) as unknown as TypedDocumentString<PortalDeactivateUserMutation, PortalDeactivateUserMutationVariables>;
export const PortalResetPasswordDocument = new TypedDocumentString(`
    mutation PortalResetPassword($id: ID!, $reason: String!) {
  resetUserPassword(id: $id, reason: $reason) {
    user {
      email
    }
    initialPassword
  }
}
    `) as unknown as TypedDocumentString<PortalResetPasswordMutation, PortalResetPasswordMutationVariables>;
export const PortalGrantDocument = new TypedDocumentString(`
    mutation PortalGrant($input: GrantSiteAccessInput!) {
  grantSiteAccess(input: $input) {
    site {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<PortalGrantMutation, PortalGrantMutationVariables>;
export const PortalSetRoleDocument = new TypedDocumentString(`
    mutation PortalSetRole($id: ID!, $role: UserRole!, $reason: String!) {
  setUserRole(id: $id, role: $role, reason: $reason) {
    email
    role
  }
}
    `) as unknown as TypedDocumentString<PortalSetRoleMutation, PortalSetRoleMutationVariables>;
export const PortalRevokeDocument = new TypedDocumentString(`
    mutation PortalRevoke($u: ID!, $s: ID!) {
  revokeSiteAccess(userId: $u, siteId: $s)
}
    `) as unknown as TypedDocumentString<PortalRevokeMutation, PortalRevokeMutationVariables>;
export const PortalOnboardDocument = new TypedDocumentString(`
    mutation PortalOnboard($input: OnboardSiteInput!) {
  onboardSite(input: $input) {
    site {
      code
    }
    lead {
      email
    }
    leadInitialPassword
    apiKey {
      key
    }
  }
}
    `) as unknown as TypedDocumentString<PortalOnboardMutation, PortalOnboardMutationVariables>;
export const PortalCreateKeyDocument = new TypedDocumentString(`
    mutation PortalCreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey {
      prefix
    }
  }
}
    `) as unknown as TypedDocumentString<PortalCreateKeyMutation, PortalCreateKeyMutationVariables>;
export const PortalRevokeKeyDocument = new TypedDocumentString(`
    mutation PortalRevokeKey($id: ID!) {
  revokeApiKey(id: $id) {
    prefix
  }
}
    `) as unknown as TypedDocumentString<PortalRevokeKeyMutation, PortalRevokeKeyMutationVariables>;
export const PortalCheckModelDocument = new TypedDocumentString(`
    mutation PortalCheckModel($input: RegisterModelVersionInput!) {
  checkModelVersion(input: $input) {
    accepted
    checks {
      name
      status
      detail
    }
  }
}
    `) as unknown as TypedDocumentString<PortalCheckModelMutation, PortalCheckModelMutationVariables>;
export const PortalRegisterModelDocument = new TypedDocumentString(`
    mutation PortalRegisterModel($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) {
    family
    version
    status
    artifactSha256
  }
}
    `) as unknown as TypedDocumentString<PortalRegisterModelMutation, PortalRegisterModelMutationVariables>;
export const PortalDeprecateDocument = new TypedDocumentString(`
    mutation PortalDeprecate($id: ID!, $reason: String!) {
  deprecateModelVersion(id: $id, reason: $reason) {
    family
  }
}
    `) as unknown as TypedDocumentString<PortalDeprecateMutation, PortalDeprecateMutationVariables>;
export const PortalAuditDocument = new TypedDocumentString(`
    query PortalAudit($siteId: ID, $userId: ID, $action: String, $patientScope: Boolean, $from: DateTime, $to: DateTime) {
  auditEvents(
    siteId: $siteId
    userId: $userId
    action: $action
    patientScope: $patientScope
    from: $from
    to: $to
    first: 200
  ) {
    id
    action
    createdAt
    resource
    patientCount
    details
    actor {
      name
      email
    }
    apiKey {
      prefix
    }
    site {
      code
    }
  }
  users {
    id
    name
  }
  sites {
    id
    code
  }
}
    `) as unknown as TypedDocumentString<PortalAuditQuery, PortalAuditQueryVariables>;
export const PortalKeysDocument = new TypedDocumentString(`
    query PortalKeys {
  apiKeys {
    id
    prefix
    name
    site {
      code
    }
    owner {
      name
    }
    scopes
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
  }
  sites {
    id
    code
  }
}
    `) as unknown as TypedDocumentString<PortalKeysQuery, PortalKeysQueryVariables>;
export const PortalModelsDocument = new TypedDocumentString(`
    query PortalModels {
  studies {
    id
    title
  }
  modelVersions {
    id
    family
    version
    kind
    modality
    task
    outputSemantics
    horizonDays
    artifactSha256
    status
    publishedAt
    deprecatedAt
    deprecationReason
    manifest
    study {
      title
    }
  }
}
    `) as unknown as TypedDocumentString<PortalModelsQuery, PortalModelsQueryVariables>;
export const PortalAdminSitesDocument = new TypedDocumentString(`
    query PortalAdminSites {
  sites {
    id
    code
    name
    country
  }
}
    `) as unknown as TypedDocumentString<PortalAdminSitesQuery, PortalAdminSitesQueryVariables>;
export const PortalUsersDocument = new TypedDocumentString(`
    query PortalUsers {
  users {
    id
    email
    name
    role
    disabledAt
    createdAt
    sites {
      site {
        id
        code
      }
      patientData
      lead
      expiresAt
    }
  }
  sites {
    id
    code
  }
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<PortalUsersQuery, PortalUsersQueryVariables>;
export const PortalStartRunDocument = new TypedDocumentString(`
    mutation PortalStartRun($m: ID!, $d: ID!) {
  createValidationRun(modelVersionId: $m, datasetId: $d) {
    id
  }
}
    `) as unknown as TypedDocumentString<PortalStartRunMutation, PortalStartRunMutationVariables>;
export const PortalCancelRunDocument = new TypedDocumentString(`
    mutation PortalCancelRun($id: ID!) {
  cancelValidationRun(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<PortalCancelRunMutation, PortalCancelRunMutationVariables>;
export const PortalWithdrawDatasetDocument = new TypedDocumentString(`
    mutation PortalWithdrawDataset($id: ID!, $r: String!) {
  withdrawValidationDataset(id: $id, reason: $r) {
    status
  }
}
    `) as unknown as TypedDocumentString<PortalWithdrawDatasetMutation, PortalWithdrawDatasetMutationVariables>;
export const PortalDatasetsDocument = new TypedDocumentString(`
    query PortalDatasets {
  me {
    role
    sites {
      site {
        id
      }
      patientData
    }
  }
  datasets {
    id
    name
    status
    createdAt
    readyAt
    withdrawnAt
    withdrawReason
    patientCount
    eventCount
    imageCount
    site {
      id
      code
    }
    study {
      id
      title
      models {
        id
        family
        version
        status
        deprecatedAt
      }
    }
    validationReport {
      problemCount
      problems {
        row
        column
        reason
      }
    }
    runs {
      id
      status
      progressDone
      progressTotal
      etaSeconds
      createdAt
      modelVersion {
        family
        version
      }
      release {
        state
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalDatasetsQuery, PortalDatasetsQueryVariables>;
export const PortalReleaseRunDocument = new TypedDocumentString(`
    mutation PortalReleaseRun($id: ID!, $comment: String!) {
  releaseValidationRun(id: $id, comment: $comment) {
    id
  }
}
    `) as unknown as TypedDocumentString<PortalReleaseRunMutation, PortalReleaseRunMutationVariables>;
export const PortalWithdrawRunDocument = new TypedDocumentString(`
    mutation PortalWithdrawRun($id: ID!, $comment: String!) {
  withdrawValidationRun(id: $id, comment: $comment) {
    id
  }
}
    `) as unknown as TypedDocumentString<PortalWithdrawRunMutation, PortalWithdrawRunMutationVariables>;
export const PortalRunTitleDocument = new TypedDocumentString(`
    query PortalRunTitle($id: ID!) {
  run(id: $id) {
    modelVersion {
      family
      version
    }
    dataset {
      site {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalRunTitleQuery, PortalRunTitleQueryVariables>;
export const PortalRunDocument = new TypedDocumentString(`
    query PortalRun($id: ID!) {
  me {
    role
    sites {
      site {
        id
      }
      patientData
      lead
    }
  }
  run(id: $id) {
    id
    status
    createdAt
    startedAt
    finishedAt
    codeVersion
    seed
    executionProvider
    error
    progressDone
    progressTotal
    release {
      state
      by
      at
      comment
    }
    modelVersion {
      id
      family
      version
      artifactSha256
      outputSemantics
    }
    dataset {
      id
      name
      sha256
      createdAt
      status
      withdrawReason
      site {
        id
        code
        name
      }
      study {
        id
        title
        horizonDays
      }
    }
    participantFlow {
      uploaded
      notScored {
        reason
        count
      }
      missingOutcome
      analysed
      events
      censoredBeforeHorizon
      horizonDays
      competingRisks
      deathsBeforeFracture
      comparators {
        scoreSource
        analysed
        excludedMissingScore
      }
    }
    curves {
      horizonDays
      competingRisks
      minimumCount
      withheldParts
      roc {
        scoreSource
        cases
        controls
        auc
        points {
          threshold
          fpr
          tpr
        }
      }
      aucOverTime {
        scoreSource
        points {
          days
          estimate
          lower
          upper
          cases
          controls
        }
      }
      incidence {
        grouping
        groups {
          name
          n
          events
          points {
            days
            incidence
            lower
            upper
            atRisk
          }
          atRisk {
            days
            atRisk
          }
        }
      }
      calibration {
        scoreSource
        binsPooled
        flexibleNote
        bins {
          n
          events
          meanRisk
          observed
          lower
          upper
        }
        flexible {
          ici
          e50
          e90
          curve {
            predicted
            observed
          }
        }
      }
      decisionCurve {
        n
        treatAll {
          threshold
          netBenefit
        }
        interventionThresholds {
          label
          threshold
        }
        series {
          scoreSource
          riskMeaning
          points {
            threshold
            netBenefit
            positives
          }
        }
      }
    }
  }
  metricResults(runId: $id) {
    metric
    scoreSource
    subgroup
    horizonDays
    estimate
    ciLower
    ciUpper
    n
    events
    details {
      p
      slope
      slopeCiLower
      slopeCiUpper
      brier
      ipa
      confusion {
        truePositive
        falsePositive
        trueNegative
        falseNegative
        threshold
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalRunQuery, PortalRunQueryVariables>;
export const PortalRunReportDocument = new TypedDocumentString(`
    query PortalRunReport($id: ID!) {
  run(id: $id) {
    id
    status
    createdAt
    startedAt
    finishedAt
    codeVersion
    seed
    executionProvider
    release {
      state
      by
      at
      comment
    }
    modelVersion {
      family
      version
      kind
      task
      outputSemantics
      horizonDays
      artifactSha256
      manifest
      publishedAt
    }
    dataset {
      id
      name
      sha256
      createdAt
      readyAt
      status
      site {
        code
        name
        country
      }
      study {
        title
        description
        target
        horizonDays
      }
    }
    participantFlow {
      uploaded
      notScored {
        reason
        count
      }
      missingOutcome
      analysed
      events
      censoredBeforeHorizon
      horizonDays
      competingRisks
      deathsBeforeFracture
      comparators {
        scoreSource
        analysed
        excludedMissingScore
      }
    }
    curves {
      horizonDays
      competingRisks
      minimumCount
      withheldParts
      roc {
        scoreSource
        cases
        controls
        auc
        points {
          threshold
          fpr
          tpr
        }
      }
      aucOverTime {
        scoreSource
        points {
          days
          estimate
          lower
          upper
          cases
          controls
        }
      }
      incidence {
        grouping
        groups {
          name
          n
          events
          points {
            days
            incidence
            lower
            upper
            atRisk
          }
          atRisk {
            days
            atRisk
          }
        }
      }
      calibration {
        scoreSource
        binsPooled
        flexibleNote
        bins {
          n
          events
          meanRisk
          observed
          lower
          upper
        }
        flexible {
          ici
          e50
          e90
          curve {
            predicted
            observed
          }
        }
      }
      decisionCurve {
        n
        treatAll {
          threshold
          netBenefit
        }
        interventionThresholds {
          label
          threshold
        }
        series {
          scoreSource
          riskMeaning
          points {
            threshold
            netBenefit
            positives
          }
        }
      }
    }
  }
  metricResults(runId: $id) {
    metric
    scoreSource
    subgroup
    horizonDays
    estimate
    ciLower
    ciUpper
    n
    events
    provenance
    details {
      p
      slope
      slopeCiLower
      slopeCiUpper
      brier
      ipa
      analysis
      ciMethod
    }
  }
}
    `) as unknown as TypedDocumentString<PortalRunReportQuery, PortalRunReportQueryVariables>;
export const PortalSitesDocument = new TypedDocumentString(`
    query PortalSites {
  sites {
    id
    code
    name
    country
  }
  me {
    sites {
      site {
        id
      }
      patientData
    }
  }
}
    `) as unknown as TypedDocumentString<PortalSitesQuery, PortalSitesQueryVariables>;
export const PortalCaseMixDocument = new TypedDocumentString(`
    query PortalCaseMix($id: ID!, $datasets: [ID!]) {
  study(id: $id) {
    id
    title
  }
  studyCaseMix(studyId: $id, datasets: $datasets) {
    sites {
      site {
        code
        name
      }
      patients
      dataset {
        name
      }
    }
    variables {
      name
      kind
      unit
      levels
      p
      smd
      groups {
        n
        mean
        sd
        median
        q1
        q3
        counts
        percents
        missing
        withheld
      }
    }
    scoreSpread {
      site {
        code
      }
      modelVersion {
        family
        version
      }
      n
      mean
      sd
      q1
      median
      q3
    }
  }
}
    `) as unknown as TypedDocumentString<PortalCaseMixQuery, PortalCaseMixQueryVariables>;
export const PortalStudyForestDocument = new TypedDocumentString(`
    query PortalStudyForest($id: ID!, $metric: MetricName!, $statistic: ForestStatistic!, $horizon: Int, $diff: MetricName!, $hasDiff: Boolean!, $datasets: [ID!]) {
  all: studyForest(
    studyId: $id
    metric: $metric
    statistic: $statistic
    everySource: true
    horizonDays: $horizon
    datasets: $datasets
  ) {
    modelVersion {
      id
      family
      version
    }
    scoreSource
    scale
    notPooled
    sites {
      site {
        code
      }
      estimate
      ciLower
      ciUpper
      n
      weight
      run {
        id
        release {
          state
        }
      }
    }
    pooled {
      k
      method
      hksj
      estimate
      ciLower
      ciUpper
      predictionLower
      predictionUpper
      tau2
      i2
      q
      qP
    }
  }
  diff: studyForest(
    studyId: $id
    metric: $diff
    everySource: true
    horizonDays: $horizon
    datasets: $datasets
  ) @include(if: $hasDiff) {
    modelVersion {
      id
      family
      version
    }
    scoreSource
    scale
    notPooled
    sites {
      site {
        code
      }
      estimate
      ciLower
      ciUpper
      n
      weight
      run {
        id
        release {
          state
        }
      }
    }
    pooled {
      k
      method
      hksj
      estimate
      ciLower
      ciUpper
      predictionLower
      predictionUpper
      tau2
      i2
      q
      qP
    }
  }
}
    `) as unknown as TypedDocumentString<PortalStudyForestQuery, PortalStudyForestQueryVariables>;
export const PortalStudyPageDocument = new TypedDocumentString(`
    query PortalStudyPage($id: ID!) {
  study(id: $id) {
    title
    horizonDays
    datasets {
      id
      site {
        code
      }
      status
    }
    models {
      id
      family
      version
    }
  }
  runsAwaitingRelease {
    id
    dataset {
      study {
        id
      }
    }
  }
  runs(status: [QUEUED, RUNNING, COMPUTING_METRICS]) {
    id
    status
    progressDone
    progressTotal
    progressFailed
    imagesPerSecond
    etaSeconds
    progressState
    secondsSinceProgress
    executionProvider
    modelVersion {
      family
      version
    }
    dataset {
      id
      site {
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalStudyPageQuery, PortalStudyPageQueryVariables>;
export const PortalStudyResultsDocument = new TypedDocumentString(`
    query PortalStudyResults($id: ID!, $datasets: [ID!]) {
  studyResultDatasets(studyId: $id) {
    site {
      code
    }
    defaultDataset {
      id
      name
    }
    datasets {
      id
      name
      createdAt
      status
    }
  }
  studyComparison(studyId: $id, datasets: $datasets) {
    site {
      code
    }
    modelVersion {
      id
      family
      version
    }
    dataset {
      name
      status
    }
    run {
      id
      status
      finishedAt
      release {
        state
      }
    }
    smallCell
    hidden
    metrics(
      subgroup: "all"
      metric: [harrellC, harrellCDiff, timeDependentAuc, timeDependentAucDiff, auroc, aurocDiff]
    ) {
      metric
      scoreSource
      subgroup
      horizonDays
      estimate
      ciLower
      ciUpper
      n
      events
      details {
        p
        competingRisks
        calibratedForTargetPopulation
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalStudyResultsQuery, PortalStudyResultsQueryVariables>;
export const PortalStudyTitleDocument = new TypedDocumentString(`
    query PortalStudyTitle($id: ID!) {
  study(id: $id) {
    title
  }
}
    `) as unknown as TypedDocumentString<PortalStudyTitleQuery, PortalStudyTitleQueryVariables>;
export const PortalStudyReportHeadDocument = new TypedDocumentString(`
    query PortalStudyReportHead($id: ID!) {
  study(id: $id) {
    id
    horizonDays
  }
}
    `) as unknown as TypedDocumentString<PortalStudyReportHeadQuery, PortalStudyReportHeadQueryVariables>;
export const PortalStudyReportDocument = new TypedDocumentString(`
    query PortalStudyReport($id: ID!, $h: Int, $datasets: [ID!], $released: Boolean!) {
  study(id: $id) {
    id
    title
    description
    target
    horizonDays
  }
  runsAwaitingRelease {
    id
    dataset {
      study {
        id
      }
    }
  }
  studyComparison(studyId: $id, datasets: $datasets, releasedOnly: $released) {
    site {
      code
      name
      country
    }
    dataset {
      name
      status
      createdAt
    }
    modelVersion {
      id
      family
      version
      artifactSha256
      manifest
    }
    run {
      id
      codeVersion
      finishedAt
      release {
        state
        by
        at
      }
      participantFlow {
        uploaded
        analysed
        events
        missingOutcome
        competingRisks
        deathsBeforeFracture
      }
    }
    hidden
  }
  c: studyForest(
    studyId: $id
    metric: harrellC
    datasets: $datasets
    releasedOnly: $released
  ) {
    modelVersion {
      id
      family
      version
    }
    scale
    notPooled
    sites {
      site {
        code
      }
      estimate
      ciLower
      ciUpper
      n
      weight
      run {
        id
        release {
          state
        }
      }
    }
    pooled {
      k
      method
      hksj
      estimate
      ciLower
      ciUpper
      predictionLower
      predictionUpper
      tau2
      i2
      q
      qP
    }
  }
  auct: studyForest(
    studyId: $id
    metric: timeDependentAuc
    horizonDays: $h
    datasets: $datasets
    releasedOnly: $released
  ) {
    modelVersion {
      id
      family
      version
    }
    scale
    notPooled
    sites {
      site {
        code
      }
      estimate
      ciLower
      ciUpper
      n
      weight
      run {
        id
        release {
          state
        }
      }
    }
    pooled {
      k
      method
      hksj
      estimate
      ciLower
      ciUpper
      predictionLower
      predictionUpper
      tau2
      i2
      q
      qP
    }
  }
  oe: studyForest(
    studyId: $id
    metric: calibrationOE
    horizonDays: $h
    datasets: $datasets
    releasedOnly: $released
  ) {
    modelVersion {
      id
      family
      version
    }
    scale
    notPooled
    sites {
      site {
        code
      }
      estimate
      ciLower
      ciUpper
      n
      weight
      run {
        id
        release {
          state
        }
      }
    }
    pooled {
      k
      method
      hksj
      estimate
      ciLower
      ciUpper
      predictionLower
      predictionUpper
      tau2
      i2
      q
      qP
    }
  }
  dc: studyForest(
    studyId: $id
    metric: harrellCDiff
    scoreSource: "model-vs-frax_mof"
    datasets: $datasets
    releasedOnly: $released
  ) {
    modelVersion {
      id
      family
      version
    }
    scale
    notPooled
    sites {
      site {
        code
      }
      estimate
      ciLower
      ciUpper
      n
      weight
      run {
        id
        release {
          state
        }
      }
    }
    pooled {
      k
      method
      hksj
      estimate
      ciLower
      ciUpper
      predictionLower
      predictionUpper
      tau2
      i2
      q
      qP
    }
  }
  studyCaseMix(studyId: $id, datasets: $datasets, releasedOnly: $released) {
    sites {
      site {
        code
      }
      patients
    }
    variables {
      name
      kind
      unit
      levels
      p
      groups {
        mean
        sd
        median
        q1
        q3
        counts
        percents
        withheld
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalStudyReportQuery, PortalStudyReportQueryVariables>;
export const PortalStudiesDocument = new TypedDocumentString(`
    query PortalStudies {
  studies {
    id
    slug
    title
    description
    target
    horizonDays
    modality
    models {
      id
    }
    datasets {
      id
      name
      site {
        code
      }
      status
      patientCount
      eventCount
    }
  }
}
    `) as unknown as TypedDocumentString<PortalStudiesQuery, PortalStudiesQueryVariables>;
export const PortalCreateDatasetDocument = new TypedDocumentString(`
    mutation PortalCreateDataset($input: CreateValidationDatasetInput!) {
  createValidationDataset(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PortalCreateDatasetMutation, PortalCreateDatasetMutationVariables>;
export const PortalFinishUploadDocument = new TypedDocumentString(`
    mutation PortalFinishUpload($id: ID!) {
  finishValidationDatasetUpload(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<PortalFinishUploadMutation, PortalFinishUploadMutationVariables>;
export const PortalDatasetProgressDocument = new TypedDocumentString(`
    query PortalDatasetProgress($id: ID!) {
  dataset(id: $id) {
    id
    status
    progressDone
    progressTotal
    progressState
    secondsSinceProgress
    patientCount
    eventCount
    imageCount
    validationReport {
      problemCount
      problems {
        row
        column
        value
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PortalDatasetProgressQuery, PortalDatasetProgressQueryVariables>;
export const PortalUploadChoicesDocument = new TypedDocumentString(`
    query PortalUploadChoices {
  me {
    sites {
      site {
        id
        code
        name
      }
    }
  }
  studies {
    id
    title
    modality
  }
}
    `) as unknown as TypedDocumentString<PortalUploadChoicesQuery, PortalUploadChoicesQueryVariables>;
export const PortalEndSessionDocument = new TypedDocumentString(`
    mutation PortalEndSession {
  endSession
}
    `) as unknown as TypedDocumentString<PortalEndSessionMutation, PortalEndSessionMutationVariables>;