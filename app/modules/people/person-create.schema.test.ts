import { describe, expect, test } from "vitest";
import { fullNameKey, sameFullName } from "./duplicates";
import { personCreateSchema, personPageActionSchema } from "./people.schema";

const valid = { surname: "Тестова", givenName: "Айжан", patronymic: "", birthDate: "20.12.2015", sex: "female", pin: "", address: "", phone: "", notes: "" };

describe("new person form", () => {
  test("a valid form: trimmed text, empty optional fields become null, ISO birth date, first submit is a check", () => {
    expect(personCreateSchema.parse({ ...valid, surname: "  Тестова ", pin: "2051 2201-500123" })).toEqual({
      surname: "Тестова",
      givenName: "Айжан",
      patronymic: null,
      birthDate: "2015-12-20",
      sex: "female",
      pin: "20512201500123",
      address: null,
      phone: null,
      notes: null,
      choice: "check",
      candidateId: null,
    });
  });

  test("HTML stays text (React escapes it when shown)", () => {
    expect(personCreateSchema.parse({ ...valid, notes: "<script>alert(1)</script>" }).notes).toBe("<script>alert(1)</script>");
  });

  test.each([
    [{ surname: "" }, "surname", "people.error.surname"],
    [{ givenName: " " }, "givenName", "people.error.givenName"],
    [{ birthDate: "01.01.2999" }, "birthDate", "people.error.birthDate"],
    [{ birthDate: "31.02.2015" }, "birthDate", "people.error.birthDate"],
    [{ sex: "x" }, "sex", "people.error.sex"],
    [{ pin: "123" }, "pin", "people.error.pin"],
    [{ surname: "а".repeat(101) }, "surname", "people.error.tooLong"],
    [{ notes: "a".repeat(2001) }, "notes", "people.error.tooLong"],
    [{ phone: "call me" }, "phone", "people.error.phone"],
    [{ candidateId: "not-an-id" }, "candidateId", "error.badRequest"],
  ])("%j is refused on %s with a catalogue key", (change, field, key) => {
    const result = personCreateSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [field], message: key }));
  });

  test("unknown fields are refused (no mass assignment of owner or district)", () => {
    expect(personCreateSchema.safeParse({ ...valid, ownerAgencyId: "x" }).success).toBe(false);
    expect(personCreateSchema.safeParse({ ...valid, territoryId: "x" }).success).toBe(false);
  });

  test("person page actions: guardian by PIN with a relation from the list; merge ids are uuids", () => {
    expect(personPageActionSchema.safeParse({ intent: "addGuardian", guardianPin: "20512201500123", relation: "mother" }).success).toBe(true);
    expect(personPageActionSchema.safeParse({ intent: "addGuardian", guardianPin: "20512201500123", relation: "boss" }).success).toBe(false);
    expect(personPageActionSchema.safeParse({ intent: "merge", duplicateId: "x" }).success).toBe(false);
    expect(personPageActionSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });
});

describe("duplicate matching by name", () => {
  test("case, spacing, ё/е, Kyrgyz letters and mixed Latin/Cyrillic spellings are the same name", () => {
    expect(sameFullName({ surname: "Асаналиев", givenName: "Нурбек" }, { surname: "  АСАНАЛИЕВ ", givenName: "нурбек" })).toBe(true);
    expect(sameFullName({ surname: "Сёмина", givenName: "Алёна" }, { surname: "Семина", givenName: "Алена" })).toBe(true);
    expect(sameFullName({ surname: "Өмүрбеков", givenName: "Үмөт" }, { surname: "Омурбеков", givenName: "Умот" })).toBe(true);
    // Latin "A", "o" typed into a Cyrillic name.
    expect(sameFullName({ surname: "Асанов", givenName: "Тимур" }, { surname: "Aсaнoв", givenName: "Тимур" })).toBe(true);
  });

  test("a missing patronymic on either side still matches; different patronymics do not", () => {
    expect(sameFullName({ surname: "Асанов", givenName: "Тимур", patronymic: null }, { surname: "Асанов", givenName: "Тимур", patronymic: "Бакытович" })).toBe(
      true,
    );
    expect(
      sameFullName({ surname: "Асанов", givenName: "Тимур", patronymic: "Эркинович" }, { surname: "Асанов", givenName: "Тимур", patronymic: "Бакытович" }),
    ).toBe(false);
    expect(sameFullName({ surname: "Асанов", givenName: "Тимур" }, { surname: "Асанова", givenName: "Тимур" })).toBe(false);
    expect(sameFullName({ surname: "", givenName: "" }, { surname: "", givenName: "" })).toBe(false);
  });

  test("the key joins the normalised parts", () => {
    expect(fullNameKey({ surname: " Асанов ", givenName: "Тимур", patronymic: "Бакытович" })).toBe(
      fullNameKey({ surname: "асанов", givenName: "тимур", patronymic: "бакытович" }),
    );
  });
});
