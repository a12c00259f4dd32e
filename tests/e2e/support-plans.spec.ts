import { expect, test, type Page } from "@playwright/test";
import { addMonths, todayIso } from "~/modules/support-plans/support-plans.schema";
import { demoAgencyCode } from "~seeds/demo";
import { stableId } from "~seeds/factories";
import { expectNoAxeViolations, loginAs } from "./support";

// Demo child owned by the inspector's police department (seeds/data/people.ts).
const CHILD_ID = stableId("person", "khegai-viktoriya");
const CHILD_NAME = "Хегай Виктория Сергеевна";
const SCHOOL_ID = stableId("agency", demoAgencyCode("school", "bishkek-len"));
const PEDAGOGUE_ID = stableId("user", "pedagogue");
const SCRIPT_GOAL = "<script>alert(1)</script> Ходить в школу без пропусков";

async function signedIn(page: Page, username: string): Promise<Page> {
  const context = await page.context().browser()!.newContext({ locale: "ru-RU" });
  const fresh = await context.newPage();
  await loginAs(fresh, username);
  return fresh;
}

/** ConfirmButton: a dialog once hydrated; before that the button submits by itself. */
async function confirm(page: Page, button: string) {
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: button }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: button }).click();
}

test("an inspector opens a plan, the pedagogue reviews it, the supervisor approves closure, a stranger gets 404", async ({ page }) => {
  test.setTimeout(300_000);
  await loginAs(page, "inspector");
  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Планы сопровождения" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Мои планы сопровождения");

  // Open: bad input first (no ground), then a valid plan.
  await page.goto(`/plans/new?personId=${CHILD_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новый план сопровождения");
  await expect(page.getByText(CHILD_NAME)).toBeVisible();
  await page.getByRole("button", { name: "Открыть план" }).click();
  await expect(page.getByText("Выберите хотя бы одно основание.")).toBeVisible();
  await page.getByLabel("пропуски занятий").check();
  await page.getByLabel("Мнение ребёнка").fill("Хочу ходить на футбол");
  await page.getByRole("button", { name: "Открыть план" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  const planUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHILD_NAME);
  await expect(page.getByText("черновик")).toBeVisible();

  // Team: the school's social pedagogue.
  await page.getByRole("link", { name: "Добавить участника" }).click();
  await page.getByLabel("Сотрудник").selectOption(PEDAGOGUE_ID);
  await page.getByLabel("Роль в плане").fill("социальный педагог: посещаемость");
  await page.getByRole("button", { name: "Добавить" }).click();
  await expect(page.getByRole("status")).toHaveText("Сохранено.");
  await expect(page.getByText("социальный педагог: посещаемость")).toBeVisible();

  // Goal: a past due date and a missing agency are refused; HTML is shown as text.
  await page.getByRole("link", { name: "Добавить цель" }).click();
  await page.getByLabel("Цель и меры").fill(SCRIPT_GOAL);
  await page.getByLabel("Срок").fill(addMonths(todayIso(), -1));
  await page.getByRole("button", { name: "Сохранить цель" }).click();
  await expect(page.getByText("Выберите ответственное учреждение.")).toBeVisible();
  await expect(page.getByText("Срок новой цели не может быть в прошлом.")).toBeVisible();
  await page.getByLabel("Ответственное учреждение").selectOption(SCHOOL_ID);
  await page.getByLabel("Срок").fill(addMonths(todayIso(), 1));
  await page.getByRole("button", { name: "Сохранить цель" }).click();
  await expect(page.getByRole("status")).toHaveText("Сохранено.");
  await expect(page.getByText(SCRIPT_GOAL)).toBeVisible();

  await page.getByRole("button", { name: "Перевести в действующий" }).click();
  await expect(page.getByText("действует", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The pedagogue (another agency) sees the plan in their caseload and records a review.
  const pedagogue = await signedIn(page, "pedagogue");
  await pedagogue.goto("/plans");
  await pedagogue.getByRole("link", { name: CHILD_NAME }).first().click();
  await expect(pedagogue.getByText(SCRIPT_GOAL)).toBeVisible();
  await pedagogue.getByRole("link", { name: "Провести пересмотр" }).click();
  await pedagogue.getByLabel("Что изменилось").fill("Пропусков стало меньше, ходит на футбол.");
  await pedagogue.getByLabel("Оценка риска").selectOption("medium");
  await pedagogue.getByRole("button", { name: "Сохранить пересмотр" }).click();
  await expect(pedagogue.getByRole("status")).toHaveText("Сохранено.");
  await expect(pedagogue.getByText("Пропусков стало меньше, ходит на футбол.")).toBeVisible();
  await pedagogue.context().close();

  // The lead requests closure: a reason is required.
  await page.goto(`${planUrl}/closure`);
  await page.getByRole("button", { name: "Отправить на утверждение" }).click();
  await expect(page.getByText("Выберите причину закрытия.")).toBeVisible();
  await page.getByLabel("Причина закрытия").selectOption("other");
  await page.getByLabel("Обоснование").fill("Семья справляется, ребёнок посещает школу.");
  await page.getByRole("button", { name: "Отправить на утверждение" }).click();
  await expect(page.getByText("запрошено закрытие")).toBeVisible();

  // The district supervisor approves.
  const supervisor = await signedIn(page, "supervisor");
  await supervisor.goto(planUrl);
  await confirm(supervisor, "Утвердить закрытие");
  await expect(supervisor.getByRole("status")).toHaveText("Сохранено.");
  await expect(supervisor.getByText("закрыт", { exact: true })).toBeVisible();
  await supervisor.context().close();

  // The district officer works in the lead's own agency but is not on the team: 404.
  const officer = await signedIn(page, "officer");
  const response = await officer.goto(planUrl);
  expect(response?.status()).toBe(404);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  expect((await officer.goto(`${planUrl}/print`))?.status()).toBe(404);
  await officer.context().close();

  // Printable version for the lead, in Russian.
  await page.goto(`${planUrl}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("План сопровождения — для подписи");
  await expect(page.getByText(SCRIPT_GOAL)).toBeVisible();
});

