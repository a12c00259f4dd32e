import { expect, test, type Page } from "@playwright/test";
import { stableId } from "~seeds/factories";
import { expectNoAxeViolations, loginAs } from "./support";

// A child owned by the pedagogue's school, «Средняя школа № 41» (seeds/data/people.ts).
const CHILD_ID = stableId("person", "asanaliev-nurbek");

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function signedIn(page: Page, username: string): Promise<Page> {
  const context = await page
    .context()
    .browser()!
    .newContext({ locale: "ru-RU", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const fresh = await context.newPage();
  await loginAs(fresh, username);
  return fresh;
}

async function answer(page: Page, question: RegExp, choice: "Да" | "Нет") {
  await expect(page.getByRole("group", { name: question })).toBeVisible();
  await page.getByRole("button", { name: choice, exact: true }).click();
}

/** The pedagogue screens the child through the real pages; the result is acute positive. */
async function acuteScreening(page: Page): Promise<string> {
  await page.goto(`/screenings/new?personId=${CHILD_ID}`);
  await page.getByLabel("Ребёнок согласен ответить на вопросы").check();
  await page.getByLabel("Будет проинформирован о скрининге").check();
  await page.getByRole("button", { name: "Начать скрининг" }).click();
  await expect(page).toHaveURL(/\/screenings\/[0-9a-f-]{36}\/step$/);
  const path = new URL(page.url()).pathname.replace(/\/step$/, "");
  await answer(page, /хотелось умереть/, "Да");
  await answer(page, /было бы лучше/, "Нет");
  await answer(page, /мысли о том, чтобы убить себя\?$/, "Нет");
  await answer(page, /пытался или пыталась/, "Нет");
  await answer(page, /прямо сейчас/, "Да");
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  return path;
}

test("acute pathway on a phone: the pedagogue completes the checklist, the psychologist sees the alert and records the assessment, the inspector sees only «screening on file»", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await loginAs(page, "pedagogue");
  const path = await acuteScreening(page);

  // The immediate safety steps.
  await page.getByRole("link", { name: "Неотложные шаги безопасности" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}/checklist$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Неотложные шаги безопасности");
  await expectNoAxeViolations(page);
  const target = await page.getByText("Ребёнок не остаётся один").boundingBox();
  expect(target?.height ?? 0).toBeGreaterThanOrEqual(44);

  // "The guardian is the danger" needs a reason.
  await page.getByLabel("Ребёнок не остаётся один").check();
  await page.getByLabel("Опасные предметы убраны").check();
  await page.getByLabel("Опасность исходит от законного представителя — не звонить").check();
  await page.getByRole("button", { name: "Сохранить отметки" }).click();
  await expect(page.getByText("Укажите, почему не звонить законному представителю.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Two steps now: each gets its time.
  await page.getByLabel("Законному представителю позвонили").check();
  await page.getByRole("button", { name: "Сохранить отметки" }).click();
  await expect(page.getByRole("status")).toHaveText("Сохранено.");
  await expect(page.getByText("Осталось шагов: 2")).toBeVisible();
  await expect(page.getByText(/^выполнено \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/)).toHaveCount(3);
  await expect(page.getByLabel("Ребёнок не остаётся один")).toBeDisabled();

  // The rest: complete.
  await page.getByLabel("Психолог вызван").check();
  await page.getByLabel("Не требуются").check();
  await page.getByRole("button", { name: "Сохранить отметки" }).click();
  await expect(page.getByTestId("checklist-complete")).toContainText("Все шаги выполнены");
  await expect(page.getByRole("button", { name: "Сохранить отметки" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // Back on the result page the checklist is shown as done, with no link to record it again.
  await page.goto(path);
  await expect(page.getByText(/^Неотложные шаги безопасности завершены/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Неотложные шаги безопасности" })).toHaveCount(0);

  // The psychologist: the alert, then the safety assessment.
  const psychologist = await signedIn(page, "psychologist");
  // The counter in the menu and the deadline in the task inbox.
  await expect(psychologist.getByTestId("alert-badge")).toBeVisible();
  // The task badge counts screening deadlines too (the psychologist has no support-plan tasks in the demo).
  await expect(psychologist.getByTestId("task-badge")).toBeVisible();
  await expect(psychologist.getByTestId("screening-tasks").getByText("Оценка безопасности после скрининга").first()).toBeVisible();
  await expectNoAxeViolations(psychologist);
  await psychologist.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Оповещения" }).click();
  await expect(psychologist).toHaveURL(/\/screenings\/alerts$/);
  await expect(psychologist.getByRole("heading", { level: 1 })).toHaveText("Оповещения о скринингах");
  const alert = psychologist
    .getByRole("listitem")
    .filter({ has: psychologist.getByRole("link", { name: "Открыть" }) })
    .filter({ hasText: "Острый риск: нужна оценка безопасности" })
    .first();
  await expect(alert).toBeVisible();
  await expectNoAxeViolations(psychologist);
  // The result page's pathway leads the psychologist to the assessment.
  await psychologist.goto(path);
  await expect(psychologist.getByText(/^Неотложные шаги безопасности завершены/)).toBeVisible();
  await psychologist.getByRole("link", { name: "Провести оценку безопасности" }).click();
  await expect(psychologist).toHaveURL(new RegExp(`${path}/assessment$`));
  await expect(psychologist.getByRole("heading", { level: 1 })).toHaveText("Оценка безопасности");
  await expectNoAxeViolations(psychologist);
  await psychologist.getByRole("button", { name: "Записать оценку" }).click();
  await expect(psychologist.getByText("Выберите ответ.").first()).toBeVisible();
  await psychologist
    .getByRole("group", { name: /хотелось умереть или заснуть/ })
    .getByLabel("Да", { exact: true })
    .check();
  await psychologist
    .getByRole("group", { name: /действительно были мысли о том, чтобы убить себя/ })
    .getByLabel("Нет", { exact: true })
    .check();
  await psychologist
    .getByRole("group", { name: /когда-нибудь делал или делала/ })
    .getByLabel("Нет", { exact: true })
    .check();
  await psychologist.getByLabel("План безопасности").fill("Встреча с мамой завтра в 9:00, психолог — ежедневно");
  await psychologist.getByRole("button", { name: "Записать оценку" }).click();
  await expect(psychologist.getByRole("status")).toHaveText("Оценка записана. Уровень риска: низкий.");
  await expect(psychologist.getByText(/^Оценка безопасности проведена/)).toBeVisible();
  await expectNoAxeViolations(psychologist);

  // The inspector of the district: status only, never the result or the answers.
  const inspector = await signedIn(page, "inspector");
  await inspector.goto(path);
  await expect(inspector.getByText("Есть запись о скрининге").first()).toBeVisible();
  await expect(inspector.getByText("Выявлен острый риск")).toHaveCount(0);
  await expect(inspector.getByText("хотелось умереть")).toHaveCount(0);
  // "Follow-up done" is what the inspector may know — without times; that a checklist existed would tell the result.
  await expect(inspector.getByText("Последующая оценка проведена")).toBeVisible();
  await expect(inspector.getByText(/Оценка безопасности проведена \d/)).toHaveCount(0);
  await expect(inspector.getByText(/Неотложные шаги/)).toHaveCount(0);
  await expectNoAxeViolations(inspector);
  for (const suffix of ["checklist", "assessment", "actions"]) {
    const response = await inspector.goto(`${path}/${suffix}`);
    expect(response?.status()).toBe(404);
  }
});

test("vulnerability findings: racket goes to the inspector (never dismissed without a reason) and a support-plan proposal starts with the grounds ticked", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await loginAs(page, "pedagogue");
  await page.goto(`/screenings/new?personId=${CHILD_ID}`);
  await page.getByLabel("Ребёнок согласен ответить на вопросы").check();
  await page.getByLabel("Будет проинформирован о скрининге").check();
  await page.getByRole("button", { name: "Начать скрининг" }).click();
  await expect(page).toHaveURL(/\/screenings\/[0-9a-f-]{36}\/step$/);
  const path = new URL(page.url()).pathname.replace(/\/step$/, "");
  for (const question of [/хотелось умереть/, /было бы лучше/, /мысли о том, чтобы убить себя\?$/, /пытался или пыталась/]) await answer(page, question, "Нет");
  await answer(page, /отбирает у тебя деньги/, "Да");
  for (const question of [/Дома тебя кто-нибудь бьёт/, /нечего есть/, /трогал тебя/]) await answer(page, question, "Нет");
  await answer(page, /работают или живут в другой стране/, "Да");
  await answer(page, /алкоголь/, "Нет");
  await expect(page.getByRole("group", { name: /беспокоит/ })).toBeVisible();
  await page.getByRole("button", { name: "Больше ничего" }).click();

  // ASQ negative, findings present: the pathway offers the suggested actions.
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.getByRole("heading", { name: "Результат: Риск не выявлен" })).toBeVisible();
  await page.getByRole("link", { name: /^Рекомендуемые действия \(\d+\)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Рекомендуемые действия");
  await expectNoAxeViolations(page);

  const inspectorReferral = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Направить инспектору по делам несовершеннолетних" }) });
  await inspectorReferral.getByRole("button", { name: "Отклонить" }).click();
  await expect(page.getByText("Рэкет и насилие нельзя отклонить без причины: не менее 10 символов.")).toBeVisible();
  await inspectorReferral.getByRole("button", { name: "Направить", exact: true }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expect(inspectorReferral.getByText(/^направлено: .+, \d{2}\.\d{2}\.\d{4}$/)).toBeVisible();

  // One click proposes a plan: the plan form opens with the grounds the screening found.
  await page.getByRole("button", { name: "Предложить план сопровождения" }).click();
  await expect(page).toHaveURL(/\/plans\/new\?personId=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Предложить план сопровождения");
  await expect(page.getByLabel("пострадал(а) от рэкета")).toBeChecked();
  await expect(page.getByLabel("родители на заработках за рубежом")).toBeChecked();
  await expect(page.getByLabel("риск суицида")).not.toBeChecked();
  await page.getByRole("button", { name: "Отправить предложение" }).click();
  await expect(page).toHaveURL(/\/plans\/[0-9a-f-]{36}$/);
  // The plan and its print show the grounds, and nothing of the screening behind them.
  await page.goto(`${new URL(page.url()).pathname}/print`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("План сопровождения");
  await expect(page.getByText("пострадал(а) от рэкета")).toBeVisible();
  const printed = (await page.locator("body").innerText()).toLowerCase();
  for (const word of ["скрининг", "отбирает у тебя деньги", "риск не выявлен", "рекомендуемые действия", "asq"]) expect(printed).not.toContain(word);

  // The inspector who received the referral: status and the referral, never the answers.
  const inspector = await signedIn(page, "inspector");
  await inspector.goto(path);
  await expect(inspector.getByText(/^Вам направлено по результатам скрининга: направление инспектору/)).toBeVisible();
  await expect(inspector.getByText("отбирает у тебя деньги")).toHaveCount(0);
  await expect(inspector.getByText("Риск не выявлен")).toHaveCount(0);
});

test.describe("before JavaScript loads", () => {
  test.use({ javaScriptEnabled: false });

  test("the checklist is a plain form: every step in one post completes it", async ({ page }) => {
    test.setTimeout(120_000);
    await loginAs(page, "pedagogue");
    const path = await acuteScreening(page);
    await page.goto(`${path}/checklist`);
    for (const label of ["Ребёнок не остаётся один", "Опасные предметы убраны", "Психолог вызван", "Законному представителю позвонили", "Вызваны"])
      await page.getByLabel(label).check();
    await page.getByRole("button", { name: "Сохранить отметки" }).click();
    await expect(page.getByTestId("checklist-complete")).toContainText("Все шаги выполнены");
  });

  test("findings to a plan proposal without JavaScript: the grounds are ticked in the page itself, and the URL names no finding", async ({ page }) => {
    test.setTimeout(180_000);
    await loginAs(page, "pedagogue");
    await page.goto(`/screenings/new?personId=${CHILD_ID}`);
    await page.getByLabel("Ребёнок согласен ответить на вопросы").check();
    await page.getByLabel("Будет проинформирован о скрининге").check();
    await page.getByRole("button", { name: "Начать скрининг" }).click();
    const path = new URL(page.url()).pathname.replace(/\/step$/, "");
    for (const question of [/хотелось умереть/, /было бы лучше/, /мысли о том, чтобы убить себя\?$/, /пытался или пыталась/, /отбирает у тебя деньги/])
      await answer(page, question, "Нет");
    await answer(page, /Дома тебя кто-нибудь бьёт/, "Да");
    for (const question of [/нечего есть/, /трогал тебя/, /работают или живут в другой стране/, /алкоголь/]) await answer(page, question, "Нет");
    await page.getByRole("button", { name: "Больше ничего" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await page.goto(`${path}/actions`);
    await page.getByRole("button", { name: "Предложить план сопровождения" }).click();
    await expect(page).toHaveURL(/\/plans\/new\?personId=[0-9a-f-]{36}&fromScreeningAction=[0-9a-f-]{36}$/);
    await expect(page.getByLabel("пострадал(а) от насилия")).toBeChecked();
    await expect(page.getByLabel("кризис в семье")).toBeChecked();
    await expect(page.getByLabel("пострадал(а) от рэкета")).not.toBeChecked();
    await expect(page.getByLabel("риск суицида")).not.toBeChecked();
  });
});
