import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's chromium (never a downloaded browser). The app runs twice:
 * on the embedded PGlite default and, when the test runner provides E2E_DATABASE_URL (a
 * throwaway PostgreSQL cluster, see scripts/test.ts), on a real PostgreSQL server. Both
 * servers start from an empty database, so they load the demo data themselves.
 *
 * With both servers, PostgreSQL (production) runs every test and PGlite a smoke set: tests
 * tagged @smoke (sign-in, enrolment, the person page, a screening, the lead's caseload, the
 * pupil list, /healthz). Engine differences are covered below the browser, where the
 * integration tests run on both engines. Without E2E_DATABASE_URL, PGlite runs everything.
 */
// Set once in the runner process; workers inherit the environment (and so the same paths).
process.env.E2E_PGLITE_DIR ??= `/tmp/kamkor-e2e-pglite-${process.pid}`;
// Saved sign-ins, locks and used TOTP steps of this run (tests/e2e/support.ts).
process.env.E2E_STATE_DIR ??= mkdtempSync(join(tmpdir(), "kamkor-e2e-state-"));
const pgliteDir = process.env.E2E_PGLITE_DIR;
const postgresUrl = process.env.E2E_DATABASE_URL;
// Parallel runs on one machine pick another port range (and KAMKOR_BUILD_DIR for the build).
const portBase = Number(process.env.E2E_PORT_BASE ?? 3310);

/** Test-only root key (32 bytes, base64). Never used outside the test servers. */
const TEST_ROOT_KEY = Buffer.alloc(32, "kamkor-e2e").toString("base64");

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  },
};

const servers = [
  { name: "pglite", port: portBase + 1, env: { KAMKOR_DATA_DIR: pgliteDir } as Record<string, string>, grep: postgresUrl ? /@smoke/ : undefined },
  ...(postgresUrl ? [{ name: "postgres", port: portBase + 2, env: { DATABASE_URL: postgresUrl } as Record<string, string>, grep: undefined }] : []),
];

export default defineConfig({
  testDir: "tests/e2e",
  // Sign-in no longer pads tests with TOTP waits; 60 s leaves room for a loaded 2-core machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // Two for the 2-core machine; E2E_WORKERS on bigger CI machines (sessions are per persona, not per worker).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  globalTeardown: "./tests/e2e/global-teardown.ts",
  use: { trace: "off", screenshot: "only-on-failure", locale: "ru-RU" },
  projects: servers.map((server) => ({
    name: server.name,
    grep: server.grep,
    use: { ...chromium, baseURL: `http://localhost:${server.port}` },
  })),
  webServer: servers.map((server) => ({
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${server.port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    // A fixed, test-only root key keeps the servers hermetic (no key file in the checkout).
    env: { ...server.env, PORT: String(server.port), KAMKOR_LOG_LEVEL: "silent", KAMKOR_ROOT_KEY: TEST_ROOT_KEY },
  })),
});