test("two pages edit the same plan: the second save shows the conflict with the current values and overwrites nothing", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "inspector");
  await page.goto(`/plans/new?personId=${CHILD_ID}`);
  await page.getByLabel("пропуски занятий").check();
  await page.getByLabel("Мнение ребёнка").fill("Исходное мнение");
  await page.getByRole("button", { name: "Открыть план" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  const planUrl = new URL(page.url()).pathname;

  // Both pages hold the form at the same version (same user, second tab).
  const second = await page.context().newPage();
  await page.goto(`${planUrl}/edit`);
  await second.goto(`${planUrl}/edit`);
  await expect(second.getByLabel("Мнение ребёнка")).toHaveValue("Исходное мнение");

  await page.getByLabel("Мнение ребёнка").fill("Первая версия");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status")).toHaveText("Сохранено.");

  // The stale page: refused, told so in Russian, shown what the plan holds now; its own text is kept for the user to decide.
  await second.getByLabel("Мнение ребёнка").fill("Вторая версия");
  await second.getByRole("button", { name: "Сохранить" }).click();
  const notice = second.locator(".notice-warning");
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("Пока вы редактировали, план изменил другой сотрудник");
  await expect(notice).toContainText("Ваши изменения не сохранены.");
  await expect(notice.getByRole("definition").filter({ hasText: "Первая версия" })).toBeVisible();
  await expect(second.getByLabel("Мнение ребёнка")).toHaveValue("Вторая версия");
  await expectNoAxeViolations(second);

  // Nothing was overwritten.
  await page.reload();
  await expect(page.getByText("Первая версия")).toBeVisible();
  await expect(page.getByText("Вторая версия")).toHaveCount(0);

  // Sending again is the user's decision: the form now carries the current version.
  await second.getByRole("button", { name: "Сохранить" }).click();
  await expect(second.getByRole("status")).toHaveText("Сохранено.");
  await expect(second.getByText("Вторая версия")).toBeVisible();
});
