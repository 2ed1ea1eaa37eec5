import type { Resolvers } from "../types.js";
export declare const resolvers: Resolvers;
