import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { associatedData, ciphertextVersion, DecryptionError, decryptField, deriveFieldKey, encryptField } from "./cipher.server";

const dek = crypto.randomBytes(32);
const surnameKey = deriveFieldKey(dek, "person", "surname");
const place = { table: "person", column: "surname", recordId: "8c1f5b1e-0000-4000-8000-000000000001" };
const other = { ...place, recordId: "8c1f5b1e-0000-4000-8000-000000000002" };

function flipByte(ciphertext: string, index: number): string {
  const [prefix, version, body] = ciphertext.split(".");
  const raw = Buffer.from(body, "base64url");
  raw[index < 0 ? raw.length + index : index] ^= 0x01;
  return `${prefix}.${version}.${raw.toString("base64url")}`;
}

function decryptError(run: () => unknown): DecryptionError {
  try {
    run();
  } catch (error) {
    if (error instanceof DecryptionError) return error;
    throw error;
  }
  throw new Error("expected a DecryptionError");
}

describe("ciphertext format", () => {
  test("kmk1.<version>.<base64url(iv12 ‖ ciphertext ‖ tag16)>, and it round-trips", () => {
    const ciphertext = encryptField("Асанов", surnameKey, place, 3);
    expect(ciphertext).toMatch(/^kmk1\.3\.[A-Za-z0-9_-]+$/);
    const raw = Buffer.from(ciphertext.split(".")[2], "base64url");
    expect(raw.length).toBe(12 + Buffer.byteLength("Асанов") + 16);
    expect(ciphertextVersion(ciphertext)).toBe(3);
    expect(decryptField(ciphertext, surnameKey, place)).toBe("Асанов");
  });

  test("a random IV: the same value encrypts differently every time", () => {
    const first = encryptField("Асанов", surnameKey, place, 1);
    const second = encryptField("Асанов", surnameKey, place, 1);
    expect(first).not.toBe(second);
    expect(first.split(".")[2].slice(0, 16)).not.toBe(second.split(".")[2].slice(0, 16));
  });

  test("empty strings, long text and every script survive", () => {
    for (const value of ["", "a".repeat(10_000), "Өмүрбекова Үмүт 🙂 \u0000 line\nbreak"]) {
      expect(decryptField(encryptField(value, surnameKey, place, 1), surnameKey, place)).toBe(value);
    }
  });

  test("values that are not ciphertext are recognised", () => {
    for (const value of ["Асанов", "kmk1.x.abc", "kmk2.1.abc", "kmk1.0.abc", "kmk1.1.", "kmk1.1.a+b/"]) {
      expect(ciphertextVersion(value)).toBeUndefined();
      expect(decryptError(() => decryptField(value, surnameKey, place)).message).toContain("not a Kamkor ciphertext");
    }
  });

  test("the associated data is table|column|record id|key version", () => {
    expect(associatedData(place, 2).toString()).toBe(`person|surname|${place.recordId}|2`);
    expect(() => associatedData({ ...place, recordId: "" }, 1)).toThrow(/record id/);
  });
});

describe("binding to the place (AAD)", () => {
  const ciphertext = encryptField("Асанов", surnameKey, place, 1);

  test("copied to another row, it fails", () => {
    expect(() => decryptField(ciphertext, surnameKey, other)).toThrow(DecryptionError);
  });

  test("copied to another column, it fails — with that column's key or even with the same key", () => {
    const givenNameKey = deriveFieldKey(dek, "person", "given_name");
    expect(() => decryptField(ciphertext, givenNameKey, { ...place, column: "given_name" })).toThrow(DecryptionError);
    expect(() => decryptField(ciphertext, surnameKey, { ...place, column: "given_name" })).toThrow(DecryptionError);
  });

  test("copied to another table, it fails", () => {
    expect(() => decryptField(ciphertext, surnameKey, { ...place, table: "break_glass_grant" })).toThrow(DecryptionError);
  });

  test("a relabelled key version fails (the version is authenticated)", () => {
    expect(() => decryptField(ciphertext.replace("kmk1.1.", "kmk1.2."), surnameKey, place)).toThrow(DecryptionError);
  });

  test("another data key fails", () => {
    expect(() => decryptField(ciphertext, deriveFieldKey(crypto.randomBytes(32), "person", "surname"), place)).toThrow(DecryptionError);
  });

  test("columns and key versions never share a field key", () => {
    expect(deriveFieldKey(dek, "person", "surname").equals(deriveFieldKey(dek, "person", "given_name"))).toBe(false);
    expect(deriveFieldKey(dek, "person", "surname").equals(deriveFieldKey(dek, "person", "surname"))).toBe(true);
  });
});

describe("tampering", () => {
  const ciphertext = encryptField("Асанов", surnameKey, place, 1);

  test.each([
    ["IV", 0],
    ["ciphertext body", 13],
    ["tag", -1],
  ])("a flipped bit in the %s fails", (_part, index) => {
    expect(() => decryptField(flipByte(ciphertext, index), surnameKey, place)).toThrow(DecryptionError);
  });

  test("a truncated ciphertext fails", () => {
    expect(decryptError(() => decryptField(ciphertext.slice(0, 20), surnameKey, place)).message).toMatch(/truncated|authentication/);
  });

  test("the error names table, column, record and version — never the value", () => {
    const error = decryptError(() => decryptField(ciphertext, surnameKey, other));
    expect(error).toMatchObject({ table: "person", column: "surname", recordId: other.recordId, keyVersion: 1 });
    expect(error.message).toContain(`person.surname of record ${other.recordId} (key version 1)`);
    expect(error.message).not.toContain("Асанов");
    expect(error.message).not.toContain(ciphertext.split(".")[2]);
  });
});
