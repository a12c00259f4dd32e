import AxeBuilder from "@axe-core/playwright";
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
  await page.getByLabel("Код из приложения").fill(totpCode(demoTotpSecret(username)));
  await page.getByRole("button", { name: "Войти" }).click();
  // Another test in parallel may have used this user's code in the same 30-second step (codes
  // are single-use), and again in the next one: wait for the next step and enter the new code.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await page.waitForURL(/\/home$/, { timeout: 5_000 }).then(() => true, () => false)) return;
    const periodMs = TOTP_PERIOD_SECONDS * 1000;
    test.info().setTimeout(test.info().timeout + periodMs + 10_000);
    await page.waitForTimeout(periodMs - (Date.now() % periodMs) + 500);
    await page.getByLabel("Код из приложения").fill(totpCode(demoTotpSecret(username)));
    await page.getByRole("button", { name: "Войти" }).click();
  }
  await expect(page).toHaveURL(/\/home$/);
}

/** Fails with the list of violations if axe finds any (WCAG 2.1 A/AA rules). */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}
