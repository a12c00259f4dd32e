/**
 * `npm test`: the whole suite, as CI runs it (.ci/run).
 *   1. static checks (Prettier, ESLint, TypeScript),
 *   2. unit tests, then integration tests (vitest; integration starts its own throwaway
 *      PostgreSQL 15 and runs files in parallel, a database per worker),
 *   3. end-to-end tests (Playwright + Debian chromium, installed here when missing) against the
 *      built app on another throwaway PostgreSQL cluster (every test) and on embedded PGlite
 *      (the @smoke set).
 * Prints each layer's wall time, then one "Total: N passed, N failed, N skipped" line (last:
 * CI reads it) and exits non-zero if anything failed.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";

type Counts = { passed: number; failed: number; skipped: number };

/** Wall time per layer, printed at the end (docs/decisions/007-test-layers.md). */
const times: { layer: string; ms: number; note?: string }[] = [];

async function timed<T>(layer: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await work();
  } finally {
    times.push({ layer, ms: Date.now() - start });
  }
}

function formatMs(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

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
  const started = Date.now();
  const reports = fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-test-reports-"));
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let exitCode = 0;

  console.log("\n== Static checks (Prettier, ESLint with import rules, TypeScript) ==");
  await timed("static checks", async () => {
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
  });

  // One vitest run per project, so that each layer's time is its own.
  for (const project of ["unit", "integration"] as const) {
    console.log(`\n== ${project === "unit" ? "Unit" : "Integration"} tests (vitest) ==`);
    const code = await timed(project, () => runVitest(project, reports, total));
    if (code !== 0) exitCode = 1;
  }

  console.log("\n== End-to-end tests (Playwright, Debian chromium) ==");
  const e2eCode = await runEndToEnd(reports, total);
  if (e2eCode !== 0) exitCode = 1;

  console.log("\nWall time per layer (m:ss):");
  for (const { layer, ms, note } of times) console.log(`  ${layer.padEnd(30)} ${formatMs(ms).padStart(6)}${note ? `  ${note}` : ""}`);
  console.log(`  ${"whole run".padEnd(30)} ${formatMs(Date.now() - started).padStart(6)}`);
  fs.rmSync(reports, { recursive: true, force: true });
  console.log(`\nTotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(exitCode || (total.failed > 0 ? 1 : 0));
}

async function runVitest(project: "unit" | "integration", reports: string, total: Counts): Promise<number> {
  const report = path.join(reports, `vitest-${project}.json`);
  const code = await run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
  if (vitest) {
    total.passed += vitest.numPassedTests;
    total.failed += vitest.numFailedTests;
    total.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  if ((code !== 0 || !vitest) && (!vitest || vitest.numFailedTests === 0)) total.failed += 1; // a crash counts as a failure
  return code !== 0 || !vitest ? 1 : 0;
}

type PlaywrightSuite = {
  suites?: PlaywrightSuite[];
  specs?: { tests: { projectName: string; results: { startTime: string; duration: number }[] }[] }[];
};

/**
 * Per Playwright project (server): the span from its first test's start to its last test's end,
 * and its tests' count. The projects share the workers, so their spans overlap.
 */
function projectSpans(suites: PlaywrightSuite[]): Map<string, { start: number; end: number; tests: number }> {
  const spans = new Map<string, { start: number; end: number; tests: number }>();
  const visit = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        for (const result of test.results) {
          const start = Date.parse(result.startTime);
          const span = spans.get(test.projectName) ?? { start, end: start, tests: 0 };
          span.start = Math.min(span.start, start);
          span.end = Math.max(span.end, start + result.duration);
          span.tests += 1;
          spans.set(test.projectName, span);
        }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of suites) visit(suite);
  return spans;
}

async function runEndToEnd(reports: string, total: Counts): Promise<number> {
  if ((await run("bash", ["scripts/ensure-chromium.sh"])) !== 0) {
    total.failed += 1;
    return 1;
  }
  if ((await timed("e2e: build", () => run("npx", ["remix", "build"]))) !== 0) {
    total.failed += 1;
    return 1;
  }
  const cluster = await timed("e2e: PostgreSQL cluster", () => startThrowawayPostgres({ label: "e2e" }));
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "kamkor-e2e-pglite-"));
  const report = path.join(reports, "playwright.json");
  try {
    const code = await timed("e2e: servers and tests", () =>
      run("npx", ["playwright", "test", "--reporter=list,json"], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: report,
        E2E_DATABASE_URL: cluster.url,
        E2E_PGLITE_DIR: pgliteDir,
      }),
    );
    const json = readJson<{ suites: PlaywrightSuite[]; stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
    for (const [name, span] of projectSpans(json?.suites ?? []))
      times.push({ layer: `e2e: ${name}`, ms: span.end - span.start, note: `${span.tests} tests, first start to last end (overlaps the other server)` });
    const stats = json?.stats;
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
