import { type GraphQLSchema } from "graphql";
export declare const ACCESS_DIRECTIVES: readonly ["public", "auth"];
/** Types that carry a site's data: any field returning one needs its own access rule, at any depth. */
export declare const SITE_DATA_TYPES: readonly ["ValidationDataset", "ValidationRun", "MetricResult", "Patient", "Prediction", "StudyComparisonRow", "ParticipantFlow", "AuditEvent", "ApiKey"];
export declare class MissingAccessRuleError extends Error {
    readonly fields: string[];
    constructor(fields: string[]);
}
export declare function assertEveryFieldHasAccessRule(schema: GraphQLSchema): void;
export declare function applyAccessRules(schema: GraphQLSchema): GraphQLSchema;
