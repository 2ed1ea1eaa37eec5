// Migrations apply from an empty database, are idempotent, and install the database-level invariants.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../src/migrate.js";
import { createEmptyDatabase, type TestDatabase } from "@fracval/testing";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../src/paths.js";

const committed = readdirSync(join(repoRoot, "prisma/migrations"))
  .filter((n) => statSync(join(repoRoot, "prisma/migrations", n)).isDirectory())
  .sort();

describe("applyMigrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyDatabase();
  });
  afterAll(() => t.drop());

  it("applies every committed migration to an empty database, then nothing on a second run", async () => {
    expect(await applyMigrations(t.url)).toEqual(committed);
    expect(await applyMigrations(t.url)).toEqual([]);
    const rows = await t.db.$queryRaw<
      { migration_name: string; finished: boolean }[]
    >`SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY migration_name`;
    expect(rows).toEqual(committed.map((migration_name) => ({ migration_name, finished: true })));
  });

  it("makes a published model version immutable in the database itself", async () => {
    const study = await t.db.study.create({
      data: { slug: "s-immutable", title: "t", description: "", target: "TIME_TO_EVENT", modality: "CLINICAL_ONLY" },
    });
    const model = await t.db.modelVersion.create({
      data: {
        studyId: study.id,
        family: "fam",
        version: "1.0.0",
        kind: "CLINICAL_BASELINE",
        modality: "CLINICAL_ONLY",
        task: "LOG_HAZARD",
        outputSemantics: "log-hazard",
        artifactSha256: "a".repeat(64),
        artifactStorageKey: "a".repeat(64),
        manifest: { a: 1 },
        status: "PUBLISHED",
      },
    });
    await expect(
      t.db.modelVersion.update({ where: { id: model.id }, data: { artifactSha256: "b".repeat(64) } }),
    ).rejects.toThrow(/immutable/);
    await expect(t.db.modelVersion.delete({ where: { id: model.id } })).rejects.toThrow(/cannot be deleted/);
    const unchanged = await t.db.modelVersion.findUniqueOrThrow({ where: { id: model.id } });
    expect(unchanged.artifactSha256).toBe("a".repeat(64));
  });

  it("keeps the audit trail append-only", async () => {
    const event = await t.db.auditEvent.create({ data: { action: "test.event", patientIds: [] } });
    await expect(t.db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });
});
