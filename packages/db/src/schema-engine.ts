// Loads Prisma's schema engine compiled to WebAssembly and binds it to a pg driver adapter.
// Why not the CLI: it downloads a native engine from a host that is unreachable here (ENVIRONMENT.md §A.1).
// The package's ESM entry imports the .wasm file directly, which needs --experimental-wasm-modules on
// Node 20; instantiating the module by hand with its JS glue avoids the flag in tsx, Vitest and scripts.
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

// Node provides WebAssembly globally; its types live in lib.dom, which server code does not load.
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let initialised: Promise<void> | undefined;

function initialiseWasm(): Promise<void> {
  initialised ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = join(dirname(gluePath), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return initialised;
}

interface ScriptRunner {
  executeScript(script: string): Promise<void>;
  underlyingDriver(): { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
}

/**
 * adapter-pg's executeScript splits a migration on every ";" and runs the pieces one by one, which
 * breaks PL/pgSQL bodies (our immutability triggers) and is not atomic. The native engine sends the
 * whole script at once; so do we: one simple-protocol query, which PostgreSQL runs as one transaction.
 */
function runScriptsWhole<T extends object>(adapter: T): T {
  const runner = adapter as unknown as ScriptRunner;
  runner.executeScript = async (script: string) => {
    try {
      await runner.underlyingDriver().query(script);
    } catch (error) {
      runner.onError(error);
    }
  };
  return adapter;
}

function wholeScriptFactory(inner: PrismaPg): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => runScriptsWhole(await inner.connect()),
    connectToShadowDb: async () => runScriptsWhole(await inner.connectToShadowDb()),
  };
}

export async function openSchemaEngine(
  databaseUrl: string,
  schemaPath: string,
  schemaText: string,
): Promise<SchemaEngine> {
  await initialiseWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(
    wholeScriptFactory(new PrismaPg({ connectionString: databaseUrl })),
  );
  return glue.SchemaEngine.new({ datamodels: [[schemaPath, schemaText]] }, () => {}, adapter);
}
