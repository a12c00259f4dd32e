import { expect, test, type Page } from "@playwright/test";
import { demoCaseloadRows } from "~seeds/caseload";
import { stableId } from "~seeds/factories";
import { expectNoAxeViolations, loginAs } from "./support";

// Each e2e server starts from an empty database, so this child exists only after the test creates it.
const CHILD = { surname: "Шаршенова", givenName: "Айсулуу", patronymic: "Маратовна", birthDate: "14.05.2013" };
const FULL_NAME = `${CHILD.surname} ${CHILD.givenName} ${CHILD.patronymic}`;

async function fillNewPerson(page: Page) {
  await page.goto("/people/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новая запись о человеке");
  await page.getByLabel("Фамилия").fill(CHILD.surname);
  await page.getByLabel("Имя", { exact: true }).fill(CHILD.givenName);
  await page.getByLabel("Отчество (если есть)").fill(CHILD.patronymic);
  await page.getByLabel("Дата рождения").fill(CHILD.birthDate);
  await page.getByLabel("Пол").selectOption({ label: "женский" });
  await page.getByLabel("Адрес").fill("г. Бишкек, ул. Демо-Тестовая, д. 99");
  await page.getByRole("button", { name: "Сохранить" }).click();
}

test("a social worker creates a child, gets the duplicate prompt the second time, chooses the same person, and sees chronology and tasks", async ({ page }) => {
  test.setTimeout(150_000);
  await loginAs(page, "socialworker");
  // The demo caseload gives the social worker reviews and proposals to act on.
  await expect(page.getByTestId("task-badge")).toBeVisible();
  const inbox = page.getByTestId("task-inbox");
  await expect(inbox.getByRole("heading", { name: "Мои задачи" })).toBeVisible();
  await expect(inbox.getByText(/Пересмотры: \d+/)).toBeVisible();
  await expect(inbox.getByText("Пересмотр плана").first()).toBeVisible();

  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Люди" }).click();
  await page.getByRole("link", { name: "Новый человек" }).click();
  // Bad input first: a future birth date is refused next to the field, nothing is saved.
  await page.getByLabel("Фамилия").fill(CHILD.surname);
  await page.getByLabel("Имя", { exact: true }).fill(CHILD.givenName);
  await page.getByLabel("Дата рождения").fill("01.01.2999");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Введите дату в формате ДД.ММ.ГГГГ.")).toBeVisible();
  await expect(page.getByText("Выберите пол.")).toBeVisible();

  await fillNewPerson(page);
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const personUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FULL_NAME);
  const chronology = page.getByTestId("chronology");
  await expect(chronology.getByText("Создана запись о человеке")).toBeVisible();
  await expect(chronology.getByText("Назира Абдыкадырова")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Законные представители" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The same child again: the prompt shows the existing record; "same person" opens it.
  await fillNewPerson(page);
  await expect(page.getByRole("heading", { name: "Возможно, этот человек уже есть" })).toBeVisible();
  const candidates = page.getByTestId("duplicate-candidates");
  await expect(candidates.getByText(FULL_NAME)).toBeVisible();
  await expect(candidates.getByText("14.05.2013")).toBeVisible();
  await expect(page.getByRole("button", { name: "Это другой человек — создать запись" })).toBeVisible();
  await expectNoAxeViolations(page);
  await candidates.getByRole("button", { name: "Это тот же человек" }).click();
  await expect(page).toHaveURL(personUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(FULL_NAME);
  // Nothing new was created: the search finds one record.
  await page.goto(`/people?surname=${encodeURIComponent(CHILD.surname)}&birthDate=${CHILD.birthDate}`);
  await expect(page.getByRole("link", { name: FULL_NAME })).toHaveCount(1);
});

test("a lead sees a demo child's plans and chronology, and follows a task to the plan", { tag: "@smoke" }, async ({ page }) => {
  test.setTimeout(150_000);
  const inspectorId = stableId("user", "inspector");
  const rows = demoCaseloadRows();
  const plan = rows.plans.find((candidate) => candidate.leadUserId === inspectorId && candidate.status === "active")!;
  const child = rows.people.find((person) => person.id === plan.personId)!;
  await loginAs(page, "inspector");
  await expect(page.getByTestId("task-inbox").getByRole("link").first()).toHaveAttribute("href", /^\/plans\/[0-9a-f-]{36}$/);

  await page.goto(`/people/${child.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${child.surname} ${child.givenName} ${child.patronymic}`);
  const plans = page
    .getByRole("region", { name: "Планы сопровождения" })
    .or(page.locator("section", { has: page.getByRole("heading", { name: "Планы сопровождения" }) }));
  await expect(plans.getByRole("link", { name: /План сопровождения · действует/ })).toHaveAttribute("href", `/plans/${plan.id}`);
  const chronology = page.getByTestId("chronology");
  await expect(chronology.getByText("Открыт план сопровождения")).toBeVisible();
  await expect(chronology.getByText("В команду плана добавлен участник").first()).toBeVisible();
  await expect(chronology.getByText("Бакыт Асанов").first()).toBeVisible();
  await expectNoAxeViolations(page);
});
