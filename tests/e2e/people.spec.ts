import { expect, test } from "@playwright/test";
import { stableId } from "~seeds/factories";
import { DEMO_PASSWORD } from "~seeds/data/users";
import { expectNoAxeViolations, loginAs } from "./support";

// Demo person owned by the pedagogue's school (seeds/data/people.ts).
const PIN = "21503201299901";
const PERSON_ID = stableId("person", "asanaliev-nurbek");

test("a pedagogue finds a child of their school by PIN and sees what their role allows", { tag: "@smoke" }, async ({ page }) => {
  await loginAs(page, "pedagogue");
  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Люди" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Поиск человека");
  await page.getByLabel("ПИН (14 цифр)").fill(PIN);
  await page.getByRole("button", { name: "Найти" }).click();
  await page.getByRole("link", { name: "Асаналиев Нурбек Бакытович" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Асаналиев Нурбек Бакытович");
  await expect(page.getByText("15.03.2012")).toBeVisible();
  await expect(page.getByText("г. Бишкек, ул. Демо-Тестовая, д. 1, кв. 12")).toBeVisible();
  // A pedagogue is not among the roles that see the PIN.
  await expect(page.getByText(PIN)).toHaveCount(0);
  await expect(page.getByText("Некоторые сведения скрыты")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("bad search input gets a message next to the field", async ({ page }) => {
  await loginAs(page, "psychologist");
  await page.goto("/people");
  await page.getByLabel("Фамилия").fill("Асаналиев");
  await page.getByLabel("Дата рождения").fill("31.02.2012");
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page.getByText("Введите дату в формате ДД.ММ.ГГГГ.")).toBeVisible();
  await expect(page.getByLabel("Дата рождения")).toHaveAttribute("aria-invalid", "true");
});

test("an inspector outside the record's scope gets 404, then uses break-glass, and the supervisor reviews it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await loginAs(page, "inspector");
  await page.goto("/people?pin=" + PIN);
  await expect(page.getByRole("status")).toHaveText("Среди доступных вам записей никого не найдено.");
  const response = await page.goto(`/people/${PERSON_ID}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");

  await page.goto("/break-glass");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Экстренный доступ");
  await page.getByLabel("ПИН (14 цифр)").fill(PIN);
  await page.getByLabel("Причина").fill("Ребёнок задержан ночью без документов, нужно связаться с законным представителем.");
  await page.getByLabel("Ваш пароль (повторное подтверждение)").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Открыть экстренный доступ" }).click();
  await expect(page).toHaveURL(new RegExp(`/people/${PERSON_ID}$`));
  await expect(page.getByText(/Экстренный доступ: только просмотр/)).toBeVisible();
  await expect(page.getByText(/Активен экстренный доступ до/)).toBeVisible();
  await expect(page.getByText(PIN)).toBeVisible();
  await expect(page.getByText("г. Бишкек, ул. Демо-Тестовая, д. 1, кв. 12")).toHaveCount(0);

  const supervisorContext = await browser.newContext();
  const supervisorPage = await supervisorContext.newPage();
  await loginAs(supervisorPage, "supervisor");
  await supervisorPage.getByRole("link", { name: "Экстренный доступ" }).click();
  const item = supervisorPage.getByRole("listitem").filter({ hasText: "Бакыт Асанов" }).filter({ hasText: "Ожидает проверки" }).first();
  await expect(item).toContainText("Ребёнок задержан ночью");
  await item.getByLabel("Не оправдан").check();
  await item.getByRole("button", { name: "Сохранить решение" }).click();
  await expect(supervisorPage.getByRole("status")).toHaveText("Решение сохранено.");
  await expectNoAxeViolations(supervisorPage);
  await supervisorContext.close();
});
