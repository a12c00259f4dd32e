import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { totpCode } from "~/server/auth/totp.server";
import { expectNoAxeViolations, loginAs } from "./support";

/**
 * Administration end to end, in Russian. The admin's saved session is shared with other specs,
 * so this spec changes only what it creates itself: an agency and an account, which it disables
 * (ending that account's sessions) without touching any demo user.
 */

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
const AGENCY_NAME = `Фонд «Е2Е ${suffix}»`;
const USERNAME = `e2e.worker.${suffix}`;
const DISPLAY_NAME = "Асель Тестова";
const PASSWORD = "тихая река течёт в горах";

async function signInWithPassword(page: Page, username: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Имя пользователя").fill(username);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Продолжить" }).click();
}

async function newContext(browser: Browser, options: Parameters<Browser["newContext"]>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: "ru-RU", ...options });
}

test.describe.serial("administration", () => {
  let adminContext: BrowserContext;
  let admin: Page;
  let agencyUrl: string;
  let userUrl: string;
  let worker: Page;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(90_000);
    adminContext = await newContext(browser);
    admin = await adminContext.newPage();
    await loginAs(admin, "admin");
  });

  test.afterAll(async () => {
    await adminContext?.close();
    await worker?.context().close();
  });

  test("the admin overview lists agencies and users with filters, and is accessible", async () => {
    await admin.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Администрирование" }).click();
    await expect(admin).toHaveURL(/\/admin$/);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Администрирование");
    await expect(admin.getByRole("table", { name: "Организации" })).toBeVisible();
    await expect(admin.getByRole("table", { name: "Пользователи" }).getByRole("link", { name: "inspector", exact: true })).toBeVisible();
    await expectNoAxeViolations(admin);

    const users = admin.getByRole("form", { name: "Фильтр пользователей" });
    await users.getByLabel("Роль").selectOption({ label: "Аудитор" });
    await users.getByRole("button", { name: "Показать" }).click();
    await expect(admin).toHaveURL(/role=auditor/);
    await expect(admin.getByRole("table", { name: "Пользователи" }).getByRole("link")).toHaveText(["auditor"]);
  });

  test("before JavaScript loads, the agency form validates on the server and creates the agency", async ({ browser }) => {
    const noScript = await newContext(browser, { javaScriptEnabled: false, storageState: await adminContext.storageState() });
    const page = await noScript.newPage();
    await page.goto("/admin/agencies/new");
    await page.getByRole("button", { name: "Создать организацию" }).click();
    await expect(page.getByText("Выберите тип организации.")).toBeVisible();
    await expect(page.getByText("Выберите район или город.")).toBeVisible();
    await expect(page.getByLabel("Название на русском")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Тип организации").selectOption({ label: "Некоммерческая организация" });
    await page.getByLabel("Район или город").selectOption({ label: "Сокулукский район" });
    await page.getByLabel("Название на русском").fill(AGENCY_NAME);
    await page.getByLabel("Название на кыргызском").fill(`«Е2Е ${suffix}» фонду`);
    await page.getByLabel("Название на английском").fill(`E2E ${suffix} Foundation`);
    await page.getByRole("button", { name: "Создать организацию" }).click();
    await expect(page).toHaveURL(/\/admin\/agencies\/[0-9a-f-]{36}\?done=agencyCreated$/);
    await expect(page.getByRole("status")).toHaveText("Организация создана.");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(AGENCY_NAME);
    agencyUrl = new URL(page.url()).pathname;
    await noScript.close();
  });

  test("the admin creates a user in that agency; errors are shown next to the fields", async () => {
    await admin.goto("/admin/users/new");
    await expectNoAxeViolations(admin);
    // Browser-side validation (same schema as the server).
    await admin.getByLabel("Имя пользователя").fill("Not Valid");
    await admin.getByLabel("Начальный пароль").fill("short");
    await admin.getByRole("button", { name: "Создать пользователя" }).click();
    await expect(admin.getByText("Только латинские строчные буквы, цифры, точка, дефис и подчёркивание.")).toBeVisible();
    await expect(admin.getByText("Выберите хотя бы одну роль.")).toBeVisible();
    await expect(admin.getByText("Пароль должен быть не короче 12 знаков.")).toBeVisible();

    await admin.getByLabel("Имя пользователя").fill(USERNAME);
    await admin.getByLabel("Фамилия и имя").fill(DISPLAY_NAME);
    await admin.getByLabel("Организация", { exact: true }).selectOption({ label: AGENCY_NAME });
    await admin.getByRole("group", { name: "Роли" }).getByLabel("Социальный работник").check();
    // Server-side policy: a common password is refused with a message, nothing is saved.
    await admin.getByLabel("Начальный пароль").fill("Password1234");
    await admin.getByLabel("Повторите пароль").fill("Password1234");
    await admin.getByRole("button", { name: "Создать пользователя" }).click();
    await expect(admin.getByText("Этот пароль слишком распространён.", { exact: false })).toBeVisible();

    await admin.getByLabel("Начальный пароль").fill(PASSWORD);
    await admin.getByLabel("Повторите пароль").fill(PASSWORD);
    await admin.getByRole("button", { name: "Создать пользователя" }).click();
    await expect(admin).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\?done=userCreated$/);
    await expect(admin.getByRole("status")).toContainText("Пользователь создан.");
    await expect(admin.getByRole("heading", { level: 1 })).toContainText(DISPLAY_NAME);
    userUrl = new URL(admin.url()).pathname;
    await expectNoAxeViolations(admin);
  });

  test("the new user enrols an authenticator, signs in, and gets 404 on /admin", async ({ browser }) => {
    const context = await newContext(browser);
    worker = await context.newPage();
    await signInWithPassword(worker, USERNAME, PASSWORD);
    await expect(worker).toHaveURL(/\/login\/enrol$/);
    const secret = (await worker.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await worker.getByLabel("Код из приложения").fill(totpCode(secret));
    await worker.getByRole("button", { name: "Подтвердить и войти" }).click();
    await expect(worker).toHaveURL(/\/home$/);
    await expect(worker.getByRole("heading", { level: 1 })).toHaveText(`Здравствуйте, ${DISPLAY_NAME}`);
    await expect(worker.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Администрирование" })).toHaveCount(0);

    for (const path of ["/admin", "/admin/users/new", userUrl, agencyUrl]) {
      const response = await worker.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(worker.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
    }
    await worker.goto("/home");
    await expect(worker.getByRole("heading", { level: 1 })).toHaveText(`Здравствуйте, ${DISPLAY_NAME}`);
  });

  test("a confirmation dialog guards disabling; once disabled, the user's open page goes to /login", async () => {
    // The dialog must work under our CSP (no inline <style>): collect any refusal.
    const cspRefusals: string[] = [];
    admin.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspRefusals.push(message.text());
    });
    await admin.goto(userUrl);
    await admin.getByRole("button", { name: "Отключить пользователя" }).click();
    const dialog = admin.getByRole("dialog", { name: "Отключить пользователя?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`${DISPLAY_NAME} сразу выйдет из системы на всех устройствах.`);
    await expectNoAxeViolations(admin);
    // Cancel first: nothing happens, focus returns to the button.
    await dialog.getByRole("button", { name: "Отмена" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(admin.getByRole("button", { name: "Отключить пользователя" })).toBeFocused();
    await expect(admin.getByText("Включено", { exact: true })).toBeVisible();

    await admin.getByRole("button", { name: "Отключить пользователя" }).click();
    await admin.getByRole("dialog").getByRole("button", { name: "Отключить пользователя" }).click();
    await expect(admin.getByRole("status")).toHaveText("Пользователь отключён, его сеансы завершены.");
    await expect(admin.getByRole("button", { name: "Включить пользователя" })).toBeVisible();
    expect(cspRefusals).toEqual([]);

    // The worker's browser still shows the home page; the next navigation finds no session.
    await worker.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Главная" }).click();
    await expect(worker).toHaveURL(/\/login$/);
    await signInWithPassword(worker, USERNAME, PASSWORD);
    await expect(worker.getByRole("alert")).toHaveText("Неверное имя пользователя или пароль.");
  });

  test("the agency page is accessible; before JavaScript loads, its destructive button submits directly (no dialog)", async ({ browser }) => {
    // axe needs JavaScript: check the page in the admin's normal browser first.
    await admin.goto(agencyUrl);
    await expect(admin.getByRole("heading", { level: 1 })).toHaveText(AGENCY_NAME);
    await expectNoAxeViolations(admin);

    const noScript = await newContext(browser, { javaScriptEnabled: false, storageState: await adminContext.storageState() });
    const page = await noScript.newPage();
    await page.goto(agencyUrl);
    await page.getByRole("button", { name: "Отключить организацию" }).click();
    await expect(page.getByRole("status")).toHaveText("Организация отключена, сеансы её пользователей завершены.");
    await expect(page.getByRole("button", { name: "Включить организацию" })).toBeVisible();
    await noScript.close();
  });
});

test("repeated wrong passwords lock the username with the same message, whether or not it exists", async ({ page }) => {
  const username = `no-such-user-${suffix}`;
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInWithPassword(page, username, "not-the-password-1");
    const expected = attempt < 5 ? "Неверное имя пользователя или пароль." : "Слишком много попыток входа. Попробуйте через 15 минут.";
    await expect(page.getByRole("alert")).toHaveText(expected);
  }
  await signInWithPassword(page, username, "not-the-password-1");
  await expect(page.getByRole("alert")).toHaveText("Слишком много попыток входа. Попробуйте через 15 минут.");
});
