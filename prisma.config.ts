// Prisma CLI configuration. Used by `prisma generate` here and by `prisma migrate deploy`
// on hosts that have Prisma's native schema engine (see packages/db/README.md).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
