/**
 * `npm test`: the whole suite, as CI runs it (.ci/run).
 *   1. unit and integration tests (vitest; integration starts its own throwaway PostgreSQL 15),
 *   2. end-to-end tests (Playwright + Debian chromium, installed here when missing) against the
 *      built app on embedded PGlite and on another throwaway PostgreSQL cluster.
 * Ends with one "N passed, N failed" line and a non-zero exit code if anything failed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";

type Counts = { passed: number; failed: number; skipped: number };

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

async function main() {
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-test-reports-"));
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let exitCode = 0;

  console.log("\n== Static checks (Prettier, ESLint with import rules, TypeScript) ==");
  for (const [name, command, args] of [
    ["prettier", "npx", ["prettier", "--check", "."]],
    ["eslint", "npx", ["eslint", "."]],
    ["typescript", "npx", ["tsc", "--noEmit"]],
  ] as const) {
    if ((await run(command, [...args])) === 0) total.passed += 1;
    else {
      console.error(`${name} found problems (npm run check)`);
      total.failed += 1;
      exitCode = 1;
    }
  }

  console.log("\n== Unit and integration tests (vitest) ==");
  const vitestReport = path.join(reports, "vitest.json");
  const vitestCode = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestReport);
  if (vitest) {
    total.passed += vitest.numPassedTests;
    total.failed += vitest.numFailedTests;
    total.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  if (vitestCode !== 0 || !vitest) {
    exitCode = 1;
    if (!vitest || vitest.numFailedTests === 0) total.failed += 1; // a crash counts as a failure
  }

  console.log("\n== End-to-end tests (Playwright, Debian chromium) ==");
  const e2eCode = await runEndToEnd(reports, total);
  if (e2eCode !== 0) exitCode = 1;

  fs.rmSync(reports, { recursive: true, force: true });
  console.log(`\nTotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(exitCode || (total.failed > 0 ? 1 : 0));
}

async function runEndToEnd(reports: string, total: Counts): Promise<number> {
  if ((await run("bash", ["scripts/ensure-chromium.sh"])) !== 0) {
    total.failed += 1;
    return 1;
  }
  if ((await run("npx", ["remix", "build"])) !== 0) {
    total.failed += 1;
    return 1;
  }
  const cluster = await startThrowawayPostgres({ label: "e2e" });
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-e2e-pglite-"));
  const report = path.join(reports, "playwright.json");
  try {
    const code = await run("npx", ["playwright", "test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: report,
      E2E_DATABASE_URL: cluster.url,
      E2E_PGLITE_DIR: pgliteDir,
    });
    const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report)?.stats;
    if (stats) {
      total.passed += stats.expected + stats.flaky;
      total.failed += stats.unexpected;
      total.skipped += stats.skipped;
    }
    if (code !== 0 && (!stats || stats.unexpected === 0)) total.failed += 1;
    return code;
  } finally {
    await cluster.stop();
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
