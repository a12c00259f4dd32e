import { expect, test, type Browser, type Page } from "@playwright/test";
import { toBishkekDateTimeInput } from "~/kit/fields";
import { expectNoAxeViolations, loginAs } from "./support";

/**
 * Protection orders through the UI: the demo data hold no adults of the officer's police
 * department, so each test creates the protected person and the respondent itself (each e2e
 * server starts from an empty database). Names differ per test: the tests run in parallel.
 */

const HOUR = 60 * 60 * 1000;
const at = (hoursAgo: number) => toBishkekDateTimeInput(new Date(Date.now() - hoursAgo * HOUR));

type NewPerson = { surname: string; givenName: string; patronymic: string; birthDate: string; sex: "женский" | "мужской" };
const fullName = (person: NewPerson) => `${person.surname} ${person.givenName} ${person.patronymic}`;

async function createPerson(page: Page, person: NewPerson): Promise<string> {
  await page.goto("/people/new");
  await page.getByLabel("Фамилия").fill(person.surname);
  await page.getByLabel("Имя", { exact: true }).fill(person.givenName);
  await page.getByLabel("Отчество (если есть)").fill(person.patronymic);
  await page.getByLabel("Дата рождения").fill(person.birthDate);
  await page.getByLabel("Пол").selectOption({ label: person.sex });
  await page.getByLabel("Адрес").fill("г. Бишкек, ул. Демо-Тестовая, д. 1");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fullName(person));
  return page.url();
}

/** From the protected person's page: issue → find the respondent → choose them. */
async function chooseRespondent(page: Page, protectedUrl: string, respondent: NewPerson) {
  await page.goto(protectedUrl);
  const orders = page.getByRole("region", { name: "Охранные ордера" });
  await expect(orders.getByText("Ордеров нет.")).toBeVisible();
  await orders.getByRole("link", { name: "Выдать охранный ордер" }).click();
  await expect(page.getByRole("heading", { name: "Шаг 1 из 2: лицо, в отношении которого выдаётся ордер" })).toBeVisible();
  await page.getByLabel("Фамилия").fill(respondent.surname);
  await page.getByLabel("Дата рождения").fill(respondent.birthDate);
  await page.getByRole("button", { name: "Найти" }).click();
  await page.getByRole("link", { name: `Выбрать: ${fullName(respondent)}` }).click();
  await expect(page.getByRole("heading", { name: "Шаг 2 из 2: ордер" })).toBeVisible();
}

/** Every checklist question "no", strangulation (a critical item) "yes". */
async function answerRisk(page: Page) {
  const checklist = page.getByRole("group", { name: /Оценка риска/ });
  const noAnswers = checklist.getByRole("radio", { name: "Нет", exact: true });
  const count = await noAnswers.count();
  expect(count).toBeGreaterThanOrEqual(15);
  for (let index = 0; index < count; index++) await noAnswers.nth(index).check();
  await checklist
    .getByRole("group", { name: /Душил ли/ })
    .getByRole("radio", { name: "Да", exact: true })
    .check();
}

async function signedInPage(browser: Browser, username: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({ locale: "ru-RU", ...options });
  const page = await context.newPage();
  await loginAs(page, username);
  return { context, page };
}

