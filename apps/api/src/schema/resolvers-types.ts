import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Viewer as ViewerModel, ValidationReport as ValidationReportModel, ShownMetric as ShownMetricModel, MetricDetails as MetricDetailsModel, ComparisonRow as ComparisonRowModel, ForestPlot as ForestPlotModel, ShownRunCurves as ShownRunCurvesModel, CaseMix as CaseMixModel, SiteGrant as SiteGrantModel } from '@fracval/core';
import type { Site as SiteModel, Study as StudyModel, ModelVersion as ModelVersionModel, ValidationDataset as ValidationDatasetModel, Patient as PatientModel, ClinicalBaseline as ClinicalBaselineModel, Outcome as OutcomeModel, ValidationRun as ValidationRunModel, Prediction as PredictionModel, User as UserModel, ApiKey as ApiKeyModel, AuditEvent as AuditEventModel } from '@fracval/db';
import type { Context } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 date-time in UTC. */
  DateTime: { input: Date | string; output: Date | string; }
  /** Arbitrary JSON (manifests, validation reports, metric details). */
  JSON: { input: unknown; output: unknown; }
};

/** A partner hospital's API key. The secret itself is only ever returned by createApiKey. */
export type ApiKey = {
  __typename?: 'ApiKey';
  createdAt: Scalars['DateTime']['output'];
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Who created the key and owns it (it never carries more than they hold at the site). */
  owner?: Maybe<User>;
  prefix: Scalars['String']['output'];
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  scopes: Array<ApiScope>;
  site: Site;
};

export type ApiScope =
  | 'DATASETS_READ'
  | 'DATASETS_WRITE'
  | 'METRICS_READ'
  | 'PATIENTS_READ'
  | 'PREDICTIONS_READ'
  | 'RUNS_READ'
  | 'RUNS_WRITE';

export type AucAtTime = {
  __typename?: 'AucAtTime';
  cases: Scalars['Int']['output'];
  controls: Scalars['Int']['output'];
  days: Scalars['Int']['output'];
  estimate: Scalars['Float']['output'];
  lower?: Maybe<Scalars['Float']['output']>;
  upper?: Maybe<Scalars['Float']['output']>;
};

export type AucOverTimeSeries = {
  __typename?: 'AucOverTimeSeries';
  points: Array<AucAtTime>;
  scoreSource: Scalars['String']['output'];
};

export type AuditEvent = {
  __typename?: 'AuditEvent';
  action: Scalars['String']['output'];
  /** Who acted: the user, or the API key's site principal. */
  actor?: Maybe<User>;
  actorUserId?: Maybe<Scalars['ID']['output']>;
  /** The API key used, by its prefix and name (null when a user acted in the portal). */
  apiKey?: Maybe<ApiKey>;
  apiKeyId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTime']['output'];
  details?: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  /** Patient-level rows the event touched. */
  patientCount: Scalars['Int']['output'];
  patientIds: Array<Scalars['ID']['output']>;
  resource?: Maybe<Scalars['String']['output']>;
  site?: Maybe<Site>;
  siteId?: Maybe<Scalars['ID']['output']>;
};

/** One quantile bin of predicted risk: observed (Kaplan-Meier, or Aalen-Johansen under competing risks) against mean predicted risk. */
export type CalibrationBin = {
  __typename?: 'CalibrationBin';
  events: Scalars['Int']['output'];
  meanRisk: Scalars['Float']['output'];
  n: Scalars['Int']['output'];
  observed: Scalars['Float']['output'];
  observedCiLower?: Maybe<Scalars['Float']['output']>;
  observedCiUpper?: Maybe<Scalars['Float']['output']>;
};

export type CalibrationCurve = {
  __typename?: 'CalibrationCurve';
  /** Deciles of predicted risk with the observed risk by the horizon (pooled with neighbours for viewers without patient-level access). */
  bins: Array<RiskBin>;
  /** True when the bins are the pooled ones. */
  binsPooled: Scalars['Boolean']['output'];
  /** The flexible calibration curve with ICI, E50 and E90 (Austin, Harrell & van Klaveren 2020). */
  flexible?: Maybe<FlexibleCalibration>;
  /** Why there is no flexible curve. */
  flexibleNote?: Maybe<Scalars['String']['output']>;
  scoreSource: Scalars['String']['output'];
};

export type CalibrationPoint = {
  __typename?: 'CalibrationPoint';
  observed: Scalars['Float']['output'];
  predicted: Scalars['Float']['output'];
};

/**
 * Table 1 by site: each site's latest READY validation set of the study, side by side. For viewers without
 * patient-level access to a site, counts below the minimum cell count (and one that would give them away) and
 * summaries of fewer patients are withheld (null, withheld = true).
 */
export type CaseMix = {
  __typename?: 'CaseMix';
  /** The model's score (linear predictor) per site and model version: its spread is the case-mix heterogeneity. */
  scoreSpread: Array<ScoreSpread>;
  sites: Array<CaseMixSite>;
  variables: Array<CaseMixVariable>;
};

export type CaseMixCell = {
  __typename?: 'CaseMixCell';
  counts?: Maybe<Array<Maybe<Scalars['Int']['output']>>>;
  mean?: Maybe<Scalars['Float']['output']>;
  median?: Maybe<Scalars['Float']['output']>;
  /** Patients of the site without this variable. */
  missing?: Maybe<Scalars['Int']['output']>;
  n?: Maybe<Scalars['Int']['output']>;
  percents?: Maybe<Array<Maybe<Scalars['Float']['output']>>>;
  q1?: Maybe<Scalars['Float']['output']>;
  q3?: Maybe<Scalars['Float']['output']>;
  sd?: Maybe<Scalars['Float']['output']>;
  withheld: Scalars['Boolean']['output'];
};

export type CaseMixKind =
  | 'CATEGORICAL'
  | 'CONTINUOUS';

export type CaseMixSite = {
  __typename?: 'CaseMixSite';
  dataset: ValidationDataset;
  patients?: Maybe<Scalars['Int']['output']>;
  site: Site;
};

export type CaseMixVariable = {
  __typename?: 'CaseMixVariable';
  /** One per site, in the order of CaseMix.sites. */
  groups: Array<CaseMixCell>;
  kind: CaseMixKind;
  /** The categories of a categorical variable, in the order of each site's counts. */
  levels?: Maybe<Array<Scalars['String']['output']>>;
  name: Scalars['String']['output'];
  /** Across sites: one-way ANOVA (continuous) or Pearson's χ² (categorical). */
  p?: Maybe<Scalars['Float']['output']>;
  /** Each site against the other sites together: the standardized difference (largest over categories). */
  smd: Array<Maybe<Scalars['Float']['output']>>;
  unit?: Maybe<Scalars['String']['output']>;
};

/** Baseline clinical data. Probabilities are fractions 0-1. */
export type ClinicalBaseline = {
  __typename?: 'ClinicalBaseline';
  ageYears: Scalars['Float']['output'];
  alcohol3PlusUnitsPerDay?: Maybe<Scalars['Boolean']['output']>;
  bmi?: Maybe<Scalars['Float']['output']>;
  currentSmoking?: Maybe<Scalars['Boolean']['output']>;
  femoralNeckBmd?: Maybe<Scalars['Float']['output']>;
  femoralNeckTScore?: Maybe<Scalars['Float']['output']>;
  fraxHip10y?: Maybe<Scalars['Float']['output']>;
  fraxMof10y?: Maybe<Scalars['Float']['output']>;
  glucocorticoids?: Maybe<Scalars['Boolean']['output']>;
  heightCm?: Maybe<Scalars['Float']['output']>;
  parentalHipFracture?: Maybe<Scalars['Boolean']['output']>;
  prevalentVertebralFracture?: Maybe<Scalars['Boolean']['output']>;
  priorFragilityFracture?: Maybe<Scalars['Boolean']['output']>;
  rheumatoidArthritis?: Maybe<Scalars['Boolean']['output']>;
  secondaryOsteoporosis?: Maybe<Scalars['Boolean']['output']>;
  sex: Sex;
  type2Diabetes?: Maybe<Scalars['Boolean']['output']>;
  weightKg?: Maybe<Scalars['Float']['output']>;
};

/** A comparator (FRAX, a clinical baseline) is compared with the model on the patients that have it. */
export type ComparatorFlow = {
  __typename?: 'ComparatorFlow';
  analysed?: Maybe<Scalars['Int']['output']>;
  excludedMissingScore?: Maybe<Scalars['Int']['output']>;
  scoreSource: Scalars['String']['output'];
};

/** The 2×2 table at the model's threshold (complete case at the horizon). */
export type ConfusionCounts = {
  __typename?: 'ConfusionCounts';
  falseNegative: Scalars['Int']['output'];
  falsePositive: Scalars['Int']['output'];
  threshold: Scalars['Float']['output'];
  trueNegative: Scalars['Int']['output'];
  truePositive: Scalars['Int']['output'];
};

/** One item of a model version's contract check (the card, the ONNX file against it, the registration). */
export type ContractCheck = {
  __typename?: 'ContractCheck';
  /** What was found: the thing at fault, named, for a failure. */
  detail: Scalars['String']['output'];
  name: Scalars['String']['output'];
  status: ContractCheckStatus;
};

/** How an item of a model version's contract check ended. */
export type ContractCheckStatus =
  | 'FAILED'
  /** An item it depends on failed. */
  | 'NOT_CHECKED'
  | 'PASSED';

export type CreateApiKeyInput = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  scopes: Array<ApiScope>;
  siteId: Scalars['ID']['input'];
};

export type CreateStudyInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  horizonDays?: InputMaybe<Scalars['Int']['input']>;
  modality: Modality;
  slug: Scalars['String']['input'];
  target: PredictionTarget;
  title: Scalars['String']['input'];
};

export type CreateUserInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  role: UserRole;
};

export type CreateValidationDatasetInput = {
  name: Scalars['String']['input'];
  /** Columns of manifest.csv holding your own precomputed scores (e.g. GpVF), numeric. */
  providedScoreNames?: InputMaybe<Array<Scalars['String']['input']>>;
  siteId: Scalars['ID']['input'];
  studyId: Scalars['ID']['input'];
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** Shown once; store it now. Send as `Authorization: Bearer <key>`. */
  key: Scalars['String']['output'];
};

/**
 * An account and a one-time password for it (shown once: hand it over securely; the user replaces it with
 * changePassword on first sign-in).
 */
export type CreatedUser = {
  __typename?: 'CreatedUser';
  initialPassword: Scalars['String']['output'];
  user: User;
};

export type DatasetStatus =
  | 'READY'
  | 'REJECTED'
  | 'UPLOADING'
  | 'VALIDATING'
  /** Taken back by its site: patients, images and predictions deleted; its runs keep their aggregate results. */
  | 'WITHDRAWN';

export type DecisionCurve = {
  __typename?: 'DecisionCurve';
  /** FRAX-style intervention thresholds marked on the plot. */
  interventionThresholds: Array<InterventionThreshold>;
  n: Scalars['Int']['output'];
  series: Array<DecisionSeries>;
  treatAll: Array<NetBenefitPoint>;
};

