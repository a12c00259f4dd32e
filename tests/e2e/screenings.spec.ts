import { expect, test, type Page } from "@playwright/test";
import { stableId } from "~seeds/factories";
import { expectNoAxeViolations, loginAs } from "./support";

// A child owned by the pedagogue's school, «Средняя школа № 41» (seeds/data/people.ts).
const CHILD_ID = stableId("person", "asanaliev-nurbek");
const CHILD_NAME = "Асаналиев Нурбек Бакытович";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function consent(page: Page) {
  await page.goto(`/screenings/new?personId=${CHILD_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новый скрининг");
  await expect(page.getByText(CHILD_NAME)).toBeVisible();
}

async function answer(page: Page, question: RegExp, choice: "Да" | "Нет" | "Не хочет отвечать") {
  await expect(page.getByRole("group", { name: question })).toBeVisible();
  await page.getByRole("button", { name: choice, exact: true }).click();
}

test(
  "the pedagogue screens a child on a phone: consent, one question per screen, acute positive result with its pathway",
  { tag: "@smoke" },
  async ({ page }) => {
    test.setTimeout(120_000);
    await loginAs(page, "pedagogue");
    await consent(page);
    await expectNoAxeViolations(page);

    // Without the child's assent nothing starts.
    await page.getByLabel("Будет проинформирован о скрининге").check();
    await page.getByRole("button", { name: "Начать скрининг" }).click();
    await expect(page.getByText("Без согласия ребёнка скрининг не проводится.", { exact: false })).toBeVisible();
    await page.getByLabel("Ребёнок согласен ответить на вопросы").check();
    await page.getByLabel("Будет проинформирован о скрининге").check();
    await page.getByRole("button", { name: "Начать скрининг" }).click();

    await expect(page).toHaveURL(/\/screenings\/[0-9a-f-]{36}\/step$/);
    const screeningPath = new URL(page.url()).pathname.replace(/\/step$/, "");
    await expect(page.getByText("Вопрос 1 из", { exact: false })).toBeVisible();
    await expect(page.getByText("Перевод ожидает клинической проверки.").first()).toBeVisible();
    // Large touch targets: each answer button is at least 44 px high.
    const box = await page.getByRole("button", { name: "Да", exact: true }).boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await expectNoAxeViolations(page);

    await answer(page, /хотелось умереть/, "Да");
    await answer(page, /было бы лучше/, "Нет");
    await answer(page, /мысли о том, чтобы убить себя\?$/, "Нет");
    await answer(page, /пытался или пыталась/, "Не хочет отвечать");
    await answer(page, /прямо сейчас/, "Да");

    // Acute positive: the session ends at once and the result states the pathway in plain words.
    await expect(page).toHaveURL(new RegExp(`${screeningPath}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(CHILD_NAME);
    await expect(page.getByRole("heading", { name: "Результат: Выявлен острый риск" })).toBeVisible();
    await expect(page.getByText("не оставляйте ребёнка одного", { exact: false })).toBeVisible();
    // The pathway: the open safety checklist comes first; the assessment is the psychologist's, so no link to it here.
    await expect(page.getByTestId("checklist-open")).toContainText("Неотложные шаги безопасности ещё не завершены");
    await expect(page.getByRole("link", { name: "Неотложные шаги безопасности" })).toBeVisible();
    await expect(page.getByText(/^Оценка безопасности: до \d{2}\.\d{2}\.\d{4}/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Провести оценку безопасности" })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // Nothing readable stays on the device: no answers in the URL, storage or cookies.
    expect(page.url()).not.toMatch(/answer|yes|asq/i);
    // Only Remix's scroll positions (page keys and pixel offsets) may be in the browser's storage.
    const stored = await page.evaluate(() => ({ local: { ...window.localStorage }, session: { ...window.sessionStorage } }));
    expect(stored.local).toEqual({});
    expect(Object.keys(stored.session).filter((key) => key !== "positions")).toEqual([]);
    expect(JSON.stringify(stored.session)).not.toMatch(/yes|declined|asq|Да|Нет/i);
    const cookies = await page.context().cookies();
    expect(JSON.stringify(cookies)).not.toMatch(/asq|answer/i);

    // Going back to a question of the finished session: its result, never a 500.
    await page.goto(`${screeningPath}/step`);
    await expect(page).toHaveURL(new RegExp(`${screeningPath}$`));
  },
);

test("a child younger than the ASQ's validated ages: the consent page says why, and offers no start", async ({ page }) => {
  await loginAs(page, "psychologist");
  await page.goto(`/screenings/new?personId=${stableId("person", "tokonova-aruuke")}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новый скрининг");
  await expect(page.getByTestId("age-block")).toHaveText(/^Вопросник ASQ проверен для возраста 10–24 лет, а ребёнку \d+\./);
  await expect(page.getByRole("button", { name: "Начать скрининг" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test.describe("before JavaScript loads", () => {
  test.use({ javaScriptEnabled: false });

  test("plain forms work; answering the same question twice is refused with a clear message", async ({ page }) => {
    test.setTimeout(120_000);
    await loginAs(page, "pedagogue");
    await consent(page);
    await page.getByLabel("Ребёнок согласен ответить на вопросы").check();
    await page.getByLabel("Будет проинформирован о скрининге").check();
    await page.getByRole("button", { name: "Начать скрининг" }).click();
    await expect(page).toHaveURL(/\/step$/);
    // A second tab shows the same first question; after it is answered here, the other tab's post is refused.
    const second = await page.context().newPage();
    await second.goto(page.url());
    await answer(page, /хотелось умереть/, "Нет");
    await expect(page.getByRole("group", { name: /было бы лучше/ })).toBeVisible();
    await answer(second, /хотелось умереть/, "Да");
    await expect(second.getByRole("alert")).toContainText("На этот вопрос уже ответили.");
    await second.close();
    // The back button re-fetches the step (no-store): it shows the current question, not a stale one.
    await page.goBack();
    await expect(page.getByRole("group", { name: /было бы лучше/ })).toBeVisible();
    await page.getByRole("button", { name: "Нет", exact: true }).click();
    await expect(page.getByRole("group", { name: /убить себя\?$/ })).toBeVisible();
    // Pause: the screening page says it is not finished and offers to continue.
    await page.getByRole("link", { name: "Пауза" }).click();
    await expect(page.getByText("Скрининг ещё не завершён", { exact: false })).toBeVisible();
    await expect(page.getByRole("link", { name: "Продолжить скрининг" })).toBeVisible();
  });
});
