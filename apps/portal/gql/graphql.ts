/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type CaseMixKind =
  | 'CATEGORICAL'
  | 'CONTINUOUS';

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
  | 'VALIDATING';

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


export type PortalRunQuery = { me: { role: UserRole, sites: Array<{ patientData: boolean, lead: boolean, site: { id: string } }> }, run: { id: string, status: RunStatus, createdAt: string, startedAt: string | null, finishedAt: string | null, codeVersion: string, seed: number, executionProvider: string | null, error: string | null, progressDone: number | null, progressTotal: number | null, release: { state: ReleaseState, by: string | null, at: string | null, comment: string | null }, modelVersion: { id: string, family: string, version: string, artifactSha256: string, outputSemantics: string }, dataset: { id: string, name: string, sha256: string | null, createdAt: string, site: { id: string, code: string, name: string }, study: { id: string, title: string, horizonDays: number | null } }, participantFlow: { uploaded: number, missingOutcome: number | null, analysed: number, events: number | null, censoredBeforeHorizon: number | null, horizonDays: number, competingRisks: boolean, deathsBeforeFracture: number | null, notScored: Array<{ reason: string, count: number | null }>, comparators: Array<{ scoreSource: string, analysed: number | null, excludedMissingScore: number | null }> } | null, curves: { horizonDays: number, competingRisks: boolean, minimumCount: number, withheldParts: number, roc: Array<{ scoreSource: string, cases: number, controls: number, auc: number | null, points: Array<{ threshold: number | null, fpr: number, tpr: number }> }>, aucOverTime: Array<{ scoreSource: string, points: Array<{ days: number, estimate: number, lower: number | null, upper: number | null, cases: number, controls: number }> }>, incidence: { grouping: string, groups: Array<{ name: string, n: number, events: number, points: Array<{ days: number, incidence: number, lower: number | null, upper: number | null, atRisk: number }>, atRisk: Array<{ days: number, atRisk: number }> }> } | null, calibration: Array<{ scoreSource: string, binsPooled: boolean, flexibleNote: string | null, bins: Array<{ n: number, events: number, meanRisk: number, observed: number, lower: number | null, upper: number | null }>, flexible: { ici: number, e50: number, e90: number, curve: Array<{ predicted: number, observed: number }> } | null }>, decisionCurve: { n: number, treatAll: Array<{ threshold: number, netBenefit: number }>, interventionThresholds: Array<{ label: string, threshold: number }>, series: Array<{ scoreSource: string, riskMeaning: string, points: Array<{ threshold: number, netBenefit: number, positives: number }> }> } | null } | null }, metricResults: Array<{ metric: MetricName, scoreSource: string, subgroup: string, horizonDays: number | null, estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, events: number | null, details: { p: number | null, slope: number | null, slopeCiLower: number | null, slopeCiUpper: number | null, brier: number | null, ipa: number | null, confusion: { truePositive: number, falsePositive: number, trueNegative: number, falseNegative: number, threshold: number } | null } | null }> };

export type PortalSitesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalSitesQuery = { sites: Array<{ id: string, code: string, name: string, country: string }>, me: { sites: Array<{ patientData: boolean, site: { id: string } }> } };

export type PortalCaseMixQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalCaseMixQuery = { study: { id: string, title: string }, studyCaseMix: { sites: Array<{ patients: number | null, site: { code: string, name: string }, dataset: { name: string } }>, variables: Array<{ name: string, kind: CaseMixKind, unit: string | null, levels: Array<string> | null, p: number | null, smd: Array<number | null>, groups: Array<{ n: number | null, mean: number | null, sd: number | null, median: number | null, q1: number | null, q3: number | null, counts: Array<number | null> | null, percents: Array<number | null> | null, missing: number | null, withheld: boolean }> }>, scoreSpread: Array<{ n: number, mean: number, sd: number, q1: number, median: number, q3: number, site: { code: string }, modelVersion: { family: string, version: string } }> } };

