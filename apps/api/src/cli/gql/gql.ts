/* eslint-disable */
import * as types from './graphql.js';



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
    "query CliSitesOfKey { me { sites { site { id code } } } }": typeof types.CliSitesOfKeyDocument,
    "\n  mutation CliCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }\n": typeof types.CliCreateDatasetDocument,
    "mutation CliCancelUpload($id: ID!) { cancelValidationDatasetUpload(id: $id) { id } }": typeof types.CliCancelUploadDocument,
    "mutation CliFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { id } }": typeof types.CliFinishUploadDocument,
    "\n  query CliDatasetProgress($id: ID!) {\n    dataset(id: $id) {\n      status progressDone progressTotal progressState secondsSinceProgress\n      patientCount eventCount imageCount sha256\n      validationReport { problemCount problems { row column value reason } }\n    }\n  }\n": typeof types.CliDatasetProgressDocument,
    "query CliStudyModels($id: ID!) { study(id: $id) { models { id family version } } }": typeof types.CliStudyModelsDocument,
    "\n  mutation CliCreateRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }\n": typeof types.CliCreateRunDocument,
    "\n  query CliRunProgress($id: ID!) {\n    run(id: $id) {\n      status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress\n      executionProvider error\n    }\n  }\n": typeof types.CliRunProgressDocument,
    "\n  query CliRunMetrics($id: ID!) {\n    metricResults(runId: $id) { metric scoreSource subgroup horizonDays estimate ciLower ciUpper details { p } }\n  }\n": typeof types.CliRunMetricsDocument,
};
const documents: Documents = {
    "query CliSitesOfKey { me { sites { site { id code } } } }": types.CliSitesOfKeyDocument,
    "\n  mutation CliCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }\n": types.CliCreateDatasetDocument,
    "mutation CliCancelUpload($id: ID!) { cancelValidationDatasetUpload(id: $id) { id } }": types.CliCancelUploadDocument,
    "mutation CliFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { id } }": types.CliFinishUploadDocument,
    "\n  query CliDatasetProgress($id: ID!) {\n    dataset(id: $id) {\n      status progressDone progressTotal progressState secondsSinceProgress\n      patientCount eventCount imageCount sha256\n      validationReport { problemCount problems { row column value reason } }\n    }\n  }\n": types.CliDatasetProgressDocument,
    "query CliStudyModels($id: ID!) { study(id: $id) { models { id family version } } }": types.CliStudyModelsDocument,
    "\n  mutation CliCreateRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }\n": types.CliCreateRunDocument,
    "\n  query CliRunProgress($id: ID!) {\n    run(id: $id) {\n      status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress\n      executionProvider error\n    }\n  }\n": types.CliRunProgressDocument,
    "\n  query CliRunMetrics($id: ID!) {\n    metricResults(runId: $id) { metric scoreSource subgroup horizonDays estimate ciLower ciUpper details { p } }\n  }\n": types.CliRunMetricsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CliSitesOfKey { me { sites { site { id code } } } }"): typeof import('./graphql.js').CliSitesOfKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateDataset($input: CreateValidationDatasetInput!) { createValidationDataset(input: $input) { id } }\n"): typeof import('./graphql.js').CliCreateDatasetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CliCancelUpload($id: ID!) { cancelValidationDatasetUpload(id: $id) { id } }"): typeof import('./graphql.js').CliCancelUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CliFinishUpload($id: ID!) { finishValidationDatasetUpload(id: $id) { id } }"): typeof import('./graphql.js').CliFinishUploadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliDatasetProgress($id: ID!) {\n    dataset(id: $id) {\n      status progressDone progressTotal progressState secondsSinceProgress\n      patientCount eventCount imageCount sha256\n      validationReport { problemCount problems { row column value reason } }\n    }\n  }\n"): typeof import('./graphql.js').CliDatasetProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CliStudyModels($id: ID!) { study(id: $id) { models { id family version } } }"): typeof import('./graphql.js').CliStudyModelsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CliCreateRun($m: ID!, $d: ID!) { createValidationRun(modelVersionId: $m, datasetId: $d) { id } }\n"): typeof import('./graphql.js').CliCreateRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliRunProgress($id: ID!) {\n    run(id: $id) {\n      status progressDone progressTotal progressFailed imagesPerSecond etaSeconds progressState secondsSinceProgress\n      executionProvider error\n    }\n  }\n"): typeof import('./graphql.js').CliRunProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CliRunMetrics($id: ID!) {\n    metricResults(runId: $id) { metric scoreSource subgroup horizonDays estimate ciLower ciUpper details { p } }\n  }\n"): typeof import('./graphql.js').CliRunMetricsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
