import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "~seeds/data/users";
import { ru } from "~/i18n/catalogues/ru";
import { AREAS, areasFor } from "~policies/navigation.policy";
import { expectNoAxeViolations, signInThroughForm } from "./support";

const enrolled = DEMO_USERS.filter((user) => user.enrolled !== false);

for (const user of enrolled) {
  // One persona also signs in on the PGlite server (smoke set, playwright.config.ts).
  test(`${user.role} signs in with TOTP, sees their home and menu, and signs out`, { tag: user.username === "pedagogue" ? "@smoke" : [] }, async ({ page }) => {
    await signInThroughForm(page, user.username);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Здравствуйте, ${user.displayName}`);
    await expect(page.getByTestId("home-role")).toHaveText(ru[`role.${user.role}`]);
    await expect(page.getByText(ru[`roleWork.${user.role}`])).toBeVisible();
    const menu = page.getByRole("navigation", { name: "Основное меню" });
    const expectedMenu = areasFor({ id: "", agencyId: "", territoryId: "", roles: [user.role] }).map((area) => ru[AREAS[area].labelKey]);
    await expect(menu.getByRole("link")).toHaveText(expectedMenu);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Выйти" }).click();
    await expect(page).toHaveURL(/\/login\?signedOut=1$/);
    await expect(page.getByRole("status")).toHaveText("Вы вышли из системы.");
    await page.goto("/home");
    await expect(page).toHaveURL(/\/login$/);
  });
}

test("the sign-in page is accessible", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Вход в систему");
  await expectNoAxeViolations(page);
});

test("a wrong password and an unknown user get the same message", async ({ page }) => {
  for (const username of ["inspector", "no-such-user"]) {
    await page.goto("/login");
    await page.getByLabel("Имя пользователя").fill(username);
    await page.getByLabel("Пароль").fill("not-the-password-1");
    await page.getByRole("button", { name: "Продолжить" }).click();
    await expect(page.getByRole("alert")).toHaveText("Неверное имя пользователя или пароль.");
    await expect(page).toHaveURL(/\/login/);
  }
});

test("a wrong TOTP code is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Имя пользователя").fill("psychologist");
  await page.getByLabel("Пароль").fill("Kamkor-demo-2026");
  await page.getByRole("button", { name: "Продолжить" }).click();
  await expect(page).toHaveURL(/\/login\/totp$/);
  await page.getByLabel("Код из приложения").fill("12345");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByText("Код состоит из 6 цифр.")).toBeVisible();
  await page.getByLabel("Код из приложения").fill("000000");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByText("Код не подошёл. Введите текущий код из приложения.")).toBeVisible();
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login\/totp$/);
});

test("a new account enrols an authenticator from the QR code page before seeing anything", { tag: "@smoke" }, async ({ page }) => {
  const { totpCode } = await import("~/server/auth/totp.server");
  await page.goto("/login");
  await page.getByLabel("Имя пользователя").fill("newcomer");
  await page.getByLabel("Пароль").fill("Kamkor-demo-2026");
  await page.getByRole("button", { name: "Продолжить" }).click();
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await expect(page.getByRole("img", { name: ru["enrol.qrAlt"] })).toBeVisible();
  await page.goto("/home");
  await expect(page).toHaveURL(/\/login\/enrol$/);
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await expectNoAxeViolations(page);
  await page.getByLabel("Код из приложения").fill(totpCode(secret));
  await page.getByRole("button", { name: "Подтвердить и войти" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Данияр Мамытов");
});

test.describe("before JavaScript loads", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form validates on the server and shows errors next to the fields", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Продолжить" }).click();
    await expect(page.getByText("Введите имя пользователя.")).toBeVisible();
    await expect(page.getByText("Введите пароль.")).toBeVisible();
    await expect(page.getByLabel("Имя пользователя")).toHaveAttribute("aria-invalid", "true");
  });
});