export type DecisionSeries = {
  __typename?: 'DecisionSeries';
  points: Array<NetBenefitAtThreshold>;
  /** How the score became a risk. */
  riskMeaning: Scalars['String']['output'];
  scoreSource: Scalars['String']['output'];
};

export type FlexibleCalibration = {
  __typename?: 'FlexibleCalibration';
  curve: Array<CalibrationPoint>;
  e50: Scalars['Float']['output'];
  e90: Scalars['Float']['output'];
  /** Integrated calibration index: mean |observed − predicted|. */
  ici: Scalars['Float']['output'];
};

export type FlowExclusion = {
  __typename?: 'FlowExclusion';
  count?: Maybe<Scalars['Int']['output']>;
  reason: Scalars['String']['output'];
};

/** A forest plot of one metric for one model version across the study's sites, with the pooled estimate. */
export type ForestPlot = {
  __typename?: 'ForestPlot';
  horizonDays?: Maybe<Scalars['Int']['output']>;
  metric: MetricName;
  modelVersion: ModelVersion;
  notPooled?: Maybe<Scalars['String']['output']>;
  /** Null with fewer than two sites that have a standard error (notPooled says why). */
  pooled?: Maybe<PooledEstimate>;
  scale: PoolingScale;
  scoreSource: Scalars['String']['output'];
  sites: Array<ForestSite>;
  statistic: ForestStatistic;
};

/** One site of a forest plot: the estimate and CI of its run on the site's designated dataset. */
export type ForestSite = {
  __typename?: 'ForestSite';
  ciLower?: Maybe<Scalars['Float']['output']>;
  ciUpper?: Maybe<Scalars['Float']['output']>;
  dataset: ValidationDataset;
  estimate: Scalars['Float']['output'];
  /** Patients (null when withheld from you). */
  n?: Maybe<Scalars['Int']['output']>;
  /** For paired differences (model-vs-<comparator>): the test's p-value. */
  p?: Maybe<Scalars['Float']['output']>;
  run: ValidationRun;
  se?: Maybe<Scalars['Float']['output']>;
  site: Site;
  /** Weight in the pooled estimate (0–1); null when the site is not pooled (no standard error). */
  weight?: Maybe<Scalars['Float']['output']>;
};

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
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** true: the site's lead, who releases the site's run results to the network (default false). */
  lead?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: may read the site's patient-level rows (investigators of the site; a PI only when granted). */
  patientData: Scalars['Boolean']['input'];
  /** Why the grant is given; recorded in the audit trail. */
  reason: Scalars['String']['input'];
  siteId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

export type IncidenceByGroup = {
  __typename?: 'IncidenceByGroup';
  /** What the groups are: the study's risk groups, or tertiles of the model score. */
  grouping: Scalars['String']['output'];
  groups: Array<IncidenceGroup>;
};

export type IncidenceGroup = {
  __typename?: 'IncidenceGroup';
  /** Numbers at risk at yearly ticks, as printed under the figure. */
  atRisk: Array<NumberAtRisk>;
  events: Scalars['Int']['output'];
  n: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Cumulative incidence (1 − Kaplan-Meier, or Aalen-Johansen under competing risks) every 30 days. */
  points: Array<IncidencePoint>;
};

export type IncidencePoint = {
  __typename?: 'IncidencePoint';
  atRisk: Scalars['Int']['output'];
  days: Scalars['Int']['output'];
  incidence: Scalars['Float']['output'];
  lower?: Maybe<Scalars['Float']['output']>;
  upper?: Maybe<Scalars['Float']['output']>;
};

export type InterventionThreshold = {
  __typename?: 'InterventionThreshold';
  label: Scalars['String']['output'];
  threshold: Scalars['Float']['output'];
};

