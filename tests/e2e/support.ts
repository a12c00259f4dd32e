import AxeBuilder from "@axe-core/playwright";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { TOTP_PERIOD_SECONDS, totpCode } from "~/server/auth/totp.server";
import { demoTotpSecret } from "~seeds/factories";
import { DEMO_PASSWORD } from "~seeds/data/users";

/** Signs in as a demo user in Russian, through the real forms, and lands on the home page. */
export async function login(page: Page, username: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Имя пользователя").fill(username);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Продолжить" }).click();
  await expect(page).toHaveURL(/\/login\/totp$/);
  // Codes are single-use per 30-second step, and tests run in parallel: the workers take turns
  // per user and server (a lock directory), and each waits for a step no other test has used yet,
  // so no attempt is refused (refusals would count towards the TOTP lock-out).
  await withTotpTurn(page, username, async (step) => {
    await page.getByLabel("Код из приложения").fill(totpCode(demoTotpSecret(username), new Date(step * TOTP_PERIOD_SECONDS * 1000)));
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page).toHaveURL(/\/home$/, { timeout: 20_000 });
  });
}

/** Runs `submit` with a TOTP step unused by other tests on this server (cross-worker lock in /tmp). */
async function withTotpTurn(page: Page, username: string, submit: (step: number) => Promise<void>): Promise<void> {
  const server = new URL(page.url()).port;
  const lock = join(tmpdir(), `kamkor-e2e-totp-${server}-${username}.lock`);
  const lastStepFile = join(tmpdir(), `kamkor-e2e-totp-${server}-${username}.step`);
  const periodMs = TOTP_PERIOD_SECONDS * 1000;
  test.info().setTimeout(test.info().timeout + 2 * periodMs);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed worker is stale after two minutes.
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000) rmSync(lock, { recursive: true, force: true });
      await page.waitForTimeout(200);
    }
  }
  try {
    const last = existsSync(lastStepFile) ? Number(readFileSync(lastStepFile, "utf8")) : -1;
    let step = Math.floor(Date.now() / periodMs);
    if (step <= last) {
      await page.waitForTimeout((last + 1) * periodMs - Date.now() + 300);
      step = Math.floor(Date.now() / periodMs);
    }
    writeFileSync(lastStepFile, String(step));
    await submit(step);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Fails with the list of violations if axe finds any (WCAG 2.1 A/AA rules). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}
