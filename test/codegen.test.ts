// The typed GraphQL documents of the portal and the CLI are generated from the committed SDL; this checks
// that what is committed is what `npm run codegen` writes now (an SDL or operation change regenerates them).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../scripts/codegen.js";

const root = fileURLToPath(new URL("../", import.meta.url));

describe("graphql-codegen output", () => {
  it("is current for every operation of the portal and the CLI (run `npm run codegen`)", async () => {
    process.chdir(root);
    const outputs = (await generate({ ...config, cwd: root }, false)) as { filename: string; content: string }[];
    expect(outputs.map((o) => o.filename).sort()).toEqual(
      expect.arrayContaining(["apps/portal/gql/graphql.ts", "apps/api/src/cli/gql/graphql.ts"]),
    );
    for (const { filename, content } of outputs)
      expect(readFileSync(join(root, filename), "utf8"), filename).toBe(content);
  }, 60_000);
});
