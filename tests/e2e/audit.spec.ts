import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { ru } from "~/i18n/catalogues/ru";
import { expectNoAxeViolations, loginAs } from "./support";

/**
 * The auditor's pages, in Russian: search by action, keyset paging, "who has seen this
 * person", CSV export, validation messages, a phone-sized screen; and a 404 for everyone else.
 * One sign-in per user: TOTP codes are single-use within their 30 seconds.
 */
test("the auditor searches the log by action, pages through it, opens a person's report and exports CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "auditor");
  await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Журнал аудита" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Журнал аудита");
  await expectNoAxeViolations(page);

  // Each look at the log is itself an "audit.search" event: make more than one page of them.
  for (let n = 0; n < 55; n++) expect((await page.request.get("/audit")).status()).toBe(200);

  await page.getByLabel("Действие").selectOption({ label: ru["audit.action.audit.search"] });
  await page.getByRole("button", { name: "Найти" }).click();
  await expect(page).toHaveURL(/\/audit\?.*action=audit\.search/);
  const rows = page.getByRole("table", { name: "Записи журнала, сначала новые" }).locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText("auditor");
  await expect(rows.first()).toContainText("audit.search");
  await expectNoAxeViolations(page);

  const pager = page.getByRole("navigation", { name: "Страницы результатов" });
  await expect(pager.getByRole("link", { name: "Предыдущая страница" })).toHaveCount(0);
  const firstOnPageOne = await rows.first().innerText();
  await pager.getByRole("link", { name: "Следующая страница" }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(rows.first()).not.toHaveText(firstOnPageOne);
  expect(await rows.count()).toBeGreaterThanOrEqual(6);
  for (const text of await rows.allInnerTexts()) expect(text).toContain("audit.search");
  await pager.getByRole("link", { name: "Предыдущая страница" }).click();
  await expect(page).toHaveURL(/after=\d+/);
  await expect(rows).toHaveCount(50);
  expect(await rows.first().innerText()).toBe(firstOnPageOne);

  // Export of the current filter: a CSV download with the header row.
  const exportLink = page.getByRole("link", { name: "Выгрузить в CSV" });
  const href = await exportLink.getAttribute("href");
  expect(href).toMatch(/^\/audit\/export\?action=audit\.search$/);
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^kamkor-audit-\d{12}\.csv$/);
  const response = await page.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const csv = (await response.text()).replace(/^\uFEFF/, "");
  const [header, firstRow] = csv.split("\r\n");
  expect(header).toBe(
    [
      "№",
      "Идентификатор события",
      "Время (UTC)",
      "Пользователь",
      "Имя",
      "Роли",
      "Действие",
      "Тип записи",
      "Идентификатор записи",
      "Поля",
      "Основание",
      "Результат",
      "Запрос",
      "IP-адрес",
    ].join(","),
  );
  expect(firstRow).toContain(",auditor,");

  // Who has seen this person: the look-up form leads to the report, which lists the auditor's own look-up.
  const personId = crypto.randomUUID();
  await page.goto("/audit");
  await page.getByLabel("Идентификатор человека").fill(personId);
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(new RegExp(`/audit/person/${personId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Кто открывал данные человека");
  const byUser = page.getByRole("table", { name: "Пользователи, обращавшиеся к данным человека, сначала последние" });
  await expect(byUser.locator("tbody tr")).toHaveCount(1);
  await expect(byUser.locator("tbody tr")).toContainText("auditor");
  await expect(byUser.locator("tbody tr")).toContainText("Отчёт «Кто открывал данные человека» × 1");
  await expectNoAxeViolations(page);

  // A bad filter gets a translated message next to the field (and no 500).
  const bad = await page.goto("/audit?from=31.02.2026&decision=maybe");
  expect(bad?.status()).toBe(400);
  await expect(page.getByText("Введите дату в формате ДД.ММ.ГГГГ.")).toBeVisible();
  await expect(page.getByText("Выберите результат из списка.")).toBeVisible();
  await expect(page.getByLabel("С даты")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  // On a phone the results table scrolls inside its own region, not the page, also by keyboard.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/audit");
  const region = page.getByRole("region", { name: "Записи журнала, сначала новые" });
  await expect(region).toBeVisible();
  const sizes = await region.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  await expectNoAxeViolations(page);
});

test("anyone but an auditor gets the not-found page at /audit", async ({ page }) => {
  test.setTimeout(90_000);
  await loginAs(page, "inspector");
  for (const path of ["/audit", `/audit/person/${crypto.randomUUID()}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  expect((await page.request.get("/audit/export")).status()).toBe(404);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  await expect(page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Журнал аудита" })).toHaveCount(0);
});
