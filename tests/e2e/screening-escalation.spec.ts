import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, loginAs } from "./support";

// Overdue escalations need a clock 24 hours on; the sweep itself is covered by
// tests/integration/screening-escalation.test.ts. Here: the regional supervisor's account and view.

test("the Chuy regional supervisor signs in and gets the overdue view of the region's districts", async ({ page }) => {
  await loginAs(page, "supervisor-chui");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Здравствуйте, Айжан Мукашева");
  await expect(page.getByText("Чуйская область").first()).toBeVisible();
  await page.goto("/screenings/alerts");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Оповещения о скринингах");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Просроченные оценки безопасности по районам");
  await expect(page.getByText("Просроченных оценок нет.")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a district supervisor keeps the district's overdue view", async ({ page }) => {
  await loginAs(page, "supervisor-sokuluk");
  await page.goto("/screenings/alerts");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText("Просроченные оценки безопасности в районе");
});