/** Details of a stored statistic. Which fields are set depends on the metric. */
export type MetricDetails = {
  __typename?: 'MetricDetails';
  /** The analysis the row is (complete case, censoring-weighted, the headline, cause-specific, …). */
  analysis?: Maybe<Scalars['String']['output']>;
  /** Disclosure rules: the calibration bins or the counts of this row are withheld from you (SECURITY.md). */
  binsWithheld?: Maybe<Scalars['Boolean']['output']>;
  brier?: Maybe<Scalars['Float']['output']>;
  /** False when the model card says its risks are not meant for this population (e.g. case-control development). */
  calibratedForTargetPopulation?: Maybe<Scalars['Boolean']['output']>;
  calibrationBins?: Maybe<Array<CalibrationBin>>;
  /** How the CI was computed (e.g. logit-transformed delta method). */
  ciMethod?: Maybe<Scalars['String']['output']>;
  /** Paired comparisons: what the model is compared with, the test statistic and its p-value. */
  comparator?: Maybe<Scalars['String']['output']>;
  /** Death recorded and treated as a competing event. */
  competingRisks?: Maybe<Scalars['Boolean']['output']>;
  /** Harrell's C: pair counts. */
  concordant?: Maybe<Scalars['Float']['output']>;
  confusion?: Maybe<ConfusionCounts>;
  countsWithheld?: Maybe<Scalars['Boolean']['output']>;
  discordant?: Maybe<Scalars['Float']['output']>;
  /** Patients left out of this row: censored before the horizon (complete case), or without this comparator's score. */
  excludedCensoredBeforeHorizon?: Maybe<Scalars['Int']['output']>;
  excludedMissingScore?: Maybe<Scalars['Int']['output']>;
  expected?: Maybe<Scalars['Float']['output']>;
  inTheLarge?: Maybe<Scalars['Float']['output']>;
  interpretation?: Maybe<Scalars['String']['output']>;
  /** Index of prediction accuracy: 1 − Brier / Brier of the null model. */
  ipa?: Maybe<Scalars['Float']['output']>;
  method?: Maybe<Scalars['String']['output']>;
  note?: Maybe<Scalars['String']['output']>;
  /** Calibration at the horizon. */
  observed?: Maybe<Scalars['Float']['output']>;
  observedSe?: Maybe<Scalars['Float']['output']>;
  p?: Maybe<Scalars['Float']['output']>;
  /** For model-recalibrated rows: the recalibration applied, and how. */
  recalibratedWith?: Maybe<Recalibration>;
  /** What recalibration this model needs here (when calibratedForTargetPopulation is false). */
  recalibrationNeeded?: Maybe<Recalibration>;
  riskGroup?: Maybe<RiskGroupDetails>;
  slope?: Maybe<Scalars['Float']['output']>;
  slopeCiLower?: Maybe<Scalars['Float']['output']>;
  slopeCiUpper?: Maybe<Scalars['Float']['output']>;
  /** Subgroup metrics: the subgroup. */
  subgroup?: Maybe<Scalars['String']['output']>;
  /** Uno's C: the truncation time (days). */
  tau?: Maybe<Scalars['Int']['output']>;
  tiedRisk?: Maybe<Scalars['Float']['output']>;
  tiedTime?: Maybe<Scalars['Float']['output']>;
  z?: Maybe<Scalars['Float']['output']>;
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

/** One stored statistic with its provenance. */
export type MetricResult = {
  __typename?: 'MetricResult';
  ciLower?: Maybe<Scalars['Float']['output']>;
  ciUpper?: Maybe<Scalars['Float']['output']>;
  datasetId: Scalars['ID']['output'];
  /** What else the statistic carries (counts, tests, calibration, the threshold table, the risk group); fields that do not apply are null. */
  details?: Maybe<MetricDetails>;
  estimate: Scalars['Float']['output'];
  /** Events among them; null when withheld. */
  events?: Maybe<Scalars['Int']['output']>;
  horizonDays?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  metric: MetricName;
  /** Patients the value rests on; null when withheld by the disclosure rules (see SECURITY.md). */
  n?: Maybe<Scalars['Int']['output']>;
  provenance: Scalars['JSON']['output'];
  runId?: Maybe<Scalars['ID']['output']>;
  /** model, frax_mof, frax_hip, baseline:<family>@<version> (a registered clinical baseline of the study) or provided:<name> */
  scoreSource: Scalars['String']['output'];
  se?: Maybe<Scalars['Float']['output']>;
  /** all, or the subgroup the value is computed on: sex=F, sex=M, age<65, age65-74, age>=75, group=<risk group> */
  subgroup: Scalars['String']['output'];
};

export type Modality =
  | 'CLINICAL_ONLY'
  | 'CT_ABDOMEN'
  | 'XRAY_LATERAL_SPINE';

/** A model version's contract check, item by item. */
export type ModelContractReport = {
  __typename?: 'ModelContractReport';
  /** Every item passed: registering the version would publish it. */
  accepted: Scalars['Boolean']['output'];
  checks: Array<ContractCheck>;
};

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

/** An immutable ONNX artifact with its manifest (model card). */
export type ModelVersion = {
  __typename?: 'ModelVersion';
  artifactSha256: Scalars['String']['output'];
  /** When the version was deprecated (no new runs), and why. */
  deprecatedAt?: Maybe<Scalars['DateTime']['output']>;
  deprecationReason?: Maybe<Scalars['String']['output']>;
  family: Scalars['String']['output'];
  horizonDays?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  kind: ModelKind;
  manifest: Scalars['JSON']['output'];
  modality: Modality;
  outputSemantics: Scalars['String']['output'];
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  status: ModelStatus;
  study: Study;
  task: ModelTask;
  version: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels an upload that will not be finished: the dataset is REJECTED (reason: cancelled) and every file sent so far is deleted. */
  cancelValidationDatasetUpload: ValidationDataset;
  /** Cancels a queued or running run; its remaining batches are skipped. */
  cancelValidationRun: ValidationRun;
  /**
   * The signed-in person replaces their password: the current one, then a new one of at least 12 characters
   * (not built from their e-mail name). Every session of theirs ends, this one included: they sign in again
   * with the new password. A wrong current password (BAD_USER_INPUT, field currentPassword) counts against the
   * account's sign-in limit. Audited.
   */
  changePassword: Scalars['Boolean']['output'];
  /**
   * A model version's contract check without registering it (nothing is stored): the registration's fields,
   * the study, that the version is new, that the card names the registration, then the ONNX file against the
   * card — pipeline, inputs fed, sha256, loading, names, types and shapes, a dry run. registerModelVersion runs
   * the same check and refuses a version with the first failure.
   */
  checkModelVersion: ModelContractReport;
  createApiKey: CreatedApiKey;
  createStudy: Study;
  /** Creates an account with a one-time password. ADMIN only; audited. */
  createUser: CreatedUser;
  /**
   * Opens a dataset for upload (status UPLOADING). Then send manifest.csv and the images to the tus
   * endpoint /uploads (metadata: datasetId, relativePath, sha256), and call finishValidationDatasetUpload.
   */
  createValidationDataset: ValidationDataset;
  /**
   * Scores a READY dataset with a model version of the same study: the run and its batch jobs are created
   * together; workers fill in predictions (progressDone / progressTotal). INVESTIGATOR on their own site's
   * datasets, a site's partner key with RUNS_WRITE, a PI on any.
   */
  createValidationRun: ValidationRun;
  /** Deactivates an account: sessions end at once and the API keys it created stop working. ADMIN only; audited. */
  deactivateUser: User;
  /** Deprecates a version: kept for provenance (its runs and metrics stay), not offered for new runs. ADMIN; audited. */
  deprecateModelVersion: ModelVersion;
  /** Ends every session of the signed-in user (the portal's sign-out): their tokens stop working at once. */
  endSession: Scalars['Boolean']['output'];
  /** Starts validation of the uploaded files; poll dataset(id) until READY or REJECTED (validationReport lists every problem). */
  finishValidationDatasetUpload: ValidationDataset;
  /** Makes a user a member of a site, optionally with patient-level access. ADMIN only; audited. */
  grantSiteAccess: SiteMembership;
  /** Onboards a partner hospital: site, lead and first API key in one step. ADMIN only; audited. */
  onboardSite: OnboardedSite;
  registerModelVersion: ModelVersion;
  /**
   * Releases a finished run's results to the network (from DRAFT or WITHDRAWN). The site's lead or an ADMIN;
   * the comment is required and audited.
   */
  releaseValidationRun: ValidationRun;
  /**
   * Gives an account a new one-time password (forgotten, or possibly known to someone else): the old one stops
   * working and the user's sessions end at once. Not for your own account (use changePassword). ADMIN only;
   * audited with the reason.
   */
  resetUserPassword: CreatedUser;
  revokeApiKey: ApiKey;
  /** Removes a user's membership of a site. ADMIN only; audited. */
  revokeSiteAccess: Scalars['Boolean']['output'];
  /** Changes a user's role: their sessions end at once (they sign in again under it). ADMIN only; audited with the reason. */
  setUserRole: User;
  /**
   * Checks an e-mail and password; used by the portal's sign-in. Same error, after the same work, for an
   * unknown e-mail and a wrong password; RATE_LIMITED (extensions.retryAfter, seconds) after 5 failures per
   * account or 50 per client address within 15 minutes. Audited.
   */
  verifyCredentials: Viewer;
  /**
   * Withdraws a READY or REJECTED dataset: its patients, their images and every prediction on them are deleted,
   * active runs cancelled; finished runs keep their aggregate metrics, marked as from a withdrawn dataset.
   * Members of the dataset's site (or its key); the reason is audited.
   */
  withdrawValidationDataset: ValidationDataset;
  /** Withdraws released results: hidden again from everyone outside the site. The site's lead or an ADMIN; audited. */
  withdrawValidationRun: ValidationRun;
};


export type MutationCancelValidationDatasetUploadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelValidationRunArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangePasswordArgs = {
  currentPassword: Scalars['String']['input'];
  newPassword: Scalars['String']['input'];
};


export type MutationCheckModelVersionArgs = {
  input: RegisterModelVersionInput;
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateStudyArgs = {
  input: CreateStudyInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationCreateValidationDatasetArgs = {
  input: CreateValidationDatasetInput;
};


export type MutationCreateValidationRunArgs = {
  datasetId: Scalars['ID']['input'];
  modelVersionId: Scalars['ID']['input'];
};


export type MutationDeactivateUserArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationDeprecateModelVersionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationFinishValidationDatasetUploadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGrantSiteAccessArgs = {
  input: GrantSiteAccessInput;
};


export type MutationOnboardSiteArgs = {
  input: OnboardSiteInput;
};


export type MutationRegisterModelVersionArgs = {
  input: RegisterModelVersionInput;
};


export type MutationReleaseValidationRunArgs = {
  comment: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationResetUserPasswordArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeSiteAccessArgs = {
  siteId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSetUserRoleArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  role: UserRole;
};


export type MutationVerifyCredentialsArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationWithdrawValidationDatasetArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationWithdrawValidationRunArgs = {
  comment: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};

export type NetBenefitAtThreshold = {
  __typename?: 'NetBenefitAtThreshold';
  netBenefit: Scalars['Float']['output'];
  /** Patients at or above the threshold. */
  positives: Scalars['Int']['output'];
  threshold: Scalars['Float']['output'];
};

export type NetBenefitPoint = {
  __typename?: 'NetBenefitPoint';
  netBenefit: Scalars['Float']['output'];
  threshold: Scalars['Float']['output'];
};

export type NumberAtRisk = {
  __typename?: 'NumberAtRisk';
  atRisk: Scalars['Int']['output'];
  days: Scalars['Int']['output'];
};

/**
 * A partner hospital joining the network: the site, its lead (a PI of the site with patient-level access who
 * releases its results and manages its keys) and its first API key, owned by the lead.
 */
export type OnboardSiteInput = {
  apiKey: OnboardSiteKeyInput;
  /** Short stable name used by the CLI and API: 2–32 letters, digits or hyphens. */
  code: Scalars['String']['input'];
  /** Two-letter ISO country code. */
  country: Scalars['String']['input'];
  institution?: InputMaybe<Scalars['String']['input']>;
  lead: OnboardSiteLeadInput;
  name: Scalars['String']['input'];
};

export type OnboardSiteKeyInput = {
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  name: Scalars['String']['input'];
  scopes: Array<ApiScope>;
};

export type OnboardSiteLeadInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type OnboardedSite = {
  __typename?: 'OnboardedSite';
  /** The first API key (its secret shown once). */
  apiKey: CreatedApiKey;
  lead: User;
  /** The lead's one-time password (shown once). */
  leadInitialPassword: Scalars['String']['output'];
  site: Site;
};

export type Outcome = {
  __typename?: 'Outcome';
  /** Day of death during follow-up; a death before any fracture is a competing event. */
  deathDays?: Maybe<Scalars['Int']['output']>;
  eventDays?: Maybe<Scalars['Int']['output']>;
  followUpDays: Scalars['Int']['output'];
  incidentVertebralFracture: Scalars['Boolean']['output'];
};

/**
 * Flow of participants of a run (TRIPOD): uploaded → not scored (by reason) → without an outcome → analysed,
 * and for each comparator the patients it was compared on. A count resting on fewer than the minimum cell
 * count (and a second one that would betray it) is null for viewers without patient-level access to the site.
 */
export type ParticipantFlow = {
  __typename?: 'ParticipantFlow';
  analysed: Scalars['Int']['output'];
  /** Censored before the horizon: left out of the complete-case AUROC (the censoring-weighted AUC(t) keeps them). */
  censoredBeforeHorizon?: Maybe<Scalars['Int']['output']>;
  comparators: Array<ComparatorFlow>;
  /** Deaths were recorded (death_days) and analysed as a competing event; false: deaths count as censoring. */
  competingRisks: Scalars['Boolean']['output'];
  /** Patients who died before any fracture; null when deaths were not recorded (or withheld). */
  deathsBeforeFracture?: Maybe<Scalars['Int']['output']>;
  events?: Maybe<Scalars['Int']['output']>;
  horizonDays: Scalars['Int']['output'];
  missingOutcome?: Maybe<Scalars['Int']['output']>;
  notScored: Array<FlowExclusion>;
  uploaded: Scalars['Int']['output'];
};

/** Patient-level data. Readable only by principals with patient-data access to the patient's site; every read is audited. */
export type Patient = {
  __typename?: 'Patient';
  baseline?: Maybe<ClinicalBaseline>;
  datasetId: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  outcome?: Maybe<Outcome>;
  /** Site-scoped keyed pseudonym; never the hospital ID. */
  pseudonym: Scalars['String']['output'];
  siteId: Scalars['ID']['output'];
};

/** A random-effects pooled estimate (REML, Hartung-Knapp-Sidik-Jonkman), back-transformed to the natural scale (metafor::rma.uni + predict). */
export type PooledEstimate = {
  __typename?: 'PooledEstimate';
  ciLower: Scalars['Float']['output'];
  ciUpper: Scalars['Float']['output'];
  estimate: Scalars['Float']['output'];
  hksj: Scalars['Boolean']['output'];
  /** I² as a fraction 0–1. */
  i2: Scalars['Float']['output'];
  /** Sites pooled. */
  k: Scalars['Int']['output'];
  method: Scalars['String']['output'];
  /** 95 % prediction interval: where the true value at a new site is expected. */
  predictionLower: Scalars['Float']['output'];
  predictionUpper: Scalars['Float']['output'];
  /** Cochran's Q and its p-value. */
  q: Scalars['Float']['output'];
  qP: Scalars['Float']['output'];
  /** Between-site variance on the pooling scale. */
  tau2: Scalars['Float']['output'];
};

/** The scale estimates are pooled on: logit (C, AUC, proportions), log (O/E), identity (differences). */
export type PoolingScale =
  | 'identity'
  | 'log'
  | 'logit';

/** Patient-level: one model output for one patient. */
export type Prediction = {
  __typename?: 'Prediction';
  failureReason?: Maybe<Scalars['String']['output']>;
  patientId: Scalars['ID']['output'];
  rawOutputs?: Maybe<Scalars['JSON']['output']>;
  /** Higher = higher risk, always. */
  score?: Maybe<Scalars['Float']['output']>;
};

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

export type Query = {
  __typename?: 'Query';
  /** A site's API keys (every site's for an ADMIN when siteId is left out), newest first, a page at a time: `first` (default 200, at most 500) after the item whose id is `after`. */
  apiKeys: Array<ApiKey>;
  /**
   * The audit trail, newest first, a page at a time: `first` (default 100, at most 1000) after the item whose
   * id is `after`. Filters: site, acting user, action ("run.release", or a family ending in a dot: "run."),
   * patientScope (only events that touched patient-level rows), patientId, and a date range [from, to).
   */
  auditEvents: Array<AuditEvent>;
  dataset: ValidationDataset;
  /** Datasets you may see, newest first, a page at a time: `first` (default 200, at most 500) after the item whose id is `after`. */
  datasets: Array<ValidationDataset>;
  me: Viewer;
  /** Stored metrics (disclosure rules applied), a page at a time: `first` (default 2000, at most 10000) after the item whose id is `after`. */
  metricResults: Array<MetricResult>;
  modelVersion: ModelVersion;
  /** Model versions, a page at a time: `first` (default 200, at most 500) after the item whose id is `after`. */
  modelVersions: Array<ModelVersion>;
  patient: Patient;
  /** Patients of one dataset, paged (first ≤ 500). */
  patients: Array<Patient>;
  /** Liveness of the GraphQL endpoint itself. */
  ping: Scalars['String']['output'];
  /** A run's predictions (patient-level, audited), by patient, a page at a time: `first` (default 1000, at most 5000) after the item whose id is `after`. */
  predictions: Array<Prediction>;
  run: ValidationRun;
  /** Runs you may see (of the given statuses), newest first, a page at a time: `first` (default 200, at most 500) after the item whose id is `after`. */
  runs: Array<ValidationRun>;
  /** Finished runs whose results wait for their site's release, oldest first: your own sites' (every site for an ADMIN). */
  runsAwaitingRelease: Array<ValidationRun>;
  site: Site;
  /** Every site, a page at a time: `first` (default 200, at most 500) after the item whose id is `after`. */
  sites: Array<Site>;
  /** Every study, a page at a time: `first` (default 200, at most 500) after the item whose id is `after`. */
  studies: Array<Study>;
  study: Study;
  /** Table 1 by site for a study (case-mix), with tests across sites and standardized differences. */
  studyCaseMix: CaseMix;
  /**
   * Every site × model version of a study with its metrics (model, FRAX MOF/hip, paired comparisons), as the PI
   * dashboard draws them: one row per site × model version, from the site's designated dataset — one of
   * `datasets` (at most one per site), else the site's newest dataset with a released run of that version.
   */
  studyComparison: Array<StudyComparisonRow>;
  /**
   * Forest plots of a metric across sites, one per model version, each with its random-effects pooled estimate.
   * scoreSource: model (default), frax_mof, frax_hip, baseline:<family>@<version>, or model-vs-<comparator> for
   * the differences; everySource: one plot per model version × every source the runs have. horizonDays picks
   * AUC(t) and the horizon-bound metrics; datasets designates sites' datasets as in studyComparison. Only rows
   * you may see are drawn and pooled (released runs; small cells withheld as everywhere).
   */
  studyForest: Array<ForestPlot>;
  /** Per site, the datasets of a study with results you may see, and which one the dashboard reads by default. */
  studyResultDatasets: Array<StudySiteDatasets>;
  /** Every user with their site memberships. ADMIN only. */
  users: Array<User>;
};


export type QueryApiKeysArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryAuditEventsArgs = {
  action?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  patientId?: InputMaybe<Scalars['ID']['input']>;
  patientScope?: InputMaybe<Scalars['Boolean']['input']>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  siteId?: InputMaybe<Scalars['ID']['input']>;
  studyId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMetricResultsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  datasetId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  runId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryModelVersionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryModelVersionsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  studyId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPatientArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatientsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  datasetId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPredictionsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  runId: Scalars['ID']['input'];
};


export type QueryRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRunsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  datasetId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  modelVersionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<Array<RunStatus>>;
};


export type QuerySiteArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySitesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryStudiesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryStudyArgs = {
  id: Scalars['ID']['input'];
};


export type QueryStudyCaseMixArgs = {
  datasets?: InputMaybe<Array<Scalars['ID']['input']>>;
  releasedOnly?: InputMaybe<Scalars['Boolean']['input']>;
  studyId: Scalars['ID']['input'];
};


export type QueryStudyComparisonArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  datasets?: InputMaybe<Array<Scalars['ID']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  releasedOnly?: InputMaybe<Scalars['Boolean']['input']>;
  studyId: Scalars['ID']['input'];
};


export type QueryStudyForestArgs = {
  datasets?: InputMaybe<Array<Scalars['ID']['input']>>;
  everySource?: InputMaybe<Scalars['Boolean']['input']>;
  horizonDays?: InputMaybe<Scalars['Int']['input']>;
  metric: MetricName;
  releasedOnly?: InputMaybe<Scalars['Boolean']['input']>;
  scoreSource?: InputMaybe<Scalars['String']['input']>;
  statistic?: InputMaybe<ForestStatistic>;
  studyId: Scalars['ID']['input'];
};


export type QueryStudyResultDatasetsArgs = {
  releasedOnly?: InputMaybe<Scalars['Boolean']['input']>;
  studyId: Scalars['ID']['input'];
};

/** The logistic recalibration a model's risks need on this validation set: p* = expit(intercept + slope · logit(p)). */
export type Recalibration = {
  __typename?: 'Recalibration';
  intercept: Scalars['Float']['output'];
  interceptCiLower?: Maybe<Scalars['Float']['output']>;
  interceptCiUpper?: Maybe<Scalars['Float']['output']>;
  /** Patients it rests on (complete case at the horizon); null when withheld. */
  n?: Maybe<Scalars['Int']['output']>;
  slope: Scalars['Float']['output'];
  slopeCiLower?: Maybe<Scalars['Float']['output']>;
  slopeCiUpper?: Maybe<Scalars['Float']['output']>;
};

export type RegisterModelVersionInput = {
  /** The ONNX file, base64-encoded. */
  artifactBase64: Scalars['String']['input'];
  family: Scalars['String']['input'];
  horizonDays?: InputMaybe<Scalars['Int']['input']>;
  kind: ModelKind;
  manifest: Scalars['JSON']['input'];
  outputSemantics: Scalars['String']['input'];
  studyId: Scalars['ID']['input'];
  task: ModelTask;
  version: Scalars['String']['input'];
};

/**
 * The site release gate: a run's results are DRAFT for its own site (and ADMINs) until the site's lead releases
 * them; only RELEASED results reach PIs, other sites and other sites' API keys. WITHDRAWN hides them again.
 */
export type ReleaseState =
  | 'DRAFT'
  | 'RELEASED'
  | 'WITHDRAWN';

export type RiskBin = {
  __typename?: 'RiskBin';
  events: Scalars['Int']['output'];
  lower?: Maybe<Scalars['Float']['output']>;
  meanRisk: Scalars['Float']['output'];
  n: Scalars['Int']['output'];
  observed: Scalars['Float']['output'];
  upper?: Maybe<Scalars['Float']['output']>;
};

/** A risk group of the model's rule: its share, hazard ratio against the reference group and the test across groups. */
export type RiskGroupDetails = {
  __typename?: 'RiskGroupDetails';
  grayP?: Maybe<Scalars['Float']['output']>;
  group: Scalars['String']['output'];
  hazardRatio?: Maybe<Scalars['Float']['output']>;
  hazardRatioCiLower?: Maybe<Scalars['Float']['output']>;
  hazardRatioCiUpper?: Maybe<Scalars['Float']['output']>;
  /** How incidence was estimated: 1 − Kaplan-Meier, or Aalen-Johansen. */
  incidence?: Maybe<Scalars['String']['output']>;
  /** Log-rank p across groups (no competing risks) or Gray's test p (death recorded). */
  logRankP?: Maybe<Scalars['Float']['output']>;
  /** Likelihood-ratio chi-square of the Cox model on the groups. */
  lrChisq?: Maybe<Scalars['Float']['output']>;
  share?: Maybe<Scalars['Float']['output']>;
};

export type RocPoint = {
  __typename?: 'RocPoint';
  fpr: Scalars['Float']['output'];
  /** Positive when the score is at least this; null for the (0, 0) corner. */
  threshold?: Maybe<Scalars['Float']['output']>;
  tpr: Scalars['Float']['output'];
};

export type RocSeries = {
  __typename?: 'RocSeries';
  auc?: Maybe<Scalars['Float']['output']>;
  cases: Scalars['Int']['output'];
  controls: Scalars['Int']['output'];
  points: Array<RocPoint>;
  /** model, frax_mof, frax_hip or baseline:<family>@<version>. */
  scoreSource: Scalars['String']['output'];
};

/**
 * The curves of a run's plots, stored by the metrics job as aggregates (never patient rows). For viewers
 * without patient-level access to the site, nothing resting on fewer than minimumCount patients, events or
 * non-events is shown (withheldParts counts what was taken away) and calibration deciles are pooled.
 */
export type RunCurves = {
  __typename?: 'RunCurves';
  /** Censoring-weighted AUC(t) every half year within follow-up, with its 95 % interval. */
  aucOverTime: Array<AucOverTimeSeries>;
  /** Calibration of the model's absolute risks by the horizon (empty when the model gives no absolute risk). */
  calibration: Array<CalibrationCurve>;
  /** Deaths were recorded and analysed as a competing event (Aalen-Johansen incidence, cause-specific AUC(t)). */
  competingRisks: Scalars['Boolean']['output'];
  /** Net benefit over risk thresholds 1–50 % (null without an absolute risk for the model or FRAX for everyone). */
  decisionCurve?: Maybe<DecisionCurve>;
  horizonDays: Scalars['Int']['output'];
  /** Cumulative incidence by risk group with numbers at risk (null when no groups could be formed). */
  incidence?: Maybe<IncidenceByGroup>;
  minimumCount: Scalars['Int']['output'];
  /** ROC at the horizon (complete case), the model and each comparator, at most 200 points each. */
  roc: Array<RocSeries>;
  /** The model's score on the analysed patients (null when it rests on fewer than the minimum cell count for you). */
  scoreDistribution?: Maybe<ScoreDistribution>;
  /** Series, points, groups or curves withheld from you by the small-cell rule. */
  withheldParts: Scalars['Int']['output'];
};

/** Who last changed a run's release, when and why (the audit trail keeps every change). */
export type RunRelease = {
  __typename?: 'RunRelease';
  at?: Maybe<Scalars['DateTime']['output']>;
  /** The lead or ADMIN who released or withdrew the results (null while DRAFT). */
  by?: Maybe<Scalars['String']['output']>;
  comment?: Maybe<Scalars['String']['output']>;
  state: ReleaseState;
};

export type RunStatus =
  | 'CANCELLED'
  | 'COMPUTING_METRICS'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ScoreDistribution = {
  __typename?: 'ScoreDistribution';
  mean: Scalars['Float']['output'];
  median: Scalars['Float']['output'];
  n: Scalars['Int']['output'];
  q1: Scalars['Float']['output'];
  q3: Scalars['Float']['output'];
  sd: Scalars['Float']['output'];
};

export type ScoreSpread = {
  __typename?: 'ScoreSpread';
  mean: Scalars['Float']['output'];
  median: Scalars['Float']['output'];
  modelVersion: ModelVersion;
  n: Scalars['Int']['output'];
  q1: Scalars['Float']['output'];
  q3: Scalars['Float']['output'];
  run: ValidationRun;
  sd: Scalars['Float']['output'];
  site: Site;
};

export type Sex =
  | 'FEMALE'
  | 'MALE';

export type Site = {
  __typename?: 'Site';
  /** Short stable name used by the CLI: Bundang, Boramae, Severance, ... */
  code: Scalars['String']['output'];
  country: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

export type SiteMembership = {
  __typename?: 'SiteMembership';
  /** When a time-limited grant ends by itself (null: until revoked). */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The site's lead: releases (and withdraws) the site's run results to the network. */
  lead: Scalars['Boolean']['output'];
  patientData: Scalars['Boolean']['output'];
  site: Site;
};

export type Study = {
  __typename?: 'Study';
  /** Datasets of this study the viewer may see (aggregate summaries only), paged like Query.datasets. */
  datasets: Array<ValidationDataset>;
  description: Scalars['String']['output'];
  horizonDays?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  modality: Modality;
  models: Array<ModelVersion>;
  riskGroupRule?: Maybe<Scalars['JSON']['output']>;
  slug: Scalars['String']['output'];
  target: PredictionTarget;
  title: Scalars['String']['output'];
};


export type StudyDatasetsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * One site × model version of a study: the latest finished run on the site's designated dataset and its stored
 * metrics.
 */
export type StudyComparisonRow = {
  __typename?: 'StudyComparisonRow';
  dataset: ValidationDataset;
  /** True when every metric of the run is withheld from you (small cells, no patient-level access to the site). */
  hidden: Scalars['Boolean']['output'];
  /**
   * The run's metrics (disclosure rules applied), paged like Query.metricResults; only the given subgroup
   * ("all": the whole cohort) and metrics when asked.
   */
  metrics: Array<MetricResult>;
  modelVersion: ModelVersion;
  run: ValidationRun;
  site: Site;
  /** Computed from fewer than 10 patients or 10 events. */
  smallCell: Scalars['Boolean']['output'];
};


/**
 * One site × model version of a study: the latest finished run on the site's designated dataset and its stored
 * metrics.
 */
export type StudyComparisonRowMetricsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  metric?: InputMaybe<Array<MetricName>>;
  subgroup?: InputMaybe<Scalars['String']['input']>;
};

/** A site's datasets with results in a study that you may see: the choices of its designated dataset. */
export type StudySiteDatasets = {
  __typename?: 'StudySiteDatasets';
  /** Newest first. */
  datasets: Array<ValidationDataset>;
  /** What the dashboard reads when no dataset is designated: the newest with a released run, else the newest. */
  defaultDataset: ValidationDataset;
  site: Site;
};

/** A person or service identity of the network, as ADMINs manage them. */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  /** When the account was deactivated (it can no longer sign in; its keys stopped working). */
  disabledAt?: Maybe<Scalars['DateTime']['output']>;
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  role: UserRole;
  /** Site memberships and grants: patient-level access and the lead flag per site. */
  sites: Array<SiteMembership>;
};

export type UserRole =
  | 'ADMIN'
  | 'INVESTIGATOR'
  | 'PARTNER'
  | 'PI';

/** A site's external validation set. This type is aggregate only: its patients are read through Query.patients. */
export type ValidationDataset = {
  __typename?: 'ValidationDataset';
  createdAt: Scalars['DateTime']['output'];
  eventCount?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  imageCount?: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  /** Counts resting on fewer patients or events than the minimum cell count are null for viewers without patient-level access to the site. */
  patientCount?: Maybe<Scalars['Int']['output']>;
  /** While VALIDATING: manifest rows checked so far, of progressTotal. */
  progressDone: Scalars['Int']['output'];
  /** While VALIDATING: WORKING, or WAITING_FOR_RETRY when no checkpoint was reached for a while (the ingestion resumes from the last one when its job is taken over). */
  progressState: ProgressState;
  progressTotal: Scalars['Int']['output'];
  providedScoreNames: Array<Scalars['String']['output']>;
  readyAt?: Maybe<Scalars['DateTime']['output']>;
  /** The dataset's runs, newest first, paged like Query.runs. */
  runs: Array<ValidationRun>;
  /** Seconds since the last ingestion checkpoint (null unless VALIDATING). */
  secondsSinceProgress?: Maybe<Scalars['Int']['output']>;
  sha256?: Maybe<Scalars['String']['output']>;
  site: Site;
  status: DatasetStatus;
  study: Study;
  /** Every problem found at validation (capped at 1,000; problemCount counts all); null until validated. */
  validationReport?: Maybe<ValidationReport>;
  withdrawReason?: Maybe<Scalars['String']['output']>;
  /** When and why the site withdrew the dataset. */
  withdrawnAt?: Maybe<Scalars['DateTime']['output']>;
};


/** A site's external validation set. This type is aggregate only: its patients are read through Query.patients. */
export type ValidationDatasetRunsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One problem of an upload: the manifest row (0 = the header or the file as a whole), the column, the value when it is safe to echo, and why. */
export type ValidationProblem = {
  __typename?: 'ValidationProblem';
  column: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  row: Scalars['Int']['output'];
  value: Scalars['String']['output'];
};

/** The outcome of validating an upload. */
export type ValidationReport = {
  __typename?: 'ValidationReport';
  /** Problems found (all of them, even beyond the list). */
  problemCount: Scalars['Int']['output'];
  problems: Array<ValidationProblem>;
  /** Data rows read. */
  rows: Scalars['Int']['output'];
};

/** A model version scored on a dataset. Aggregate; predictions are read through Query.predictions. */
export type ValidationRun = {
  __typename?: 'ValidationRun';
  /** The exact code: git:<commit>[-dirty], or fracval@<version>+<source hash> outside a checkout. */
  codeVersion: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** The curves of the run page (null until the metrics are computed, and while the results are not released to you). */
  curves?: Maybe<RunCurves>;
  dataset: ValidationDataset;
  error?: Maybe<Scalars['String']['output']>;
  /** Seconds until every patient is scored at the pace so far; 0 when finished, null before the first batch and while WAITING_FOR_RETRY. */
  etaSeconds?: Maybe<Scalars['Int']['output']>;
  /** The onnxruntime execution provider the workers used: cuda or cpu. */
  executionProvider?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Images preprocessed and scored so far (a CT series counts each slice). */
  imagesDone?: Maybe<Scalars['Int']['output']>;
  /** Images per second since the run started; null before the first batch is done. */
  imagesPerSecond?: Maybe<Scalars['Float']['output']>;
  modelVersion: ModelVersion;
  /** TRIPOD flow of participants, once the metrics are computed (null while the results are not released to you). */
  participantFlow?: Maybe<ParticipantFlow>;
  /** Progress counts of a run on fewer patients than the minimum cell count (and failures below it) are null for viewers without patient-level access to the site. */
  progressDone?: Maybe<Scalars['Int']['output']>;
  progressFailed?: Maybe<Scalars['Int']['output']>;
  /** Whether the run is moving: WAITING_FOR_RETRY when no batch has finished for a while (a worker stopped; its batch goes to another worker when its job expires). */
  progressState: ProgressState;
  progressTotal?: Maybe<Scalars['Int']['output']>;
  /** Whether the site has released the run's results to the network. */
  release: RunRelease;
  /** Seconds since the last batch finished (null when the run is finished). */
  secondsSinceProgress?: Maybe<Scalars['Int']['output']>;
  seed: Scalars['Int']['output'];
  startedAt?: Maybe<Scalars['DateTime']['output']>;
  status: RunStatus;
};

/** The principal making the request. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Scopes of the API key (null for users). */
  apiKeyScopes?: Maybe<Array<ApiScope>>;
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ViewerKind;
  name: Scalars['String']['output'];
  role: UserRole;
  /** Users: the session version a new session is issued under (the portal puts it in its token). */
  sessionVersion?: Maybe<Scalars['Int']['output']>;
  /** Sites this principal belongs to; patientData says whether it may read that site's patient-level rows. */
  sites: Array<SiteMembership>;
};