export type PortalStudyForestQueryVariables = Exact<{
  id: string | number;
  metric: MetricName;
  horizon?: number | null | undefined;
  diff: MetricName;
  hasDiff: boolean;
}>;


export type PortalStudyForestQuery = { model: Array<{ scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }>, frax: Array<{ scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }>, diff?: Array<{ scale: PoolingScale, notPooled: string | null, modelVersion: { id: string, family: string, version: string }, sites: Array<{ estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, weight: number | null, site: { code: string }, run: { id: string, release: { state: ReleaseState } } }>, pooled: { k: number, method: string, hksj: boolean, estimate: number, ciLower: number, ciUpper: number, predictionLower: number, predictionUpper: number, tau2: number, i2: number, q: number, qP: number } | null }> };

export type PortalStudyResultsQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalStudyResultsQuery = { study: { title: string, horizonDays: number | null, datasets: Array<{ id: string, status: DatasetStatus, site: { code: string } }>, models: Array<{ id: string, family: string, version: string }> }, studyComparison: Array<{ smallCell: boolean, hidden: boolean, site: { code: string }, modelVersion: { family: string, version: string }, dataset: { name: string }, run: { id: string, status: RunStatus, finishedAt: string | null, release: { state: ReleaseState } }, metrics: Array<{ metric: MetricName, scoreSource: string, subgroup: string, horizonDays: number | null, estimate: number, ciLower: number | null, ciUpper: number | null, n: number | null, events: number | null, details: { p: number | null, competingRisks: boolean | null, calibratedForTargetPopulation: boolean | null } | null }> }>, runsAwaitingRelease: Array<{ id: string, dataset: { study: { id: string } } }>, runs: Array<{ id: string, status: RunStatus, progressDone: number | null, progressTotal: number | null, progressFailed: number | null, imagesPerSecond: number | null, etaSeconds: number | null, progressState: ProgressState, secondsSinceProgress: number | null, executionProvider: string | null, modelVersion: { family: string, version: string }, dataset: { id: string, site: { code: string } } }> };

export type PortalStudyTitleQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalStudyTitleQuery = { study: { title: string } };

export type PortalStudiesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalStudiesQuery = { studies: Array<{ id: string, slug: string, title: string, description: string, target: PredictionTarget, horizonDays: number | null, modality: Modality, models: Array<{ id: string }>, datasets: Array<{ id: string, status: DatasetStatus, patientCount: number | null, eventCount: number | null, site: { code: string } }> }> };

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
    query PortalCaseMix($id: ID!) {
  study(id: $id) {
    id
    title
  }
  studyCaseMix(studyId: $id) {
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
    query PortalStudyForest($id: ID!, $metric: MetricName!, $horizon: Int, $diff: MetricName!, $hasDiff: Boolean!) {
  model: studyForest(studyId: $id, metric: $metric, horizonDays: $horizon) {
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
  frax: studyForest(
    studyId: $id
    metric: $metric
    scoreSource: "frax_mof"
    horizonDays: $horizon
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
  diff: studyForest(
    studyId: $id
    metric: $diff
    scoreSource: "model-vs-frax_mof"
    horizonDays: $horizon
  ) @include(if: $hasDiff) {
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
}
    `) as unknown as TypedDocumentString<PortalStudyForestQuery, PortalStudyForestQueryVariables>;
export const PortalStudyResultsDocument = new TypedDocumentString(`
    query PortalStudyResults($id: ID!) {
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
  studyComparison(studyId: $id) {
    site {
      code
    }
    modelVersion {
      family
      version
    }
    dataset {
      name
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
    metrics(subgroup: "all") {
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
    `) as unknown as TypedDocumentString<PortalStudyResultsQuery, PortalStudyResultsQueryVariables>;
export const PortalStudyTitleDocument = new TypedDocumentString(`
    query PortalStudyTitle($id: ID!) {
  study(id: $id) {
    title
  }
}
    `) as unknown as TypedDocumentString<PortalStudyTitleQuery, PortalStudyTitleQueryVariables>;
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