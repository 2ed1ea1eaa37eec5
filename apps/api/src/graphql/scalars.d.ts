import { GraphQLScalarType } from "graphql";
export declare const DateTime: GraphQLScalarType<Date, string>;
export declare const JSONScalar: GraphQLScalarType<unknown, unknown>;