export type ViewerKind =
  | 'API_KEY'
  | 'USER';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  ApiScope: ApiScope;
  AucAtTime: ResolverTypeWrapper<AucAtTime>;
  AucOverTimeSeries: ResolverTypeWrapper<AucOverTimeSeries>;
  AuditEvent: ResolverTypeWrapper<AuditEventModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CalibrationBin: ResolverTypeWrapper<CalibrationBin>;
  CalibrationCurve: ResolverTypeWrapper<CalibrationCurve>;
  CalibrationPoint: ResolverTypeWrapper<CalibrationPoint>;
  CaseMix: ResolverTypeWrapper<CaseMixModel>;
  CaseMixCell: ResolverTypeWrapper<CaseMixCell>;
  CaseMixKind: CaseMixKind;
  CaseMixSite: ResolverTypeWrapper<Omit<CaseMixSite, 'dataset' | 'site'> & { dataset: ResolversTypes['ValidationDataset'], site: ResolversTypes['Site'] }>;
  CaseMixVariable: ResolverTypeWrapper<CaseMixVariable>;
  ClinicalBaseline: ResolverTypeWrapper<ClinicalBaselineModel>;
  ComparatorFlow: ResolverTypeWrapper<ComparatorFlow>;
  ConfusionCounts: ResolverTypeWrapper<ConfusionCounts>;
  ContractCheck: ResolverTypeWrapper<ContractCheck>;
  ContractCheckStatus: ContractCheckStatus;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateStudyInput: CreateStudyInput;
  CreateUserInput: CreateUserInput;
  CreateValidationDatasetInput: CreateValidationDatasetInput;
  CreatedApiKey: ResolverTypeWrapper<Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversTypes['ApiKey'] }>;
  CreatedUser: ResolverTypeWrapper<Omit<CreatedUser, 'user'> & { user: ResolversTypes['User'] }>;
  DatasetStatus: DatasetStatus;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DecisionCurve: ResolverTypeWrapper<DecisionCurve>;
  DecisionSeries: ResolverTypeWrapper<DecisionSeries>;
  FlexibleCalibration: ResolverTypeWrapper<FlexibleCalibration>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  FlowExclusion: ResolverTypeWrapper<FlowExclusion>;
  ForestPlot: ResolverTypeWrapper<ForestPlotModel>;
  ForestSite: ResolverTypeWrapper<Omit<ForestSite, 'dataset' | 'run' | 'site'> & { dataset: ResolversTypes['ValidationDataset'], run: ResolversTypes['ValidationRun'], site: ResolversTypes['Site'] }>;
  ForestStatistic: ForestStatistic;
  GrantSiteAccessInput: GrantSiteAccessInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IncidenceByGroup: ResolverTypeWrapper<IncidenceByGroup>;
  IncidenceGroup: ResolverTypeWrapper<IncidenceGroup>;
  IncidencePoint: ResolverTypeWrapper<IncidencePoint>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  InterventionThreshold: ResolverTypeWrapper<InterventionThreshold>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MetricDetails: ResolverTypeWrapper<MetricDetailsModel>;
  MetricName: MetricName;
  MetricResult: ResolverTypeWrapper<ShownMetricModel>;
  Modality: Modality;
  ModelContractReport: ResolverTypeWrapper<ModelContractReport>;
  ModelKind: ModelKind;
  ModelStatus: ModelStatus;
  ModelTask: ModelTask;
  ModelVersion: ResolverTypeWrapper<ModelVersionModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NetBenefitAtThreshold: ResolverTypeWrapper<NetBenefitAtThreshold>;
  NetBenefitPoint: ResolverTypeWrapper<NetBenefitPoint>;
  NumberAtRisk: ResolverTypeWrapper<NumberAtRisk>;
  OnboardSiteInput: OnboardSiteInput;
  OnboardSiteKeyInput: OnboardSiteKeyInput;
  OnboardSiteLeadInput: OnboardSiteLeadInput;
  OnboardedSite: ResolverTypeWrapper<Omit<OnboardedSite, 'apiKey' | 'lead' | 'site'> & { apiKey: ResolversTypes['CreatedApiKey'], lead: ResolversTypes['User'], site: ResolversTypes['Site'] }>;
  Outcome: ResolverTypeWrapper<OutcomeModel>;
  ParticipantFlow: ResolverTypeWrapper<ParticipantFlow>;
  Patient: ResolverTypeWrapper<PatientModel>;
  PooledEstimate: ResolverTypeWrapper<PooledEstimate>;
  PoolingScale: PoolingScale;
  Prediction: ResolverTypeWrapper<PredictionModel>;
  PredictionTarget: PredictionTarget;
  ProgressState: ProgressState;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Recalibration: ResolverTypeWrapper<Recalibration>;
  RegisterModelVersionInput: RegisterModelVersionInput;
  ReleaseState: ReleaseState;
  RiskBin: ResolverTypeWrapper<RiskBin>;
  RiskGroupDetails: ResolverTypeWrapper<RiskGroupDetails>;
  RocPoint: ResolverTypeWrapper<RocPoint>;
  RocSeries: ResolverTypeWrapper<RocSeries>;
  RunCurves: ResolverTypeWrapper<ShownRunCurvesModel>;
  RunRelease: ResolverTypeWrapper<RunRelease>;
  RunStatus: RunStatus;
  ScoreDistribution: ResolverTypeWrapper<ScoreDistribution>;
  ScoreSpread: ResolverTypeWrapper<Omit<ScoreSpread, 'modelVersion' | 'run' | 'site'> & { modelVersion: ResolversTypes['ModelVersion'], run: ResolversTypes['ValidationRun'], site: ResolversTypes['Site'] }>;
  Sex: Sex;
  Site: ResolverTypeWrapper<SiteModel>;
  SiteMembership: ResolverTypeWrapper<SiteGrantModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Study: ResolverTypeWrapper<StudyModel>;
  StudyComparisonRow: ResolverTypeWrapper<ComparisonRowModel>;
  StudySiteDatasets: ResolverTypeWrapper<Omit<StudySiteDatasets, 'datasets' | 'defaultDataset' | 'site'> & { datasets: Array<ResolversTypes['ValidationDataset']>, defaultDataset: ResolversTypes['ValidationDataset'], site: ResolversTypes['Site'] }>;
  User: ResolverTypeWrapper<UserModel>;
  UserRole: UserRole;
  ValidationDataset: ResolverTypeWrapper<ValidationDatasetModel>;
  ValidationProblem: ResolverTypeWrapper<ValidationProblem>;
  ValidationReport: ResolverTypeWrapper<ValidationReportModel>;
  ValidationRun: ResolverTypeWrapper<ValidationRunModel>;
  Viewer: ResolverTypeWrapper<ViewerModel>;
  ViewerKind: ViewerKind;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  ApiKey: ApiKeyModel;
  AucAtTime: AucAtTime;
  AucOverTimeSeries: AucOverTimeSeries;
  AuditEvent: AuditEventModel;
  Boolean: Scalars['Boolean']['output'];
  CalibrationBin: CalibrationBin;
  CalibrationCurve: CalibrationCurve;
  CalibrationPoint: CalibrationPoint;
  CaseMix: CaseMixModel;
  CaseMixCell: CaseMixCell;
  CaseMixSite: Omit<CaseMixSite, 'dataset' | 'site'> & { dataset: ResolversParentTypes['ValidationDataset'], site: ResolversParentTypes['Site'] };
  CaseMixVariable: CaseMixVariable;
  ClinicalBaseline: ClinicalBaselineModel;
  ComparatorFlow: ComparatorFlow;
  ConfusionCounts: ConfusionCounts;
  ContractCheck: ContractCheck;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateStudyInput: CreateStudyInput;
  CreateUserInput: CreateUserInput;
  CreateValidationDatasetInput: CreateValidationDatasetInput;
  CreatedApiKey: Omit<CreatedApiKey, 'apiKey'> & { apiKey: ResolversParentTypes['ApiKey'] };
  CreatedUser: Omit<CreatedUser, 'user'> & { user: ResolversParentTypes['User'] };
  DateTime: Scalars['DateTime']['output'];
  DecisionCurve: DecisionCurve;
  DecisionSeries: DecisionSeries;
  FlexibleCalibration: FlexibleCalibration;
  Float: Scalars['Float']['output'];
  FlowExclusion: FlowExclusion;
  ForestPlot: ForestPlotModel;
  ForestSite: Omit<ForestSite, 'dataset' | 'run' | 'site'> & { dataset: ResolversParentTypes['ValidationDataset'], run: ResolversParentTypes['ValidationRun'], site: ResolversParentTypes['Site'] };
  GrantSiteAccessInput: GrantSiteAccessInput;
  ID: Scalars['ID']['output'];
  IncidenceByGroup: IncidenceByGroup;
  IncidenceGroup: IncidenceGroup;
  IncidencePoint: IncidencePoint;
  Int: Scalars['Int']['output'];
  InterventionThreshold: InterventionThreshold;
  JSON: Scalars['JSON']['output'];
  MetricDetails: MetricDetailsModel;
  MetricResult: ShownMetricModel;
  ModelContractReport: ModelContractReport;
  ModelVersion: ModelVersionModel;
  Mutation: Record<PropertyKey, never>;
  NetBenefitAtThreshold: NetBenefitAtThreshold;
  NetBenefitPoint: NetBenefitPoint;
  NumberAtRisk: NumberAtRisk;
  OnboardSiteInput: OnboardSiteInput;
  OnboardSiteKeyInput: OnboardSiteKeyInput;
  OnboardSiteLeadInput: OnboardSiteLeadInput;
  OnboardedSite: Omit<OnboardedSite, 'apiKey' | 'lead' | 'site'> & { apiKey: ResolversParentTypes['CreatedApiKey'], lead: ResolversParentTypes['User'], site: ResolversParentTypes['Site'] };
  Outcome: OutcomeModel;
  ParticipantFlow: ParticipantFlow;
  Patient: PatientModel;
  PooledEstimate: PooledEstimate;
  Prediction: PredictionModel;
  Query: Record<PropertyKey, never>;
  Recalibration: Recalibration;
  RegisterModelVersionInput: RegisterModelVersionInput;
  RiskBin: RiskBin;
  RiskGroupDetails: RiskGroupDetails;
  RocPoint: RocPoint;
  RocSeries: RocSeries;
  RunCurves: ShownRunCurvesModel;
  RunRelease: RunRelease;
  ScoreDistribution: ScoreDistribution;
  ScoreSpread: Omit<ScoreSpread, 'modelVersion' | 'run' | 'site'> & { modelVersion: ResolversParentTypes['ModelVersion'], run: ResolversParentTypes['ValidationRun'], site: ResolversParentTypes['Site'] };
  Site: SiteModel;
  SiteMembership: SiteGrantModel;
  String: Scalars['String']['output'];
  Study: StudyModel;
  StudyComparisonRow: ComparisonRowModel;
  StudySiteDatasets: Omit<StudySiteDatasets, 'datasets' | 'defaultDataset' | 'site'> & { datasets: Array<ResolversParentTypes['ValidationDataset']>, defaultDataset: ResolversParentTypes['ValidationDataset'], site: ResolversParentTypes['Site'] };
  User: UserModel;
  ValidationDataset: ValidationDatasetModel;
  ValidationProblem: ValidationProblem;
  ValidationReport: ValidationReportModel;
  ValidationRun: ValidationRunModel;
  Viewer: ViewerModel;
}>;

