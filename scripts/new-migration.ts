/**
 * `npm run db:migration -- --name what_changed`: writes prisma/migrations/<timestamp>_what_changed/migration.sql
 * from the difference between prisma/migrations/schema.snapshot.prisma (the schema as of the
 * latest migration) and prisma/schema.prisma, then updates the snapshot. `prisma migrate dev`
 * cannot do this here: its PGlite shadow database refuses multi-statement migrations
 * (docs/decisions/002-database-and-migrations.md).
 * Hand-written SQL (triggers, grants, partial indexes) may be appended to the generated file
 * before committing; list what Prisma cannot express in tests/unit/migration-drift.test.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDiffScript, SCHEMA_PATH, SNAPSHOT_PATH, snapshotOf } from "./migration-snapshot";

const usage = "Usage: npm run db:migration -- --name what_changed (lower-case snake_case)";
let name: string | undefined;
try {
  const { values, positionals } = parseArgs({ options: { name: { type: "string" } }, allowPositionals: true });
  // The bare form (`-- what_changed`) is what earlier docs said; keep it working.
  name = values.name ?? (positionals.length === 1 ? positionals[0] : undefined);
} catch {
  name = undefined;
}
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error(usage);
  process.exit(1);
}

const migrationsDir = path.resolve("prisma/migrations");
const hasMigrations = fs.readdirSync(migrationsDir, { withFileTypes: true }).some((entry) => entry.isDirectory());
if (hasMigrations && !fs.existsSync(SNAPSHOT_PATH)) {
  // Diffing from empty would recreate every table: refuse instead of guessing.
  console.error(`${SNAPSHOT_PATH} is missing; restore it from git (it is the schema as of the latest migration).`);
  process.exit(1);
}
const from = hasMigrations ? ["--from-schema-datamodel", SNAPSHOT_PATH] : ["--from-empty"];
const sql = await migrateDiffScript([...from, "--to-schema-datamodel", SCHEMA_PATH]);
if (!sql) {
  console.log("No schema changes since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
fs.writeFileSync(SNAPSHOT_PATH, snapshotOf(fs.readFileSync(SCHEMA_PATH, "utf8")));
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql and updated ${SNAPSHOT_PATH}; commit them together.`);
