// The API refuses a schema where any root field lacks an access rule, and the committed SDL is current.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { GraphQLError, type GraphQLEnumType } from "graphql";
import { buildSchema, MissingAccessRuleError, printFullSchema } from "../src/index.js";
import { formatError } from "../src/graphql/format-error.js";
import { AppError, METRIC_NAMES } from "@fracval/core";

describe("access rule guard", () => {
  it("accepts the real schema", () => {
    expect(() => buildSchema()).not.toThrow();
  });

  it("refuses a Query field without a rule", () => {
    expect(() => buildSchema(["extend type Query { leak: String }"])).toThrow(MissingAccessRuleError);
  });

  it("refuses a field whose only directive is @deprecated (not an access rule)", () => {
    try {
      buildSchema([
        'extend type Query { oldLeak: String @deprecated(reason: "x") }',
        "extend type Mutation { sneaky: Boolean }",
      ]);
      expect.unreachable("schema should have been refused");
    } catch (error) {
      expect(error).toBeInstanceOf(MissingAccessRuleError);
      expect((error as MissingAccessRuleError).fields).toEqual(["Query.oldLeak", "Mutation.sneaky"]);
    }
  });

  it("refuses a nested field that returns site data without a rule, at any depth", () => {
    try {
      buildSchema([
        "extend type Site { hiddenDatasets: [ValidationDataset!]! }",
        "extend type Study { anyRun: ValidationRun }",
      ]);
      expect.unreachable("schema should have been refused");
    } catch (error) {
      expect((error as MissingAccessRuleError).fields).toEqual(["Site.hiddenDatasets", "Study.anyRun"]);
    }
  });

  it("refuses a field with two rules (ambiguous)", () => {
    expect(() => buildSchema(["extend type Query { both: String @public @auth }"])).toThrow(/Query\.both/);
  });
});

describe("committed SDL", () => {
  it("the MetricName enum lists exactly the statistics the metrics job stores", () => {
    const values = (buildSchema().getType("MetricName") as GraphQLEnumType).getValues().map((v) => v.name);
    expect(values).toEqual([...METRIC_NAMES]);
  });

  it("apps/api/schema.graphql equals the schema the server builds (run `npm run schema:print -w @fracval/api`)", () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(committed).toBe(printFullSchema());
  });
});

describe("formatError", () => {
  const formatted = { message: "raw", path: ["x"] };
  it("hides internals of unexpected errors behind a reference", () => {
    const out = formatError(formatted, new Error("connection to 10.0.0.7:5432 refused; password=hunter2"));
    expect(out.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(out.message).toMatch(/^Internal server error \(reference [0-9a-f-]{36}\)\.$/);
    expect(JSON.stringify(out)).not.toMatch(/hunter2|10\.0\.0\.7/);
  });
  it("shows an AppError's user message and location, never its internal message", () => {
    const error = new AppError("BAD_USER_INPUT", "age must be 18-120", {
      internalMessage: "row 7 raw=abc",
      location: { row: 7, column: "age", value: "abc" },
    });
    const out = formatError(formatted, new GraphQLError("wrapped", { originalError: error, path: ["x"] }));
    expect(out).toEqual({
      message: "age must be 18-120",
      path: ["x"],
      extensions: { code: "BAD_USER_INPUT", row: 7, column: "age", value: "abc" },
    });
  });
});
