import AxeBuilder from "@axe-core/playwright";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { TOTP_PERIOD_SECONDS, totpCode } from "~/server/auth/totp.server";
import { demoTotpSecret } from "~seeds/factories";
import { DEMO_PASSWORD } from "~seeds/data/users";

/**
 * Sign-in for end-to-end tests. Only the sign-in tests go through the forms each time
 * (signInThroughForm). Every other spec calls loginAs: the first test that needs a persona on a
 * server signs it in through the real forms once and saves the browser storage state; later
 * tests, in any worker, load that state. A TOTP code is accepted once per user and step, so
 * fresh sign-ins of one user wait for one another (a lock directory) and pick an unused step.
 *
 * Shared sessions must stay valid: a test that signs out, ends sessions or changes an account
 * uses an account of its own (admin.spec.ts) or signs in through the form (sign-in.spec.ts).
 */

const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
/** A code is sent at least this long before its step leaves the server's ±1-step window. */
const SUBMIT_MARGIN_MS = 5_000;
/**
 * A saved session unused for this long is replaced: the server ends sessions idle for 15 minutes
 * (IDLE_TIMEOUT_MS, app/server/auth/session.server.ts, not imported here: it pulls in the database).
 */
const REUSE_FOR_MS = 10 * 60 * 1000;

/** Per-run directory for saved states, locks and used TOTP steps (playwright.config.ts creates it). */
function stateDir(): string {
  const dir = process.env.E2E_STATE_DIR ?? join(tmpdir(), "kamkor-e2e-state");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Files are per server (port): each server has its own database and so its own sessions. */
function serverKey(): string {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error("The Playwright project has no baseURL");
  return new URL(baseURL).port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Runs `work` holding this user's lock on this server (across workers). */
async function withUserLock<T>(username: string, work: () => Promise<T>): Promise<T> {
  const lock = join(stateDir(), `${serverKey()}-${username}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed worker is stale after two minutes.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The earliest TOTP step after the last one used for this user on this server that the server
 * accepts now and still will SUBMIT_MARGIN_MS from now (it accepts one step either side), so a
 * user can sign in up to three times per 30 s without waiting and no attempt is refused
 * (refusals count towards the TOTP lock-out). Call with the user's lock held.
 */
async function unusedStep(username: string): Promise<number> {
  const file = join(stateDir(), `${serverKey()}-${username}.step`);
  const last = existsSync(file) ? Number(readFileSync(file, "utf8")) : -Infinity;
  for (;;) {
    const now = Date.now();
    const step = Math.max(last + 1, Math.floor((now + SUBMIT_MARGIN_MS) / PERIOD_MS) - 1);
    if (step <= Math.floor(now / PERIOD_MS) + 1) {
      writeFileSync(file, String(step));
      return step;
    }
    const wait = (step - 1) * PERIOD_MS - now + 200;
    test.info().setTimeout(test.info().timeout + wait);
    await sleep(wait);
  }
}

/** The password and TOTP forms, in Russian, ending on the home page. Call with the user's lock held. */
async function submitSignInForms(page: Page, username: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Имя пользователя").fill(username);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Продолжить" }).click();
  await expect(page).toHaveURL(/\/login\/totp$/);
  const step = await unusedStep(username);
  await page.getByLabel("Код из приложения").fill(totpCode(demoTotpSecret(username), new Date(step * PERIOD_MS)));
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL(/\/home$/, { timeout: 20_000 });
}

/** Signs in as a demo user through the real forms and lands on the home page (sign-in tests). */
export async function signInThroughForm(page: Page, username: string): Promise<void> {
  await withUserLock(username, () => submitSignInForms(page, username));
}

type SavedState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

/** This server's saved storage state for `username`, signing in once (or again when stale or `renew`). */
async function personaState(browser: Browser, username: string, renew = false): Promise<SavedState> {
  const file = join(stateDir(), `${serverKey()}-${username}.json`);
  return withUserLock(username, async () => {
    const saved = statSync(file, { throwIfNoEntry: false });
    if (!renew && saved && Date.now() - saved.mtimeMs < REUSE_FOR_MS) {
      const now = new Date();
      utimesSync(file, now, now); // the page view that follows keeps the server session alive too
      return JSON.parse(readFileSync(file, "utf8")) as SavedState;
    }
    const context = await browser.newContext();
    try {
      await submitSignInForms(await context.newPage(), username);
      const state = await context.storageState();
      writeFileSync(`${file}.tmp`, JSON.stringify(state));
      renameSync(`${file}.tmp`, file);
      return state;
    } finally {
      await context.close();
    }
  });
}

/**
 * Signs `page` in as a demo user with the saved session of that persona (see the top of this
 * file) and opens the home page, as the form sign-in would.
 */
export async function loginAs(page: Page, username: string): Promise<void> {
  const browser = page.context().browser();
  if (!browser) throw new Error("loginAs needs a page of a browser context");
  for (const renew of [false, true]) {
    const started = Date.now();
    const state = await personaState(browser, username, renew);
    // Waiting for another worker's sign-in, or signing in, is setup: it does not eat the test's time.
    test.info().setTimeout(test.info().timeout + (Date.now() - started));
    await page.context().addCookies(state.cookies);
    await page.goto("/home");
    // A session the server no longer knows (it should not happen) is replaced once.
    if (/\/home$/.test(page.url())) return;
  }
  await expect(page).toHaveURL(/\/home$/);
}

/** Fails with the list of violations if axe finds any (WCAG 2.1 A/AA rules). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}
