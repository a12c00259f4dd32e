import { describe, expect, test } from "vitest";
import { comparePupils, matchesPupilFilter, pupilFullName, pupilPage, pupilsHref, pupilsQuerySchema, type PupilName } from "./pupils";

const pupil = (id: string, surname: string, givenName: string, patronymic: string | null = null): PupilName => ({ id, surname, givenName, patronymic });

const PUPILS: PupilName[] = [
  pupil("p-5", "Өмүрбеков", "Эрлан", "Нурланович"),
  pupil("p-1", "Асаналиев", "Нурбек", "Бакытович"),
  pupil("p-3", "Асаналиева", "Айпери"),
  pupil("p-2", "Асаналиев", "Азамат", "Бакытович"),
  pupil("p-4", "Ёлкин", "Пётр", "Сергеевич"),
  pupil("p-6", "Бекова", "Алия", "Маратовна"),
];

describe("pupil name filter", () => {
  test("an empty or blank query matches everyone", () => {
    expect(PUPILS.every((p) => matchesPupilFilter(p, ""))).toBe(true);
    expect(PUPILS.every((p) => matchesPupilFilter(p, "   "))).toBe(true);
  });

  test("part of the surname, any case", () => {
    expect(
      PUPILS.filter((p) => matchesPupilFilter(p, "асан"))
        .map((p) => p.id)
        .sort(),
    ).toEqual(["p-1", "p-2", "p-3"]);
    expect(PUPILS.filter((p) => matchesPupilFilter(p, "АСАНАЛИЕВА")).map((p) => p.id)).toEqual(["p-3"]);
  });

  test("every word must occur (surname and given name, in any order)", () => {
    expect(PUPILS.filter((p) => matchesPupilFilter(p, "нурбек асаналиев")).map((p) => p.id)).toEqual(["p-1"]);
    expect(PUPILS.filter((p) => matchesPupilFilter(p, "Асаналиев Алия")).map((p) => p.id)).toEqual([]);
  });

  test("ё/е, Kyrgyz letters typed on a Russian layout and the patronymic are matched", () => {
    expect(matchesPupilFilter(PUPILS[4], "елкин петр")).toBe(true);
    expect(matchesPupilFilter(PUPILS[0], "омурбеков")).toBe(true);
    expect(matchesPupilFilter(PUPILS[5], "маратовна")).toBe(true);
  });
});

describe("pupil order", () => {
  test("surname, then given name, then patronymic (Russian collation, ё after е), ties by id", () => {
    const sorted = [...PUPILS].sort(comparePupils).map((p) => p.id);
    expect(sorted).toEqual(["p-2", "p-1", "p-3", "p-6", "p-4", "p-5"]);
    expect(comparePupils(pupil("b", "Иванов", "Иван"), pupil("a", "Иванов", "Иван"))).toBeGreaterThan(0);
  });

  test("full name joins the parts present", () => {
    expect(pupilFullName(PUPILS[1])).toBe("Асаналиев Нурбек Бакытович");
    expect(pupilFullName(PUPILS[2])).toBe("Асаналиева Айпери");
  });
});

describe("pupil page window", () => {
  const many = Array.from({ length: 123 }, (_, i) => pupil(`id-${String(i).padStart(3, "0")}`, `Фамилия${String(i).padStart(3, "0")}`, "Имя"));

  test("50 a page, positions from–to of total", () => {
    expect(pupilPage(many, "", 1)).toMatchObject({ page: 1, pageCount: 3, total: 123, from: 1, to: 50 });
    const third = pupilPage(many, "", 3);
    expect(third).toMatchObject({ page: 3, pageCount: 3, total: 123, from: 101, to: 123 });
    expect(third.rows.map((p) => p.id)[0]).toBe("id-100");
  });

  test("a page past the end shows the last page; the input is not modified", () => {
    const before = many.map((p) => p.id);
    expect(pupilPage(many, "", 99)).toMatchObject({ page: 3, from: 101, to: 123 });
    expect(many.map((p) => p.id)).toEqual(before);
  });

  test("filtered and empty", () => {
    expect(pupilPage(PUPILS, "асан", 1)).toMatchObject({ total: 3, from: 1, to: 3, pageCount: 1 });
    expect(pupilPage(PUPILS, "нет такого", 1)).toMatchObject({ rows: [], total: 0, from: 0, to: 0, page: 1, pageCount: 1 });
    expect(pupilPage([], "", 1)).toMatchObject({ rows: [], total: 0, from: 0, to: 0 });
  });
});

describe("pupil list query schema", () => {
  test("defaults and coercion", () => {
    expect(pupilsQuerySchema.parse({})).toEqual({ q: "", page: 1 });
    expect(pupilsQuerySchema.parse({ q: "Асан", page: "2" })).toEqual({ q: "Асан", page: 2 });
  });

  test("refuses unknown parameters, long or control-character queries and bad pages", () => {
    expect(pupilsQuerySchema.safeParse({ q: "x", personId: "1" }).success).toBe(false);
    const long = pupilsQuerySchema.safeParse({ q: "а".repeat(101) });
    expect(long.success || long.error.issues[0].message).toBe("pupils.error.query");
    expect(pupilsQuerySchema.safeParse({ q: "a\u0000b" }).success).toBe(false);
    for (const page of ["0", "-1", "1.5", "abc", "10001"]) {
      const parsed = pupilsQuerySchema.safeParse({ page });
      expect(parsed.success || parsed.error.issues[0].message, page).toBe("pupils.error.page");
    }
  });

  test("pager links keep the filter", () => {
    expect(pupilsHref("", 1)).toBe("/screenings/pupils");
    expect(pupilsHref(" Асан ", 2)).toBe(`/screenings/pupils?q=${encodeURIComponent("Асан")}&page=2`);
  });
});
