import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "~policies": path.resolve("policies"),
  "~seeds": path.resolve("seeds"),
  "~": path.resolve("app"),
};

// Two projects: fast unit tests, and integration tests that need the throwaway PostgreSQL
// cluster started by tests/integration/global-setup.ts. Playwright runs separately.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "policies/**/*.test.ts", "seeds/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/support/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/worker-database.setup.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files run in parallel, two at a time (a 2-core machine; more only adds contention), each
          // worker on its own database of the one cluster (tests/support/worker-database.ts).
          // KAMKOR_INTEGRATION_WORKERS overrides it on bigger machines.
          fileParallelism: true,
          poolOptions: { forks: { minForks: 1, maxForks: Number(process.env.KAMKOR_INTEGRATION_WORKERS ?? 2) } },
        },
      },
    ],
  },
});
