import { describe, expect, test } from "vitest";
import { fromAcceptLanguage, LOCALE_COOKIE, resolveLocale } from "./locale.server";

function request(headers: Record<string, string>): Request {
  return new Request("http://kamkor.test/", { headers });
}

describe("fromAcceptLanguage", () => {
  test.each([
    ["ru", "ru"],
    ["ky", "ky"],
    ["en", "en"],
    ["en-US", "en"],
    ["EN-gb", "en"],
    ["ky-KG,ru;q=0.8", "ky"],
    ["ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru"],
    ["en;q=0.5,ky;q=0.9", "ky"],
    ["fr-FR,fr;q=0.9,en;q=0.8,ru;q=0.7", "en"],
    ["de, ru;q=0.1", "ru"],
    [" ru;q=0.4 , en;q=0.6 ", "en"],
    ["en;q=0.8,ru;q=0.8", "en"],
    ["ru;q=0,en;q=0.1", "en"],
    ["*;q=0.5, ky;q=0.4", "ky"],
  ] as const)("%j → %s", (header, expected) => {
    expect(fromAcceptLanguage(header)).toBe(expected);
  });

  test.each([null, "", "fr", "de-DE,fr;q=0.9", "*", "ru;q=0", "en;q=0.0", "kyrgyz", "russian"])("%j → undefined", (header) => {
    expect(fromAcceptLanguage(header)).toBeUndefined();
  });

  // RFC 9110 §12.4.2: weight = OWS ";" OWS "q=" qvalue — whitespace before ";" is legal.
  // RFC 9110 allows optional whitespace before ';'.
  test("optional whitespace before ';' is allowed (RFC 9110)", () => {
    expect(fromAcceptLanguage("ru ; q=0.4, en ; q=0.6")).toBe("en");
  });

  test("a malformed q-value counts as 0 (not as top priority)", () => {
    expect(fromAcceptLanguage("en;q=abc,ru;q=0.2")).toBe("ru");
  });
});

describe("resolveLocale", () => {
  test("the cookie name is kamkor_lang", () => {
    expect(LOCALE_COOKIE).toBe("kamkor_lang");
  });

  test("defaults to ru with no cookie and no Accept-Language", () => {
    expect(resolveLocale(request({}))).toBe("ru");
  });

  test("defaults to ru when Accept-Language names no supported language", () => {
    expect(resolveLocale(request({ "accept-language": "fr-FR,de;q=0.5" }))).toBe("ru");
  });

  test("uses Accept-Language without a cookie", () => {
    expect(resolveLocale(request({ "accept-language": "ky-KG,ru;q=0.8" }))).toBe("ky");
    expect(resolveLocale(request({ "accept-language": "en-US" }))).toBe("en");
  });

  test("the kamkor_lang cookie takes precedence over Accept-Language", () => {
    expect(resolveLocale(request({ cookie: "kamkor_lang=en", "accept-language": "ky-KG,ru;q=0.8" }))).toBe("en");
    expect(resolveLocale(request({ cookie: "other=1; kamkor_lang=ky", "accept-language": "en" }))).toBe("ky");
  });

  test("an invalid cookie is ignored and Accept-Language decides", () => {
    expect(resolveLocale(request({ cookie: "kamkor_lang=fr", "accept-language": "en" }))).toBe("en");
    expect(resolveLocale(request({ cookie: "kamkor_lang=EN", "accept-language": "ky" }))).toBe("ky");
    expect(resolveLocale(request({ cookie: "kamkor_lang=%E0%A4%A", "accept-language": "en" }))).toBe("en");
  });

  test("an invalid cookie and no Accept-Language falls back to ru", () => {
    expect(resolveLocale(request({ cookie: "kamkor_lang=xx" }))).toBe("ru");
  });

  test("a cookie with a similar name is not mistaken for kamkor_lang", () => {
    expect(resolveLocale(request({ cookie: "x_kamkor_lang=en; kamkor_lang_old=en", "accept-language": "ky" }))).toBe("ky");
  });
});
