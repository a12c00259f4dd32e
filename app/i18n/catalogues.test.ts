import { describe, expect, test } from "vitest";
import { en } from "./catalogues/en";
import { ky } from "./catalogues/ky";
import { ru } from "./catalogues/ru";
import { catalogues, formatDate, LOCALES, translator } from "./i18n";

const all = { ru, ky, en } as Record<string, Record<string, string>>;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe("catalogues", () => {
  test("the translator uses exactly these three catalogues", () => {
    expect([...LOCALES].sort()).toEqual(["en", "ky", "ru"]);
    expect(catalogues.ru).toBe(ru);
    expect(catalogues.ky).toBe(ky);
    expect(catalogues.en).toBe(en);
  });

  test("ru has a substantial set of keys (guards against an accidentally emptied catalogue)", () => {
    expect(Object.keys(ru).length).toBeGreaterThan(50);
    expect(ru).toHaveProperty("error.badRequest");
  });

  test.each(["ky", "en"])("%s has exactly the keys of ru (missing and extra keys listed by name)", (locale) => {
    const source = new Set(Object.keys(ru));
    const target = new Set(Object.keys(all[locale]));
    const missing = [...source].filter((key) => !target.has(key));
    const extra = [...target].filter((key) => !source.has(key));
    expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
  });

  test.each(Object.keys(all))("%s has no empty or whitespace-only strings", (locale) => {
    const empty = Object.entries(all[locale])
      .filter(([, value]) => typeof value !== "string" || value.trim() === "")
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test("every key has the same {placeholders} in ru, ky and en", () => {
    const mismatches: string[] = [];
    for (const key of Object.keys(ru)) {
      const expected = placeholders(all.ru[key]);
      for (const locale of ["ky", "en"]) {
        const actual = placeholders(all[locale][key] ?? "");
        if (actual.join(",") !== expected.join(",")) {
          mismatches.push(`${locale}:${key} has {${actual.join(",")}}, ru has {${expected.join(",")}}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  test("the placeholder check actually sees placeholders (home.welcome uses {name})", () => {
    expect(placeholders(ru["home.welcome"])).toEqual(["name"]);
  });

  // Stigmatising wording: people are supported, not "put on the register".
  const forbidden: Record<string, RegExp[]> = {
    ru: [/учёт/i, /учет/i, /на учёте/i, /постановка на/i],
    ky: [/учёт/i, /учет/i, /на учёте/i, /постановка на/i, /каттоо/i, /катталган/i],
    en: [/registered/i, /registration/i],
  };

  test.each(Object.keys(forbidden))("%s contains no stigmatising terms", (locale) => {
    const hits: string[] = [];
    for (const [key, value] of Object.entries(all[locale])) {
      for (const pattern of forbidden[locale]) {
        if (pattern.test(value)) hits.push(`${key}: ${pattern} in "${value}"`);
      }
    }
    expect(hits).toEqual([]);
  });

  test("the stigmatising-term patterns match the words they are meant to catch", () => {
    expect(forbidden.ru.some((p) => p.test("Состоит на учёте"))).toBe(true);
    expect(forbidden.ru.some((p) => p.test("постановка на контроль"))).toBe(true);
    expect(forbidden.ky.some((p) => p.test("Каттоого алуу"))).toBe(true);
    expect(forbidden.en.some((p) => p.test("Registered children"))).toBe(true);
  });
});

describe("translator", () => {
  test("interpolates {name} parameters", () => {
    expect(translator("ru")("home.welcome", { name: "Айгуль" })).toBe("Здравствуйте, Айгуль");
    expect(translator("ky")("home.welcome", { name: "Айгуль" })).toBe("Саламатсызбы, Айгуль");
    expect(translator("en")("home.welcome", { name: "Aigul" })).toBe("Hello, Aigul");
  });

  test("numbers are interpolated as text", () => {
    expect(translator("en")("home.welcome", { name: 42 })).toBe("Hello, 42");
  });

  test("an unknown parameter leaves the placeholder in place; no params returns the template", () => {
    expect(translator("en")("home.welcome", { other: "x" })).toBe("Hello, {name}");
    expect(translator("en")("home.welcome")).toBe("Hello, {name}");
  });

  test("each locale reads its own catalogue", () => {
    expect(translator("ru")("nav.home")).toBe(ru["nav.home"]);
    expect(translator("ky")("nav.home")).toBe(ky["nav.home"]);
    expect(translator("en")("nav.home")).toBe("Home");
  });

  test("a parameter value containing braces is not re-interpolated", () => {
    expect(translator("en")("home.welcome", { name: "{name}" })).toBe("Hello, {name}");
  });
});

describe("formatDate", () => {
  test("shows DD.MM.YYYY in Asia/Bishkek time (UTC+6)", () => {
    expect(formatDate("2026-03-01T20:00:00Z")).toBe("02.03.2026");
    expect(formatDate(new Date("2026-03-01T20:00:00Z"))).toBe("02.03.2026");
  });

  test("just before Bishkek midnight stays on the same day", () => {
    expect(formatDate("2026-03-01T17:59:59Z")).toBe("01.03.2026");
    expect(formatDate("2026-03-01T18:00:00Z")).toBe("02.03.2026");
  });

  test("year end rolls over in Bishkek time", () => {
    expect(formatDate("2025-12-31T18:30:00Z")).toBe("01.01.2026");
  });
});
