import { expect, test, type Page } from "@playwright/test";
import { stableId } from "~seeds/factories";
import { expectNoAxeViolations, loginAs } from "./support";

// A pupil of «Средняя школа № 41», the pedagogue's school (seeds/data/people.ts).
const PUPIL_ID = stableId("person", "kenzhebaev-aibek");
const PUPIL_NAME = "Кенжебаев Айбек Маратович";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test(
  "the pedagogue opens the school's pupils on a phone, filters by name and starts a screening from the list",
  { tag: "@smoke" },
  async ({ page, browser }) => {
    test.setTimeout(120_000);
    await loginAs(page, "pedagogue");
    await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Ученики школы", exact: true }).click();
    await expect(page).toHaveURL(/\/screenings\/pupils$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ученики школы");
    await expect(page.getByRole("heading", { level: 2 })).toHaveText(/^Показаны 1–\d+ из \d+$/);
    const cards = page.getByTestId("pupils").getByRole("listitem");
    expect(await cards.count()).toBeGreaterThanOrEqual(12);
    // Sorted by surname: the first card is an «А…» surname, the last the Kyrgyz «Ү…».
    await expect(cards.first().getByRole("heading", { level: 3 })).toHaveText(/^А/);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    // The filter is a plain GET form with a labelled field.
    await page.getByLabel("Фамилия или имя").fill("кенжебаев");
    await page.getByRole("button", { name: "Найти" }).click();
    await expect(page).toHaveURL(/\/screenings\/pupils\?q=/);
    await expect(page.getByRole("heading", { level: 2 })).toHaveText("Показаны 1–1 из 1");
    await expect(cards).toHaveCount(1);
    const card = cards.first();
    await expect(card.getByRole("heading", { level: 3 })).toHaveText(PUPIL_NAME);
    await expect(card.getByText("Дата рождения: 11.04.2014")).toBeVisible();
    await expect(card.getByText("Доступных вам скринингов нет")).toBeVisible();
    // Touch target of the start link.
    const start = card.getByRole("link", { name: `Провести скрининг: ${PUPIL_NAME}` });
    expect((await start.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page);

    // Nothing matches: a calm message, and the way to add the child.
    await page.getByLabel("Фамилия или имя").fill("Нет Такого Ребёнка");
    await page.getByRole("button", { name: "Найти" }).click();
    await expect(page.getByRole("status")).toHaveText("По запросу «Нет Такого Ребёнка» никого не найдено.");
    await expect(page.getByRole("link", { name: "Добавить ребёнка" })).toHaveAttribute("href", "/people/new");
    await page.goBack();
    await expect(cards).toHaveCount(1);

    await start.click();
    await expect(page).toHaveURL(new RegExp(`/screenings/new\\?personId=${PUPIL_ID}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Новый скрининг");
    await expect(page.getByText(PUPIL_NAME)).toBeVisible();
    await expectNoAxeViolations(page);

    // The filter works before (or without) JavaScript: same session, scripts disabled.
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    try {
      const plain = await noScript.newPage();
      await plain.goto(new URL("/screenings/pupils", page.url()).toString());
      await plain.getByLabel("Фамилия или имя").fill("Үсөнбаева");
      await plain.getByRole("button", { name: "Найти" }).click();
      await expect(plain.getByRole("heading", { level: 2 })).toHaveText("Показаны 1–1 из 1");
      await expect(plain.getByRole("heading", { level: 3 })).toHaveText("Үсөнбаева Нургуль Эркиновна");
    } finally {
      await noScript.close();
    }
  },
);

test("staff without the pupil list do not see it in the menu and get a 404", async ({ page }) => {
  await loginAs(page, "inspector");
  await expect(page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Ученики школы" })).toHaveCount(0);
  const response = await page.goto("/screenings/pupils");
  expect(response?.status()).toBe(404);
});
