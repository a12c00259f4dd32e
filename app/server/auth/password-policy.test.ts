import { describe, expect, test } from "vitest";
import commonPasswords from "./common-passwords.json";
import { checkPasswordPolicy, COMMON_PASSWORD_COUNT } from "./password-policy.server";

describe("password policy", () => {
  test("at least 12 characters", () => {
    expect(checkPasswordPolicy("tulip-cactu")).toBe("admin.error.password.short"); // 11
    expect(checkPasswordPolicy("tulip-cactus")).toBeNull(); // 12
    expect(checkPasswordPolicy("")).toBe("admin.error.password.short");
  });

  test("at most 128 characters", () => {
    const word = "lamp-";
    const long = word.repeat(26).slice(0, 128);
    expect(checkPasswordPolicy(long)).toBeNull();
    expect(checkPasswordPolicy(`${long}x`)).toBe("admin.error.password.long");
  });

  test("length counts Unicode code points, not UTF-16 units", () => {
    const horse = "\u{1F434}"; // two UTF-16 units, one character
    expect(horse.repeat(11).length).toBe(22);
    expect(checkPasswordPolicy(horse.repeat(11))).toBe("admin.error.password.short");
    expect(checkPasswordPolicy(horse.repeat(12))).toBeNull();
    expect(checkPasswordPolicy(horse.repeat(128))).toBeNull();
    expect(checkPasswordPolicy(horse.repeat(129))).toBe("admin.error.password.long");
  });

  test("every character is allowed: spaces, Cyrillic, symbols; no composition rules", () => {
    expect(checkPasswordPolicy("correct horse battery staple")).toBeNull();
    expect(checkPasswordPolicy("тихая река течёт в горах")).toBeNull();
    expect(checkPasswordPolicy("  spaces at both ends  ")).toBeNull();
    expect(checkPasswordPolicy("алма-ата жана ысык-көл")).toBeNull();
    expect(checkPasswordPolicy("\"'<>&;{}|\\` tail")).toBeNull();
  });

  test("common passwords are refused, whatever their case", () => {
    for (const password of ["password1234", "Password1234", "QWERTY123456", "1q2w3e4r5t6y", "Kamkor-demo-2026", "йцукенгшщзхъ", "Пароль123456"]) {
      expect(checkPasswordPolicy(password), password).toBe("admin.error.password.common");
    }
  });

  test("a password containing the username is refused (case-insensitive)", () => {
    expect(checkPasswordPolicy("my-aibek.s-secret-key", { username: "aibek.s" })).toBe("admin.error.password.containsUsername");
    expect(checkPasswordPolicy("my-AIBEK.S-secret-key", { username: "aibek.s" })).toBe("admin.error.password.containsUsername");
    expect(checkPasswordPolicy("my-aibek.s-secret-key", { username: "nurlan" })).toBeNull();
    expect(checkPasswordPolicy("my-aibek.s-secret-key")).toBeNull();
  });

  test("the shipped list: a few hundred lower-case entries, each long enough to pass the length rule", () => {
    const list = commonPasswords as string[];
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(300);
    expect(new Set(list).size).toBe(list.length);
    for (const entry of list) {
      expect([...entry].length, entry).toBeGreaterThanOrEqual(12);
      expect(entry, entry).toBe(entry.normalize("NFKC").toLowerCase());
    }
  });
});
