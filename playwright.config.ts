import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's chromium (never a downloaded browser). The app runs twice:
 * on the embedded PGlite default and, when the test runner provides E2E_DATABASE_URL (a
 * throwaway PostgreSQL cluster, see scripts/test.ts), on a real PostgreSQL server. Both
 * servers start from an empty database, so they load the demo data themselves.
 */
const pgliteDir = process.env.E2E_PGLITE_DIR ?? `/tmp/kamkor-e2e-pglite-${process.pid}`;
const postgresUrl = process.env.E2E_DATABASE_URL;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  },
};

const servers = [
  { name: "pglite", port: 3311, env: { KAMKOR_DATA_DIR: pgliteDir } as Record<string, string> },
  ...(postgresUrl ? [{ name: "postgres", port: 3312, env: { DATABASE_URL: postgresUrl } as Record<string, string> }] : []),
];

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: { trace: "off", screenshot: "only-on-failure", locale: "ru-RU" },
  projects: servers.map((server) => ({
    name: server.name,
    use: { ...chromium, baseURL: `http://localhost:${server.port}` },
  })),
  webServer: servers.map((server) => ({
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${server.port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: { ...server.env, PORT: String(server.port), KAMKOR_LOG_LEVEL: "silent" },
  })),
});
