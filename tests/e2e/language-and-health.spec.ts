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

test("GET /healthz reports the database", { tag: "@smoke" }, async ({ request }) => {
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

test("a cross-site POST is refused before any route runs", async ({ request }) => {
  const response = await request.post("/login?index", {
    headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    form: { username: "inspector", password: "Kamkor-demo-2026" },
  });
  expect(response.status()).toBe(403);
});

test("malformed posts get a 400 with a translated message, never a 500", async ({ request }) => {
  const extraField = await request.post("/login?index", { form: { username: "a", password: "b", role: "admin" } });
  expect(extraField.status()).toBe(400);
  expect(await extraField.text()).toContain("Запрос не распознан");
  const garbage = await request.post("/login?index", { headers: { "Content-Type": "application/json" }, data: "{not json" });
  expect(garbage.status()).toBe(400);
  const language = await request.post("/language", { form: { lang: "fr" }, maxRedirects: 0 });
  expect(language.status()).toBe(302);
});

test("an unknown address shows the translated not-found page with status 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
});