export type AuthDirectiveArgs = {
  roles?: Maybe<Array<UserRole>>;
  scopes?: Maybe<Array<ApiScope>>;
};

export type AuthDirectiveResolver<Result, Parent, ContextType = Context, Args = AuthDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type PublicDirectiveArgs = { };

export type PublicDirectiveResolver<Result, Parent, ContextType = Context, Args = PublicDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['ApiScope']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
}>;

export type AucAtTimeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AucAtTime'] = ResolversParentTypes['AucAtTime']> = ResolversObject<{
  cases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  controls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  estimate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  upper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type AucOverTimeSeriesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AucOverTimeSeries'] = ResolversParentTypes['AucOverTimeSeries']> = ResolversObject<{
  points?: Resolver<Array<ResolversTypes['AucAtTime']>, ParentType, ContextType>;
  scoreSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AuditEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  actorUserId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  apiKeyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  patientCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  patientIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  resource?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  site?: Resolver<Maybe<ResolversTypes['Site']>, ParentType, ContextType>;
  siteId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
}>;

export type CalibrationBinResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CalibrationBin'] = ResolversParentTypes['CalibrationBin']> = ResolversObject<{
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  meanRisk?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  observed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  observedCiLower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  observedCiUpper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type CalibrationCurveResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CalibrationCurve'] = ResolversParentTypes['CalibrationCurve']> = ResolversObject<{
  bins?: Resolver<Array<ResolversTypes['RiskBin']>, ParentType, ContextType>;
  binsPooled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  flexible?: Resolver<Maybe<ResolversTypes['FlexibleCalibration']>, ParentType, ContextType>;
  flexibleNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scoreSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CalibrationPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CalibrationPoint'] = ResolversParentTypes['CalibrationPoint']> = ResolversObject<{
  observed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  predicted?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type CaseMixResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaseMix'] = ResolversParentTypes['CaseMix']> = ResolversObject<{
  scoreSpread?: Resolver<Array<ResolversTypes['ScoreSpread']>, ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['CaseMixSite']>, ParentType, ContextType>;
  variables?: Resolver<Array<ResolversTypes['CaseMixVariable']>, ParentType, ContextType>;
}>;

