// Runs `prisma generate` without Prisma's native schema engine.
// Why: the Prisma CLI insists on a `schema-engine` binary from binaries.prisma.sh for every command,
// and that host is unreachable here. `generate` never uses it, so any executable satisfies the check.
// Migrations use @prisma/schema-engine-wasm instead (packages/db/src/migrate.ts).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const prismaBin = join(process.cwd(), "node_modules", ".bin", "prisma");
if (!existsSync(prismaBin)) {
  console.log("prisma-generate: prisma CLI not installed yet, skipping");
  process.exit(0);
}
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  const dir = join(tmpdir(), "fracval-prisma-stub");
  mkdirSync(dir, { recursive: true });
  const stub = join(dir, "schema-engine");
  writeFileSync(stub, "#!/bin/sh\necho '{}'\n");
  chmodSync(stub, 0o755);
  env.PRISMA_SCHEMA_ENGINE_BINARY = stub;
}
// prisma.config.ts wants a DATABASE_URL for CLI commands; generate never connects.
env.DATABASE_URL ??= "postgresql://unused@localhost:5432/unused";
const result = spawnSync(prismaBin, ["generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
