// Prisma CLI configuration. Migrations are authored with the JavaScript schema engine
// against an in-memory PGlite database (see docs/decisions/002-database-and-migrations.md):
// the Rust engines cannot be downloaded here and the JS engine cannot talk to a real
// PostgreSQL server through @prisma/adapter-pg (prisma/orm#27403).
import path from "node:path";
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    const dir = process.env.PRISMA_PGLITE_DIR;
    // Typed against an older driver-adapter-utils; same runtime contract (see db.server.ts).
    return new PrismaPGlite(dir ? new PGlite(dir) : new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});
