import { expect, test } from "@playwright/test";

test("the language switcher offers Kyrgyz and English and remembers the choice", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.getByRole("button", { name: "Кыргызча" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Системага кирүү");
  await expect(page.locator("html")).toHaveAttribute("lang", "ky");
  await page.reload();
  await expect(page.getByLabel("Колдонуучунун аты")).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Enter your username.")).toBeVisible();
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход в систему");
});

test.describe("with an English browser", () => {
  test.use({ locale: "en-GB" });
  test("Accept-Language picks English when nothing was chosen", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  });
});

test("GET /healthz reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});

test("a phone-sized screen shows the sign-in form without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/login");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Продолжить" })).toBeVisible();
});