test("an officer issues, serves, checks, records a violation and extends an order; the social worker sees no risk; the admin gets 404", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const respondent: NewPerson = { surname: "Сатыбалдиев", givenName: "Марат", patronymic: "Бекович", birthDate: "05.07.1987", sex: "мужской" };
  const victim: NewPerson = { surname: "Сатыбалдиева", givenName: "Жылдыз", patronymic: "Омуровна", birthDate: "12.03.1990", sex: "женский" };
  await loginAs(page, "officer");
  await createPerson(page, respondent);
  const victimUrl = await createPerson(page, victim);
  await chooseRespondent(page, victimUrl, respondent);
  await expectNoAxeViolations(page);

  // Issued two and a half days ago (the rule set's 3 days end in 12 hours), so a check can be recorded late.
  await page.getByLabel("Вид насилия").selectOption({ label: "Физическое насилие" });
  await page.getByLabel("Дата и время выдачи").fill(at(60));
  await expect(page.getByText(/По действующим правилам: от 3 до 3 дней/)).toBeVisible();
  await page.getByLabel("Что произошло").fill("Со слов пострадавшей: муж толкнул её и угрожал.");
  await answerRisk(page);
  // No condition ticked: refused, the translated error next to the group, what was typed kept.
  await page.getByRole("button", { name: "Выдать ордер" }).click();
  await expect(page.getByRole("group", { name: "Условия ордера" }).getByText("Выберите хотя бы одно условие.")).toBeVisible();
  await expect(page.getByLabel("Что произошло")).toHaveValue("Со слов пострадавшей: муж толкнул её и угрожал.");
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/h8-issue-form-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  const conditions = page.getByRole("group", { name: "Условия ордера" });
  await conditions.getByLabel("Не совершать насилие").check();
  await conditions.getByLabel("Не приближаться на расстояние").check();
  await page.getByLabel("Расстояние, метров").fill("200");
  await answerRisk(page);
  await page.getByRole("button", { name: "Выдать ордер" }).click();

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?saved$/);
  const orderUrl = page.url().replace(/\?saved$/, "");
  await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  const details = page.getByRole("region", { name: "Сведения об ордере" });
  await expect(details.getByText("Выдан, не вручён")).toBeVisible();
  await expect(details.getByText("Высокий")).toBeVisible();
  await expect(page.getByRole("region", { name: "Условия" }).getByText("Не приближаться ближе чем на 200 м")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Что произошло" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The list shows it.
  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Охранные ордера" }).click();
  const row = page.getByRole("row").filter({ hasText: fullName(victim) });
  await expect(row).toContainText(fullName(respondent));
  await expect(row).toContainText("Выдан, не вручён");
  await expect(row).toContainText("Высокий");
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/h8-order-list-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Serve (58 hours ago).
  await page.goto(orderUrl);
  await page.getByRole("link", { name: "Отметить вручение" }).click();
  await page.getByLabel("Дата и время вручения").fill(at(58));
  await page.getByRole("button", { name: "Сохранить вручение" }).click();
  await expect(page.getByRole("region", { name: "Сведения об ордере" }).getByText("Вручён, проверок не было")).toBeVisible();

  // A check done 50 hours ago, recorded now: shown as recorded late, with both times.
  await page.getByRole("link", { name: "Записать проверку" }).click();
  await expect(page.getByRole("group", { name: /Душил ли/ }).getByRole("radio", { name: "Да", exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByLabel("Когда проведена").fill(at(50));
  await page.getByLabel("Способ проверки").selectOption({ label: "Посещение" });
  await page.getByLabel("Результат").selectOption({ label: "Условия соблюдаются" });
  await page.getByRole("group", { name: "Что сказало защищаемое лицо" }).getByLabel("Подтверждает соблюдение").check();
  await page.getByRole("button", { name: "Сохранить проверку" }).click();
  await expect(page).toHaveURL(/\?saved$/);
  const checks = page.getByRole("table", { name: "Запланированные и проведённые проверки" });
  await expect(checks.getByText("Записано с опозданием")).toBeVisible();
  await expect(checks.getByText(/проведена \d\d\.\d\d\.\d{4} \d\d:\d\d, записана/)).toBeVisible();
  await expect(checks.getByText("Подтверждает соблюдение")).toBeVisible();

  // A violation of one of the order's conditions.
  await page.getByRole("link", { name: "Записать нарушение" }).click();
  await page.getByRole("group", { name: "Нарушенное условие" }).getByLabel("Не совершать насилие").check();
  await page.getByLabel("Что произошло").fill("Соседи сообщили о крике и ударах.");
  await page.getByLabel("Принятая мера").selectOption({ label: "Предупреждение" });
  await page.getByRole("button", { name: "Сохранить нарушение" }).click();
  const violations = page.getByRole("table", { name: "Записанные нарушения условий" });
  await expect(violations.getByText("Предупреждение")).toBeVisible();
  await expect(violations.getByText("Соседи сообщили о крике и ударах.")).toBeVisible();

  // Extend to ten days from issue (within the 30-day total).
  await page.getByRole("link", { name: "Продлить", exact: true }).click();
  await expect(page.getByText("Продлить можно не дольше чем до")).toBeVisible();
  await page.getByLabel("Новый срок окончания").fill(at(60 - 240));
  await page.getByLabel("Реквизиты решения (орган, номер, дата)").fill("Решение суда № 12/2026");
  await page.getByRole("button", { name: "Продлить ордер" }).click();
  await expect(page.getByRole("region", { name: "Сведения об ордере" }).getByText("Продлён")).toBeVisible();
  await expect(page.getByRole("table", { name: "Решения о продлении" }).getByText("Решение суда № 12/2026")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/h8-order-page-phone.png", fullPage: true });

  // The district's social worker: the order and its conditions, never the narrative or the risk.
  const social = await signedInPage(browser, "socialworker");
  await social.page.goto(orderUrl);
  await expect(social.page.getByRole("heading", { level: 1 })).toContainText("Охранный ордер");
  await expect(social.page.getByRole("region", { name: "Условия" }).getByText("Не совершать насилие")).toBeVisible();
  await expect(social.page.getByRole("heading", { name: "Что произошло" })).toHaveCount(0);
  await expect(social.page.getByRole("heading", { name: "Оценка риска" })).toHaveCount(0);
  await expect(social.page.getByText("Соседи сообщили о крике и ударах.")).toHaveCount(0);
  await expect(social.page.getByText("Высокий")).toHaveCount(0);
  await expect(social.page.getByRole("link", { name: "Записать проверку" })).toHaveCount(0);
  await expectNoAxeViolations(social.page);
  await social.context.close();

  // The admin never sees case content: the order's address answers 404.
  const admin = await signedInPage(browser, "admin");
  const response = await admin.page.goto(orderUrl);
  expect(response?.status()).toBe(404);
  await admin.context.close();
});

test("the issue form works with JavaScript disabled", async ({ browser }) => {
  test.setTimeout(240_000);
  const respondent: NewPerson = { surname: "Турдубаев", givenName: "Азамат", patronymic: "Кенешович", birthDate: "21.01.1984", sex: "мужской" };
  const victim: NewPerson = { surname: "Турдубаева", givenName: "Нургуль", patronymic: "Асановна", birthDate: "03.09.1988", sex: "женский" };
  const { context, page } = await signedInPage(browser, "officer", { javaScriptEnabled: false });
  await createPerson(page, respondent);
  const victimUrl = await createPerson(page, victim);
  await chooseRespondent(page, victimUrl, respondent);
  await page.getByLabel("Вид насилия").selectOption({ label: "Психологическое насилие" });
  await page.getByLabel("Что произошло").fill("Со слов пострадавшей: постоянные угрозы.");
  await page.getByRole("group", { name: "Условия ордера" }).getByLabel("Не вступать в контакт любым способом").check();
  // A refused post without JavaScript: the page comes back with the error and the answers kept.
  await page.getByRole("button", { name: "Выдать ордер" }).click();
  await expect(page.getByText("Ответьте на каждый вопрос оценки риска (да, нет или неизвестно).")).toBeVisible();
  await expect(page.getByRole("group", { name: "Условия ордера" }).getByLabel("Не вступать в контакт любым способом")).toBeChecked();
  await answerRisk(page);
  await page.getByRole("button", { name: "Выдать ордер" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}\?saved$/);
  await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Условия" }).getByText("Не вступать в контакт любым способом")).toBeVisible();
  await context.close();
});
