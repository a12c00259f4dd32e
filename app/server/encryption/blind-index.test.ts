import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { blindIndexInput, blindIndexKey, computeBlindIndex } from "./blind-index.server";
import { normaliseBirthDate, normalisePin, normaliseText } from "./normalise";
import { modelSpec } from "./registry";
import { deriveKey } from "./root-key.server";

const root = crypto.randomBytes(32);
const person = modelSpec("Person")!;
const pinIndex = (pin: string | null) => computeBlindIndex(person, "pinIndex", { pin }, root);
const nameIndex = (surname: string | null, birthDate: string | null) => computeBlindIndex(person, "surnameBirthIndex", { surname, birthDate }, root);

describe("normalisation", () => {
  test("NFC and NFD spellings of Ё agree, and ё folds to е", () => {
    const nfc = "Ёлкина".normalize("NFC");
    const nfd = "Ёлкина".normalize("NFD");
    expect(nfc).not.toBe(nfd);
    expect(normaliseText(nfc)).toBe(normaliseText(nfd));
    expect(normaliseText("Ёлкина")).toBe(normaliseText("Елкина"));
  });

  test("Latin lookalikes typed inside a Cyrillic name fold to the same text", () => {
    // "Асанов" with Latin A, a, o: what a mixed keyboard layout produces.
    const mixed = "A\u0441a\u043do\u0432";
    expect(mixed).not.toBe("Асанов");
    expect(normaliseText(mixed)).toBe(normaliseText("Асанов"));
    // "Asanov" in Latin with Cyrillic А, а and о typed in.
    expect(normaliseText("\u0410s\u0430n\u043ev")).toBe(normaliseText("Asanov"));
    expect(normaliseText("КОСТЕНКО")).toBe(normaliseText("KOCTEHKO"));
  });

  test("case, surrounding and repeated whitespace, invisible characters and dash variants do not matter", () => {
    const expected = normaliseText("Абдыкадыр-уулу Нурлан");
    for (const variant of ["  абдыкадыр-уулу   нурлан ", "АБДЫКАДЫР-УУЛУ\tНУРЛАН", "Абды\u200bкадыр\u2011уулу\u00a0Нурлан", "Абдыкадыр\u2013уулу Нурлан"]) {
      expect(normaliseText(variant)).toBe(expected);
    }
  });

  test("Kyrgyz letters match their Russian-keyboard stand-ins", () => {
    expect(normaliseText("Өмүрбекова")).toBe(normaliseText("Омурбекова"));
    expect(normaliseText("Аңгыча")).toBe(normaliseText("Ангыча"));
  });

  test("full-width and compatibility forms fold (NFKC)", () => {
    expect(normaliseText("ＡＳＡＮＯＶ")).toBe(normaliseText("asanov"));
    expect(normalisePin("２１５０３２０１２９９９０１")).toBe("21503201299901");
  });

  test("PINs keep digits only; birth dates become ISO", () => {
    expect(normalisePin(" 2150-3201 2999 01 ")).toBe("21503201299901");
    expect(normaliseBirthDate("15.03.2012")).toBe("2012-03-15");
    expect(normaliseBirthDate(" 2012-3-5 ")).toBe("2012-03-05");
    expect(normaliseBirthDate("5/3/2012")).toBe("2012-03-05");
  });

  test("different names stay different", () => {
    expect(normaliseText("Асанов")).not.toBe(normaliseText("Асанова"));
    expect(normaliseText("Иванов")).not.toBe(normaliseText("Ivanov")); // transliteration is not a lookalike
    expect(normaliseText("Ким")).not.toBe(normaliseText("Кем"));
  });
});

describe("blind indexes", () => {
  test("128 bits as 32 hex characters, deterministic for one root key", () => {
    const value = pinIndex("21503201299901");
    expect(value).toMatch(/^[0-9a-f]{32}$/);
    expect(pinIndex("21503201299901")).toBe(value);
    expect(computeBlindIndex(person, "pinIndex", { pin: "21503201299901" }, crypto.randomBytes(32))).not.toBe(value);
  });

  test("Unicode-equivalent, lookalike, case and space variants give the same index", () => {
    const expected = nameIndex("Асанов", "2012-03-15");
    expect(nameIndex("A\u0441a\u043do\u0432", "2012-03-15")).toBe(expected);
    expect(nameIndex("  АСАНОВ ", "15.03.2012")).toBe(expected);
    expect(nameIndex("Ёлкина".normalize("NFD"), "2012-12-01")).toBe(nameIndex("Ёлкина".normalize("NFC"), "2012-12-01"));
    expect(pinIndex("2150 3201 2999 01")).toBe(pinIndex("21503201299901"));
  });

  test("different names, dates or PINs give different indexes", () => {
    const base = nameIndex("Асанов", "2012-03-15");
    expect(nameIndex("Асанова", "2012-03-15")).not.toBe(base);
    expect(nameIndex("Асанов", "2012-03-16")).not.toBe(base);
    expect(pinIndex("21503201299902")).not.toBe(pinIndex("21503201299901"));
  });

  test("a missing or empty part gives no index (null), never the index of an empty string", () => {
    expect(nameIndex("Асанов", null)).toBeNull();
    expect(nameIndex("   ", "2012-03-15")).toBeNull();
    expect(pinIndex(null)).toBeNull();
    expect(pinIndex("no digits")).toBeNull();
  });

  test("compound parts cannot run into each other, and each index has its own key", () => {
    const index = person.blindIndexes.get("surnameBirthIndex")!;
    expect(blindIndexInput(index, { surname: "ab", birthDate: "c" })).not.toBe(blindIndexInput(index, { surname: "a", birthDate: "bc" }));
    const pinKey = blindIndexKey("person", "pin", root);
    expect(pinKey.equals(blindIndexKey("person", "surname_birth", root))).toBe(false);
    expect(pinKey.equals(blindIndexKey("break_glass_grant", "pin", root))).toBe(false);
    expect(pinKey.equals(deriveKey("blind-index|person|pin", root))).toBe(true);
  });
});
