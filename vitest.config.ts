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
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One shared PostgreSQL cluster: test files run one after another.
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