export type CaseMixCellResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaseMixCell'] = ResolversParentTypes['CaseMixCell']> = ResolversObject<{
  counts?: Resolver<Maybe<Array<Maybe<ResolversTypes['Int']>>>, ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  median?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  missing?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  n?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  percents?: Resolver<Maybe<Array<Maybe<ResolversTypes['Float']>>>, ParentType, ContextType>;
  q1?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  q3?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  withheld?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type CaseMixSiteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaseMixSite'] = ResolversParentTypes['CaseMixSite']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType>;
  patients?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
}>;

export type CaseMixVariableResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CaseMixVariable'] = ResolversParentTypes['CaseMixVariable']> = ResolversObject<{
  groups?: Resolver<Array<ResolversTypes['CaseMixCell']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CaseMixKind'], ParentType, ContextType>;
  levels?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  p?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  smd?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ClinicalBaselineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClinicalBaseline'] = ResolversParentTypes['ClinicalBaseline']> = ResolversObject<{
  ageYears?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  alcohol3PlusUnitsPerDay?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  bmi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  currentSmoking?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  femoralNeckBmd?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  femoralNeckTScore?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fraxHip10y?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  fraxMof10y?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  glucocorticoids?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  heightCm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  parentalHipFracture?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  prevalentVertebralFracture?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  priorFragilityFracture?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  rheumatoidArthritis?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  secondaryOsteoporosis?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  sex?: Resolver<ResolversTypes['Sex'], ParentType, ContextType>;
  type2Diabetes?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  weightKg?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type ComparatorFlowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ComparatorFlow'] = ResolversParentTypes['ComparatorFlow']> = ResolversObject<{
  analysed?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  excludedMissingScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  scoreSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConfusionCountsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConfusionCounts'] = ResolversParentTypes['ConfusionCounts']> = ResolversObject<{
  falseNegative?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  falsePositive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  trueNegative?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  truePositive?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ContractCheckResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ContractCheck'] = ResolversParentTypes['ContractCheck']> = ResolversObject<{
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ContractCheckStatus'], ParentType, ContextType>;
}>;

export type CreatedApiKeyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreatedApiKey'] = ResolversParentTypes['CreatedApiKey']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CreatedUserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreatedUser'] = ResolversParentTypes['CreatedUser']> = ResolversObject<{
  initialPassword?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DecisionCurveResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DecisionCurve'] = ResolversParentTypes['DecisionCurve']> = ResolversObject<{
  interventionThresholds?: Resolver<Array<ResolversTypes['InterventionThreshold']>, ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  series?: Resolver<Array<ResolversTypes['DecisionSeries']>, ParentType, ContextType>;
  treatAll?: Resolver<Array<ResolversTypes['NetBenefitPoint']>, ParentType, ContextType>;
}>;

