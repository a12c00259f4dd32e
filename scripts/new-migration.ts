/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * from the difference between the schema of the last migration (its schema.prisma snapshot)
 * and prisma/schema.prisma. `prisma migrate dev` cannot do this here: its PGlite shadow
 * database refuses multi-statement migrations (docs/decisions/002-database-and-migrations.md).
 * Hand-written SQL (triggers, grants) may be appended to the generated file before committing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}
const migrationsDir = path.resolve("prisma/migrations");
const previous = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "package.json", PRISMA_QUERY_ENGINE_LIBRARY: "package.json" };
const from = previous ? ["--from-schema-datamodel", path.join(migrationsDir, previous, "schema.prisma")] : ["--from-empty"];
const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], {
  env,
  encoding: "utf8",
  stdio: ["ignore", "pipe", "inherit"],
})
  .split("\n")
  .filter((line) => !line.startsWith("Loaded Prisma config"))
  .join("\n")
  .trim();
if (!sql || sql === "-- This is an empty migration.") {
  console.log("No schema changes since the last migration.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
fs.copyFileSync("prisma/schema.prisma", path.join(dir, "schema.prisma"));
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
