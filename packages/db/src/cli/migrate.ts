// `npm run db:migrate` applies committed migrations; `npm run db:migrate:new -- <name>` writes the next one.
import { resolveLocalDatabase } from "../local-database.js";
import { applyMigrations, createMigration } from "../migrate.js";

const [command, name] = process.argv.slice(2);

if (command === "deploy") {
  const db = await resolveLocalDatabase();
  try {
    const applied = await applyMigrations(db.url);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } finally {
    await db.embedded?.stop();
  }
} else if (command === "new") {
  if (!name) {
    console.error("usage: npm run db:migrate:new -- <name>");
    process.exit(2);
  }
  const db = await resolveLocalDatabase();
  try {
    const created = await createMigration(db.url, name);
    console.log(created ? `created ${created}` : "schema.prisma matches the last migration; nothing to create");
  } finally {
    await db.embedded?.stop();
  }
} else {
  console.error("usage: migrate.ts deploy | new <name>");
  process.exit(2);
}