export type DecisionSeriesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DecisionSeries'] = ResolversParentTypes['DecisionSeries']> = ResolversObject<{
  points?: Resolver<Array<ResolversTypes['NetBenefitAtThreshold']>, ParentType, ContextType>;
  riskMeaning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scoreSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FlexibleCalibrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FlexibleCalibration'] = ResolversParentTypes['FlexibleCalibration']> = ResolversObject<{
  curve?: Resolver<Array<ResolversTypes['CalibrationPoint']>, ParentType, ContextType>;
  e50?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  e90?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  ici?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type FlowExclusionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FlowExclusion'] = ResolversParentTypes['FlowExclusion']> = ResolversObject<{
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ForestPlotResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ForestPlot'] = ResolversParentTypes['ForestPlot']> = ResolversObject<{
  horizonDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['MetricName'], ParentType, ContextType>;
  modelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType>;
  notPooled?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pooled?: Resolver<Maybe<ResolversTypes['PooledEstimate']>, ParentType, ContextType>;
  scale?: Resolver<ResolversTypes['PoolingScale'], ParentType, ContextType>;
  scoreSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['ForestSite']>, ParentType, ContextType>;
  statistic?: Resolver<ResolversTypes['ForestStatistic'], ParentType, ContextType>;
}>;

export type ForestSiteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ForestSite'] = ResolversParentTypes['ForestSite']> = ResolversObject<{
  ciLower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ciUpper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType>;
  estimate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  n?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  p?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  run?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType>;
  se?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  weight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type IncidenceByGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IncidenceByGroup'] = ResolversParentTypes['IncidenceByGroup']> = ResolversObject<{
  grouping?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['IncidenceGroup']>, ParentType, ContextType>;
}>;

export type IncidenceGroupResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IncidenceGroup'] = ResolversParentTypes['IncidenceGroup']> = ResolversObject<{
  atRisk?: Resolver<Array<ResolversTypes['NumberAtRisk']>, ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['IncidencePoint']>, ParentType, ContextType>;
}>;

export type IncidencePointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IncidencePoint'] = ResolversParentTypes['IncidencePoint']> = ResolversObject<{
  atRisk?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  incidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  upper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type InterventionThresholdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InterventionThreshold'] = ResolversParentTypes['InterventionThreshold']> = ResolversObject<{
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MetricDetailsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricDetails'] = ResolversParentTypes['MetricDetails']> = ResolversObject<{
  analysis?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  binsWithheld?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  brier?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  calibratedForTargetPopulation?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  calibrationBins?: Resolver<Maybe<Array<ResolversTypes['CalibrationBin']>>, ParentType, ContextType>;
  ciMethod?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  comparator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  competingRisks?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  concordant?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  confusion?: Resolver<Maybe<ResolversTypes['ConfusionCounts']>, ParentType, ContextType>;
  countsWithheld?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  discordant?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  excludedCensoredBeforeHorizon?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  excludedMissingScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  expected?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  inTheLarge?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  interpretation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipa?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  method?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  observed?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  observedSe?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  p?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  recalibratedWith?: Resolver<Maybe<ResolversTypes['Recalibration']>, ParentType, ContextType>;
  recalibrationNeeded?: Resolver<Maybe<ResolversTypes['Recalibration']>, ParentType, ContextType>;
  riskGroup?: Resolver<Maybe<ResolversTypes['RiskGroupDetails']>, ParentType, ContextType>;
  slope?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  slopeCiLower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  slopeCiUpper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  subgroup?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tau?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tiedRisk?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tiedTime?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  z?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type MetricResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricResult'] = ResolversParentTypes['MetricResult']> = ResolversObject<{
  ciLower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ciUpper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  datasetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  details?: Resolver<Maybe<ResolversTypes['MetricDetails']>, ParentType, ContextType>;
  estimate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  events?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  horizonDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['MetricName'], ParentType, ContextType>;
  n?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  provenance?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  runId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  scoreSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  se?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  subgroup?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ModelContractReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelContractReport'] = ResolversParentTypes['ModelContractReport']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  checks?: Resolver<Array<ResolversTypes['ContractCheck']>, ParentType, ContextType>;
}>;

export type ModelVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelVersion'] = ResolversParentTypes['ModelVersion']> = ResolversObject<{
  artifactSha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deprecatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deprecationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  family?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  horizonDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ModelKind'], ParentType, ContextType>;
  manifest?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  modality?: Resolver<ResolversTypes['Modality'], ParentType, ContextType>;
  outputSemantics?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ModelStatus'], ParentType, ContextType>;
  study?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
  task?: Resolver<ResolversTypes['ModelTask'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelValidationDatasetUpload?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType, RequireFields<MutationCancelValidationDatasetUploadArgs, 'id'>>;
  cancelValidationRun?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType, RequireFields<MutationCancelValidationRunArgs, 'id'>>;
  changePassword?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationChangePasswordArgs, 'currentPassword' | 'newPassword'>>;
  checkModelVersion?: Resolver<ResolversTypes['ModelContractReport'], ParentType, ContextType, RequireFields<MutationCheckModelVersionArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createStudy?: Resolver<ResolversTypes['Study'], ParentType, ContextType, RequireFields<MutationCreateStudyArgs, 'input'>>;
  createUser?: Resolver<ResolversTypes['CreatedUser'], ParentType, ContextType, RequireFields<MutationCreateUserArgs, 'input'>>;
  createValidationDataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType, RequireFields<MutationCreateValidationDatasetArgs, 'input'>>;
  createValidationRun?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType, RequireFields<MutationCreateValidationRunArgs, 'datasetId' | 'modelVersionId'>>;
  deactivateUser?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationDeactivateUserArgs, 'id' | 'reason'>>;
  deprecateModelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationDeprecateModelVersionArgs, 'id' | 'reason'>>;
  endSession?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  finishValidationDatasetUpload?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType, RequireFields<MutationFinishValidationDatasetUploadArgs, 'id'>>;
  grantSiteAccess?: Resolver<ResolversTypes['SiteMembership'], ParentType, ContextType, RequireFields<MutationGrantSiteAccessArgs, 'input'>>;
  onboardSite?: Resolver<ResolversTypes['OnboardedSite'], ParentType, ContextType, RequireFields<MutationOnboardSiteArgs, 'input'>>;
  registerModelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationRegisterModelVersionArgs, 'input'>>;
  releaseValidationRun?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType, RequireFields<MutationReleaseValidationRunArgs, 'comment' | 'id'>>;
  resetUserPassword?: Resolver<ResolversTypes['CreatedUser'], ParentType, ContextType, RequireFields<MutationResetUserPasswordArgs, 'id' | 'reason'>>;
  revokeApiKey?: Resolver<ResolversTypes['ApiKey'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'id'>>;
  revokeSiteAccess?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeSiteAccessArgs, 'siteId' | 'userId'>>;
  setUserRole?: Resolver<ResolversTypes['User'], ParentType, ContextType, RequireFields<MutationSetUserRoleArgs, 'id' | 'reason' | 'role'>>;
  verifyCredentials?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType, RequireFields<MutationVerifyCredentialsArgs, 'email' | 'password'>>;
  withdrawValidationDataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType, RequireFields<MutationWithdrawValidationDatasetArgs, 'id' | 'reason'>>;
  withdrawValidationRun?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType, RequireFields<MutationWithdrawValidationRunArgs, 'comment' | 'id'>>;
}>;

export type NetBenefitAtThresholdResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NetBenefitAtThreshold'] = ResolversParentTypes['NetBenefitAtThreshold']> = ResolversObject<{
  netBenefit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  positives?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type NetBenefitPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NetBenefitPoint'] = ResolversParentTypes['NetBenefitPoint']> = ResolversObject<{
  netBenefit?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type NumberAtRiskResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NumberAtRisk'] = ResolversParentTypes['NumberAtRisk']> = ResolversObject<{
  atRisk?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OnboardedSiteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OnboardedSite'] = ResolversParentTypes['OnboardedSite']> = ResolversObject<{
  apiKey?: Resolver<ResolversTypes['CreatedApiKey'], ParentType, ContextType>;
  lead?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  leadInitialPassword?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
}>;

