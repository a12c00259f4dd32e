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
    // Two workers: vitest's default is cores − 1, i.e. one on the 2-core machine, which ran the
    // integration files one after another. The pool is shared by the projects (a per-project
    // maxForks is ignored). KAMKOR_TEST_WORKERS raises it on bigger machines.
    maxWorkers: Number(process.env.KAMKOR_TEST_WORKERS ?? 2),
    minWorkers: 1,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "policies/**/*.test.ts", "seeds/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
          // In-memory PGlite (tests/unit/migrations.test.ts) starts in ~1 s, but beyond the defaults
          // (10 s hooks, 5 s tests) on a loaded 2-core machine with two workers. Limits catch hangs.
          hookTimeout: 60_000,
          testTimeout: 30_000,
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
          // Above the single-file limits (60 s / 120 s): two files share the cores now, and the tests
          // that spawn `npx tsx` scripts took 54 s alone on a loaded machine. They catch hangs, not speed.
          testTimeout: 180_000,
          hookTimeout: 240_000,
          // Files run in parallel (workers: see maxWorkers above), each worker on its own database
          // of the one cluster (tests/support/worker-database.ts).
        },
      },
    ],
  },
});
