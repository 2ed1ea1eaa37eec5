// Locations in the repository that the database tooling reads.
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const prismaDir = join(repoRoot, "prisma");
export const schemaPath = join(prismaDir, "schema.prisma");
export const migrationsDir = join(prismaDir, "migrations");
/** Default home of everything `npm start` persists (gitignored). Override with FRACVAL_DATA_DIR. */
export const dataDir = process.env.FRACVAL_DATA_DIR ? resolve(process.env.FRACVAL_DATA_DIR) : join(repoRoot, ".data");
