import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "../support/postgres-cluster";

/** One throwaway PostgreSQL 15 cluster for the integration project, removed afterwards. */
export default async function setup(project: TestProject) {
  // One root key for every test file: they share this cluster, and its encryption_key rows and
  // audit chain are bound to the root key that wrote them. Workers inherit this environment.
  process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "kamkor-integration-tests").toString("base64");
  const cluster = await startThrowawayPostgres({ label: "integration" });
  project.provide("databaseUrl", cluster.url);
  project.provide("adminDatabaseUrl", cluster.adminUrl);
  return () => cluster.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}
