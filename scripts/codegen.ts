// graphql-codegen: typed documents for every GraphQL operation of the portal and the CLI, generated from the
// committed SDL (apps/api/schema.graphql). Write an operation with `graphql(\`...\`)` from the generated module;
// its variables and result are typed from the schema. `npm run codegen` regenerates; a test checks it is current.
import type { CodegenConfig } from "@graphql-codegen/cli";

const client = {
  preset: "client" as const,
  presetConfig: { fragmentMasking: false },
  config: {
    // Plain strings with their types attached: sent as they are, no GraphQL runtime in the portal bundle.
    documentMode: "string",
    enumsAsTypes: true,
    useTypeImports: true,
    scalars: { DateTime: "string", JSON: "unknown" },
  },
};

const config: CodegenConfig = {
  schema: "apps/api/schema.graphql",
  ignoreNoDocuments: true,
  generates: {
    // The resolvers' types: arguments and results from the SDL, parents mapped to what the services return.
    "apps/api/src/schema/resolvers-types.ts": {
      plugins: ["typescript", "typescript-resolvers"],
      config: {
        useIndexSignature: true,
        contextType: "../context.js#Context",
        enumsAsTypes: true,
        useTypeImports: true,
        optionalResolveInfo: true,
        mapperTypeSuffix: "Model",
        scalars: { DateTime: "Date | string", JSON: "unknown" },
        mappers: {
          Viewer: "@fracval/core#Viewer",
          Site: "@fracval/db#Site",
          Study: "@fracval/db#Study",
          ModelVersion: "@fracval/db#ModelVersion",
          ValidationDataset: "@fracval/db#ValidationDataset",
          ValidationReport: "@fracval/core#ValidationReport",
          Patient: "@fracval/db#Patient",
          ClinicalBaseline: "@fracval/db#ClinicalBaseline",
          Outcome: "@fracval/db#Outcome",
          ValidationRun: "@fracval/db#ValidationRun",
          Prediction: "@fracval/db#Prediction",
          MetricResult: "@fracval/core#ShownMetric",
          MetricDetails: "@fracval/core#MetricDetails",
          StudyComparisonRow: "@fracval/core#ComparisonRow",
          ForestPlot: "@fracval/core#ForestPlot",
          RunCurves: "@fracval/core#ShownRunCurves",
          CaseMix: "@fracval/core#CaseMix",
          User: "@fracval/db#User",
          ApiKey: "@fracval/db#ApiKey",
          AuditEvent: "@fracval/db#AuditEvent",
          SiteMembership: "@fracval/core#SiteGrant",
        },
      },
    },
    "apps/portal/gql/": { ...client, documents: ["apps/portal/{app,components,lib}/**/*.{ts,tsx}"] },
    // NodeNext (the CLI runs under tsx and tsc -b): imports between the generated files carry ".js".
    "apps/api/src/cli/gql/": {
      ...client,
      config: { ...client.config, emitLegacyCommonJSImports: false },
      documents: ["apps/api/src/cli/*.ts"],
    },
  },
};

export default config;
