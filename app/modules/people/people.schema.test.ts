import { describe, expect, test } from "vitest";
import { breakGlassRequestSchema } from "~/modules/break-glass/break-glass.schema";
import { personSearchSchema } from "./people.schema";

describe("person search criteria", () => {
  test("a PIN wins and is normalised to its digits", () => {
    expect(personSearchSchema.parse({ pin: "2051 2201-500123", surname: "", birthDate: "" })).toEqual({ kind: "pin", pin: "20512201500123" });
  });

  test("surname with a DD.MM.YYYY birth date becomes an ISO date", () => {
    expect(personSearchSchema.parse({ pin: "", surname: " Тестова ", birthDate: "20.12.2015" })).toEqual({
      kind: "name",
      surname: "Тестова",
      birthDate: "2015-12-20",
    });
  });

  test.each([
    [{ pin: "123" }, "pin", "people.error.pin"],
    [{ surname: "Тестова" }, "birthDate", "people.error.birthDate"],
    [{ birthDate: "20.12.2015" }, "surname", "people.error.surname"],
    [{ surname: "Тестова", birthDate: "31.02.2015" }, "birthDate", "people.error.birthDate"],
    [{ surname: "Тестова", birthDate: "01.01.2999" }, "birthDate", "people.error.birthDate"],
    [{ surname: "Тестова", birthDate: "2015-12-20" }, "birthDate", "people.error.birthDate"],
    [{}, "pin", "people.error.criteria"],
  ])("%j is refused on %s with a catalogue key", (input, field, key) => {
    const result = personSearchSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [field], message: key }));
  });

  test("unknown fields are refused (no mass assignment)", () => {
    expect(personSearchSchema.safeParse({ pin: "20512201500123", ownerAgencyId: "x" }).success).toBe(false);
  });
});

describe("break-glass request", () => {
  const valid = { pin: "20512201500123", reason: "Ребёнок доставлен ночью, нужен контакт опекуна.", password: "secret-password" };

  test("a valid request carries criteria, reason and password", () => {
    expect(breakGlassRequestSchema.parse(valid)).toEqual({
      criteria: { kind: "pin", pin: "20512201500123" },
      reason: valid.reason,
      password: valid.password,
    });
  });

  test("a short reason, a missing password and missing criteria are refused field by field", () => {
    const result = breakGlassRequestSchema.safeParse({ reason: "срочно", password: "" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [String(issue.path[0]), issue.message]));
    expect(messages).toMatchObject({ reason: "breakGlass.error.reason", password: "breakGlass.error.password", pin: "people.error.criteria" });
  });
});