export type OutcomeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Outcome'] = ResolversParentTypes['Outcome']> = ResolversObject<{
  deathDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  eventDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  followUpDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  incidentVertebralFracture?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ParticipantFlowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ParticipantFlow'] = ResolversParentTypes['ParticipantFlow']> = ResolversObject<{
  analysed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  censoredBeforeHorizon?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  comparators?: Resolver<Array<ResolversTypes['ComparatorFlow']>, ParentType, ContextType>;
  competingRisks?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  deathsBeforeFracture?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  events?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  horizonDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missingOutcome?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  notScored?: Resolver<Array<ResolversTypes['FlowExclusion']>, ParentType, ContextType>;
  uploaded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PatientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Patient'] = ResolversParentTypes['Patient']> = ResolversObject<{
  baseline?: Resolver<Maybe<ResolversTypes['ClinicalBaseline']>, ParentType, ContextType>;
  datasetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['Outcome']>, ParentType, ContextType>;
  pseudonym?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  siteId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PooledEstimateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PooledEstimate'] = ResolversParentTypes['PooledEstimate']> = ResolversObject<{
  ciLower?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  ciUpper?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  estimate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  hksj?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  i2?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  k?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  predictionLower?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  predictionUpper?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  q?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  qP?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tau2?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type PredictionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Prediction'] = ResolversParentTypes['Prediction']> = ResolversObject<{
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  patientId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rawOutputs?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType, Partial<QueryApiKeysArgs>>;
  auditEvents?: Resolver<Array<ResolversTypes['AuditEvent']>, ParentType, ContextType, Partial<QueryAuditEventsArgs>>;
  dataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType, RequireFields<QueryDatasetArgs, 'id'>>;
  datasets?: Resolver<Array<ResolversTypes['ValidationDataset']>, ParentType, ContextType, Partial<QueryDatasetsArgs>>;
  me?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  metricResults?: Resolver<Array<ResolversTypes['MetricResult']>, ParentType, ContextType, Partial<QueryMetricResultsArgs>>;
  modelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<QueryModelVersionArgs, 'id'>>;
  modelVersions?: Resolver<Array<ResolversTypes['ModelVersion']>, ParentType, ContextType, Partial<QueryModelVersionsArgs>>;
  patient?: Resolver<ResolversTypes['Patient'], ParentType, ContextType, RequireFields<QueryPatientArgs, 'id'>>;
  patients?: Resolver<Array<ResolversTypes['Patient']>, ParentType, ContextType, RequireFields<QueryPatientsArgs, 'datasetId' | 'first' | 'offset'>>;
  ping?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  predictions?: Resolver<Array<ResolversTypes['Prediction']>, ParentType, ContextType, RequireFields<QueryPredictionsArgs, 'runId'>>;
  run?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType, RequireFields<QueryRunArgs, 'id'>>;
  runs?: Resolver<Array<ResolversTypes['ValidationRun']>, ParentType, ContextType, Partial<QueryRunsArgs>>;
  runsAwaitingRelease?: Resolver<Array<ResolversTypes['ValidationRun']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType, RequireFields<QuerySiteArgs, 'id'>>;
  sites?: Resolver<Array<ResolversTypes['Site']>, ParentType, ContextType, Partial<QuerySitesArgs>>;
  studies?: Resolver<Array<ResolversTypes['Study']>, ParentType, ContextType, Partial<QueryStudiesArgs>>;
  study?: Resolver<ResolversTypes['Study'], ParentType, ContextType, RequireFields<QueryStudyArgs, 'id'>>;
  studyCaseMix?: Resolver<ResolversTypes['CaseMix'], ParentType, ContextType, RequireFields<QueryStudyCaseMixArgs, 'releasedOnly' | 'studyId'>>;
  studyComparison?: Resolver<Array<ResolversTypes['StudyComparisonRow']>, ParentType, ContextType, RequireFields<QueryStudyComparisonArgs, 'releasedOnly' | 'studyId'>>;
  studyForest?: Resolver<Array<ResolversTypes['ForestPlot']>, ParentType, ContextType, RequireFields<QueryStudyForestArgs, 'everySource' | 'metric' | 'releasedOnly' | 'statistic' | 'studyId'>>;
  studyResultDatasets?: Resolver<Array<ResolversTypes['StudySiteDatasets']>, ParentType, ContextType, RequireFields<QueryStudyResultDatasetsArgs, 'releasedOnly' | 'studyId'>>;
  users?: Resolver<Array<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type RecalibrationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Recalibration'] = ResolversParentTypes['Recalibration']> = ResolversObject<{
  intercept?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  interceptCiLower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  interceptCiUpper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  n?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  slope?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  slopeCiLower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  slopeCiUpper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type RiskBinResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RiskBin'] = ResolversParentTypes['RiskBin']> = ResolversObject<{
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanRisk?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  observed?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  upper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type RiskGroupDetailsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RiskGroupDetails'] = ResolversParentTypes['RiskGroupDetails']> = ResolversObject<{
  grayP?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  group?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hazardRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hazardRatioCiLower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hazardRatioCiUpper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  incidence?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  logRankP?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lrChisq?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  share?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type RocPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RocPoint'] = ResolversParentTypes['RocPoint']> = ResolversObject<{
  fpr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  threshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tpr?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type RocSeriesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RocSeries'] = ResolversParentTypes['RocSeries']> = ResolversObject<{
  auc?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cases?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  controls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['RocPoint']>, ParentType, ContextType>;
  scoreSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RunCurvesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunCurves'] = ResolversParentTypes['RunCurves']> = ResolversObject<{
  aucOverTime?: Resolver<Array<ResolversTypes['AucOverTimeSeries']>, ParentType, ContextType>;
  calibration?: Resolver<Array<ResolversTypes['CalibrationCurve']>, ParentType, ContextType>;
  competingRisks?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decisionCurve?: Resolver<Maybe<ResolversTypes['DecisionCurve']>, ParentType, ContextType>;
  horizonDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  incidence?: Resolver<Maybe<ResolversTypes['IncidenceByGroup']>, ParentType, ContextType>;
  minimumCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  roc?: Resolver<Array<ResolversTypes['RocSeries']>, ParentType, ContextType>;
  scoreDistribution?: Resolver<Maybe<ResolversTypes['ScoreDistribution']>, ParentType, ContextType>;
  withheldParts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type RunReleaseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunRelease'] = ResolversParentTypes['RunRelease']> = ResolversObject<{
  at?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  by?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ReleaseState'], ParentType, ContextType>;
}>;

export type ScoreDistributionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScoreDistribution'] = ResolversParentTypes['ScoreDistribution']> = ResolversObject<{
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  median?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  q1?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  q3?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type ScoreSpreadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScoreSpread'] = ResolversParentTypes['ScoreSpread']> = ResolversObject<{
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  median?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  modelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  q1?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  q3?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType>;
  sd?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
}>;

export type SiteResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Site'] = ResolversParentTypes['Site']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  country?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SiteMembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SiteMembership'] = ResolversParentTypes['SiteMembership']> = ResolversObject<{
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lead?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  patientData?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
}>;

export type StudyResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Study'] = ResolversParentTypes['Study']> = ResolversObject<{
  datasets?: Resolver<Array<ResolversTypes['ValidationDataset']>, ParentType, ContextType, Partial<StudyDatasetsArgs>>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  horizonDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modality?: Resolver<ResolversTypes['Modality'], ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['ModelVersion']>, ParentType, ContextType>;
  riskGroupRule?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['PredictionTarget'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StudyComparisonRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StudyComparisonRow'] = ResolversParentTypes['StudyComparisonRow']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType>;
  hidden?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  metrics?: Resolver<Array<ResolversTypes['MetricResult']>, ParentType, ContextType, Partial<StudyComparisonRowMetricsArgs>>;
  modelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType>;
  run?: Resolver<ResolversTypes['ValidationRun'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  smallCell?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type StudySiteDatasetsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StudySiteDatasets'] = ResolversParentTypes['StudySiteDatasets']> = ResolversObject<{
  datasets?: Resolver<Array<ResolversTypes['ValidationDataset']>, ParentType, ContextType>;
  defaultDataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  disabledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['UserRole'], ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['SiteMembership']>, ParentType, ContextType>;
}>;

export type ValidationDatasetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ValidationDataset'] = ResolversParentTypes['ValidationDataset']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  eventCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imageCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  patientCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  progressDone?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  progressState?: Resolver<ResolversTypes['ProgressState'], ParentType, ContextType>;
  progressTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  providedScoreNames?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  readyAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['ValidationRun']>, ParentType, ContextType, Partial<ValidationDatasetRunsArgs>>;
  secondsSinceProgress?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  site?: Resolver<ResolversTypes['Site'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DatasetStatus'], ParentType, ContextType>;
  study?: Resolver<ResolversTypes['Study'], ParentType, ContextType>;
  validationReport?: Resolver<Maybe<ResolversTypes['ValidationReport']>, ParentType, ContextType>;
  withdrawReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withdrawnAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type ValidationProblemResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ValidationProblem'] = ResolversParentTypes['ValidationProblem']> = ResolversObject<{
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  row?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ValidationReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ValidationReport'] = ResolversParentTypes['ValidationReport']> = ResolversObject<{
  problemCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['ValidationProblem']>, ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ValidationRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ValidationRun'] = ResolversParentTypes['ValidationRun']> = ResolversObject<{
  codeVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  curves?: Resolver<Maybe<ResolversTypes['RunCurves']>, ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['ValidationDataset'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  etaSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  executionProvider?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  imagesDone?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  imagesPerSecond?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  modelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType>;
  participantFlow?: Resolver<Maybe<ResolversTypes['ParticipantFlow']>, ParentType, ContextType>;
  progressDone?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  progressFailed?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  progressState?: Resolver<ResolversTypes['ProgressState'], ParentType, ContextType>;
  progressTotal?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  release?: Resolver<ResolversTypes['RunRelease'], ParentType, ContextType>;
  secondsSinceProgress?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  seed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RunStatus'], ParentType, ContextType>;
}>;

export type ViewerResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = ResolversObject<{
  apiKeyScopes?: Resolver<Maybe<Array<ResolversTypes['ApiScope']>>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ViewerKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['UserRole'], ParentType, ContextType>;
  sessionVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sites?: Resolver<Array<ResolversTypes['SiteMembership']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  ApiKey?: ApiKeyResolvers<ContextType>;
  AucAtTime?: AucAtTimeResolvers<ContextType>;
  AucOverTimeSeries?: AucOverTimeSeriesResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  CalibrationBin?: CalibrationBinResolvers<ContextType>;
  CalibrationCurve?: CalibrationCurveResolvers<ContextType>;
  CalibrationPoint?: CalibrationPointResolvers<ContextType>;
  CaseMix?: CaseMixResolvers<ContextType>;
  CaseMixCell?: CaseMixCellResolvers<ContextType>;
  CaseMixSite?: CaseMixSiteResolvers<ContextType>;
  CaseMixVariable?: CaseMixVariableResolvers<ContextType>;
  ClinicalBaseline?: ClinicalBaselineResolvers<ContextType>;
  ComparatorFlow?: ComparatorFlowResolvers<ContextType>;
  ConfusionCounts?: ConfusionCountsResolvers<ContextType>;
  ContractCheck?: ContractCheckResolvers<ContextType>;
  CreatedApiKey?: CreatedApiKeyResolvers<ContextType>;
  CreatedUser?: CreatedUserResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DecisionCurve?: DecisionCurveResolvers<ContextType>;
  DecisionSeries?: DecisionSeriesResolvers<ContextType>;
  FlexibleCalibration?: FlexibleCalibrationResolvers<ContextType>;
  FlowExclusion?: FlowExclusionResolvers<ContextType>;
  ForestPlot?: ForestPlotResolvers<ContextType>;
  ForestSite?: ForestSiteResolvers<ContextType>;
  IncidenceByGroup?: IncidenceByGroupResolvers<ContextType>;
  IncidenceGroup?: IncidenceGroupResolvers<ContextType>;
  IncidencePoint?: IncidencePointResolvers<ContextType>;
  InterventionThreshold?: InterventionThresholdResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MetricDetails?: MetricDetailsResolvers<ContextType>;
  MetricResult?: MetricResultResolvers<ContextType>;
  ModelContractReport?: ModelContractReportResolvers<ContextType>;
  ModelVersion?: ModelVersionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NetBenefitAtThreshold?: NetBenefitAtThresholdResolvers<ContextType>;
  NetBenefitPoint?: NetBenefitPointResolvers<ContextType>;
  NumberAtRisk?: NumberAtRiskResolvers<ContextType>;
  OnboardedSite?: OnboardedSiteResolvers<ContextType>;
  Outcome?: OutcomeResolvers<ContextType>;
  ParticipantFlow?: ParticipantFlowResolvers<ContextType>;
  Patient?: PatientResolvers<ContextType>;
  PooledEstimate?: PooledEstimateResolvers<ContextType>;
  Prediction?: PredictionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Recalibration?: RecalibrationResolvers<ContextType>;
  RiskBin?: RiskBinResolvers<ContextType>;
  RiskGroupDetails?: RiskGroupDetailsResolvers<ContextType>;
  RocPoint?: RocPointResolvers<ContextType>;
  RocSeries?: RocSeriesResolvers<ContextType>;
  RunCurves?: RunCurvesResolvers<ContextType>;
  RunRelease?: RunReleaseResolvers<ContextType>;
  ScoreDistribution?: ScoreDistributionResolvers<ContextType>;
  ScoreSpread?: ScoreSpreadResolvers<ContextType>;
  Site?: SiteResolvers<ContextType>;
  SiteMembership?: SiteMembershipResolvers<ContextType>;
  Study?: StudyResolvers<ContextType>;
  StudyComparisonRow?: StudyComparisonRowResolvers<ContextType>;
  StudySiteDatasets?: StudySiteDatasetsResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  ValidationDataset?: ValidationDatasetResolvers<ContextType>;
  ValidationProblem?: ValidationProblemResolvers<ContextType>;
  ValidationReport?: ValidationReportResolvers<ContextType>;
  ValidationRun?: ValidationRunResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  auth?: AuthDirectiveResolver<any, any, ContextType>;
  public?: PublicDirectiveResolver<any, any, ContextType>;
}>;
