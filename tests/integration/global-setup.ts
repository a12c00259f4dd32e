import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "../support/postgres-cluster";

/** One throwaway PostgreSQL 15 cluster for the integration project, removed afterwards. */
export default async function setup(project: TestProject) {
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
