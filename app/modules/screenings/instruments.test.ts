import { describe, expect, test } from "vitest";
import { ASQ_V1 } from "~seeds/data/instruments";
import { ageOn, outsideAgeRange, parseDefinition } from "./instruments";

describe("instrument age range", () => {
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

  test("full years, counting the birthday itself", () => {
    expect(ageOn("2016-11-25", day("2026-11-24"))).toBe(9);
    expect(ageOn("2016-11-25", day("2026-11-25"))).toBe(10);
    expect(ageOn("2012-02-29", day("2026-02-28"))).toBe(13);
    expect(ageOn("2012-02-29", day("2026-03-01"))).toBe(14);
    for (const unknown of [null, undefined, "", "2012", "15.03.2012"]) expect(ageOn(unknown, day("2026-11-25"))).toBeNull();
  });

  test("the ASQ is used from 10 to 24 years; an unknown age does not block", () => {
    const asq = parseDefinition(ASQ_V1);
    expect(asq.ageRange).toEqual({ min: 10, max: 24 });
    expect(outsideAgeRange(asq, 9)).toEqual({ age: 9, min: 10, max: 24 });
    expect(outsideAgeRange(asq, 10)).toBeNull();
    expect(outsideAgeRange(asq, 24)).toBeNull();
    expect(outsideAgeRange(asq, 25)).toEqual({ age: 25, min: 10, max: 24 });
    expect(outsideAgeRange(asq, null)).toBeNull();
    expect(outsideAgeRange({}, 5)).toBeNull();
  });
});
