// Writes apps/api/schema.graphql: the whole SDL in one file for partner hospitals.
import { writeFileSync } from "node:fs";
import { printFullSchema } from "../src/graphql/schema.js";

writeFileSync(new URL("../schema.graphql", import.meta.url), printFullSchema());
console.log("wrote apps/api/schema.graphql");
