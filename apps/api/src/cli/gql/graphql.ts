/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type RunStatus =
  | 'CANCELLED'
  | 'COMPUTING_METRICS'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type CliSitesOfKeyQueryVariables = Exact<{ [key: string]: never; }>;


export type CliSitesOfKeyQuery = { me: { sites: Array<{ site: { id: string, code: string } }> } };

export type CliCreateDatasetMutationVariables = Exact<{
  input: CreateValidationDatasetInput;
}>;


export type CliCreateDatasetMutation = { createValidationDataset: { id: string } };

export type CliCancelUploadMutationVariables = Exact<{
  id: string | number;
}>;


export type CliCancelUploadMutation = { cancelValidationDatasetUpload: { id: string } };

export type CliFinishUploadMutationVariables = Exact<{
  id: string | number;
}>;


export type CliFinishUploadMutation = { finishValidationDatasetUpload: { id: string } };

export type CliDatasetProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type CliDatasetProgressQuery = { dataset: { status: DatasetStatus, progressDone: number, progressTotal: number, progressState: ProgressState, secondsSinceProgress: number | null, patientCount: number | null, eventCount: number | null, imageCount: number | null, sha256: string | null, validationReport: { problemCount: number, problems: Array<{ row: number, column: string, value: string, reason: string }> } | null } };

export type CliStudyModelsQueryVariables = Exact<{
  id: string | number;
}>;


export type CliStudyModelsQuery = { study: { models: Array<{ id: string, family: string, version: string }> } };

export type CliCreateRunMutationVariables = Exact<{
  m: string | number;
  d: string | number;
}>;


export type CliCreateRunMutation = { createValidationRun: { id: string } };

export type CliRunProgressQueryVariables = Exact<{
  id: string | number;
}>;


export type CliRunProgressQuery = { run: { status: RunStatus, progressDone: number | null, progressTotal: number | null, progressFailed: number | null, imagesPerSecond: number | null, etaSeconds: number | null, progressState: ProgressState, secondsSinceProgress: number | null, executionProvider: string | null, error: string | null } };

export type CliRunMetricsQueryVariables = Exact<{
  id: string | number;
}>;


export type CliRunMetricsQuery = { metricResults: Array<{ metric: MetricName, scoreSource: string, subgroup: string, horizonDays: number | null, estimate: number, ciLower: number | null, ciUpper: number | null, details: { p: number | null } | null }> };

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

export const CliSitesOfKeyDocument = new TypedDocumentString(`
    query CliSitesOfKey {
  me {
    sites {
      site {
        id
        code
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CliSitesOfKeyQuery, CliSitesOfKeyQueryVariables>;
export const CliCreateDatasetDocument = new TypedDocumentString(`
    mutation CliCreateDataset($input: CreateValidationDatasetInput!) {
  createValidationDataset(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CliCreateDatasetMutation, CliCreateDatasetMutationVariables>;
export const CliCancelUploadDocument = new TypedDocumentString(`
    mutation CliCancelUpload($id: ID!) {
  cancelValidationDatasetUpload(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CliCancelUploadMutation, CliCancelUploadMutationVariables>;
export const CliFinishUploadDocument = new TypedDocumentString(`
    mutation CliFinishUpload($id: ID!) {
  finishValidationDatasetUpload(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CliFinishUploadMutation, CliFinishUploadMutationVariables>;
export const CliDatasetProgressDocument = new TypedDocumentString(`
    query CliDatasetProgress($id: ID!) {
  dataset(id: $id) {
    status
    progressDone
    progressTotal
    progressState
    secondsSinceProgress
    patientCount
    eventCount
    imageCount
    sha256
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
    `) as unknown as TypedDocumentString<CliDatasetProgressQuery, CliDatasetProgressQueryVariables>;
export const CliStudyModelsDocument = new TypedDocumentString(`
    query CliStudyModels($id: ID!) {
  study(id: $id) {
    models {
      id
      family
      version
    }
  }
}
    `) as unknown as TypedDocumentString<CliStudyModelsQuery, CliStudyModelsQueryVariables>;
export const CliCreateRunDocument = new TypedDocumentString(`
    mutation CliCreateRun($m: ID!, $d: ID!) {
  createValidationRun(modelVersionId: $m, datasetId: $d) {
    id
  }
}
    `) as unknown as TypedDocumentString<CliCreateRunMutation, CliCreateRunMutationVariables>;
export const CliRunProgressDocument = new TypedDocumentString(`
    query CliRunProgress($id: ID!) {
  run(id: $id) {
    status
    progressDone
    progressTotal
    progressFailed
    imagesPerSecond
    etaSeconds
    progressState
    secondsSinceProgress
    executionProvider
    error
  }
}
    `) as unknown as TypedDocumentString<CliRunProgressQuery, CliRunProgressQueryVariables>;
export const CliRunMetricsDocument = new TypedDocumentString(`
    query CliRunMetrics($id: ID!) {
  metricResults(runId: $id) {
    metric
    scoreSource
    subgroup
    horizonDays
    estimate
    ciLower
    ciUpper
    details {
      p
    }
  }
}
    `) as unknown as TypedDocumentString<CliRunMetricsQuery, CliRunMetricsQueryVariables>;