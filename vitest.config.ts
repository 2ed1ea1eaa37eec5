import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 has no "exports": Node resolves it to index.js (CJS) for Apollo and graphql-tools,
    // while Vite would pick index.mjs for our sources — two copies, and graphql-js refuses mixed realms.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    // One embedded PostgreSQL for the whole run; each test file clones its own database from a
    // migrated + seeded template (packages/testing).
    globalSetup: ["./packages/testing/src/global-setup.ts"],
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "apps/api/test/**/*.test.ts",
      "apps/worker/test/**/*.test.ts",
      "models/test/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "apps/portal/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
