import { describe, expect, test } from "vitest";
import { checklistSchema } from "~/modules/screenings/pathways.schema";
import { reviewSchema } from "~/modules/support-plans/support-plans.schema";
import { PG_INT_MAX, recordVersion } from "./record-version";

describe("record versions in forms", () => {
  test("a version beyond the database's integer range is a bad request, not a database error", () => {
    const version = recordVersion(1);
    expect(version.safeParse(String(PG_INT_MAX)).success).toBe(true);
    for (const value of [String(PG_INT_MAX + 1), "3000000000", "1e12", "0", "-1", "1.5", "abc"]) {
      expect(version.safeParse(value).error?.issues[0].message, value).toBe("error.badRequest");
    }
  });

  test("the screening checklist and the support-plan forms use it", () => {
    expect(checklistSchema.safeParse({ version: "3000000000" }).error?.issues.map((issue) => issue.path.join("."))).toContain("version");
    expect(reviewSchema.safeParse({ version: "3000000000" }).error?.issues.map((issue) => issue.path.join("."))).toContain("version");
  });
});
