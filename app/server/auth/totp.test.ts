import { describe, expect, test } from "vitest";
import { base32Decode, base32Encode, generateTotpSecret, hotp, otpauthUri, timeStep, TOTP_PERIOD_SECONDS, totpCode, verifyTotp } from "./totp.server";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890", "ascii"));
const at = (seconds: number) => new Date(seconds * 1000);

describe("base32", () => {
  test("encodes the RFC 6238 seed to the well-known base32 text (RFC 4648 alphabet, no padding)", () => {
    expect(RFC_SECRET).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  });

  test.each([
    ["", ""],
    ["f", "MY"],
    ["fo", "MZXQ"],
    ["foo", "MZXW6"],
    ["foob", "MZXW6YQ"],
    ["fooba", "MZXW6YTB"],
    ["foobar", "MZXW6YTBOI"],
  ])("RFC 4648 vector %j → %s", (plain, encoded) => {
    expect(base32Encode(Buffer.from(plain))).toBe(encoded);
    expect(base32Decode(encoded).toString()).toBe(plain);
  });

  test("round trips arbitrary bytes of every length 0..40", () => {
    for (let length = 0; length <= 40; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 97 + length * 31) & 255));
      expect(base32Decode(base32Encode(bytes)).equals(bytes)).toBe(true);
    }
  });

  test("decoding tolerates lower case, spaces, dashes and padding as typed by people", () => {
    expect(base32Decode("mzxw 6ytb-oi======").toString()).toBe("foobar");
  });

  test("decoding rejects characters outside the alphabet", () => {
    expect(() => base32Decode("MZXW1")).toThrow(/base32/);
    expect(() => base32Decode("MZXW8")).toThrow(/base32/);
  });

  test("generated secrets are 160-bit, base32 and different each time", () => {
    const a = generateTotpSecret();
    const b = generateTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a)).toHaveLength(20);
    expect(a).not.toBe(b);
  });
});

describe("RFC 6238 Appendix B (SHA-1, truncated to 6 digits)", () => {
  test.each([
    [59, 1, "287082"],
    [1111111109, 37037036, "081804"],
    [1111111111, 37037037, "050471"],
    [1234567890, 41152263, "005924"],
    [2000000000, 66666666, "279037"],
    [20000000000, 666666666, "353130"],
  ])("T=%i (step %i) → %s", (seconds, step, code) => {
    expect(timeStep(at(seconds))).toBe(step);
    expect(totpCode(RFC_SECRET, at(seconds))).toBe(code);
    expect(hotp(RFC_SECRET, step)).toBe(code);
  });

  test("RFC 4226 Appendix D HOTP vectors", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expect(expected.map((_, counter) => hotp(RFC_SECRET, counter))).toEqual(expected);
  });

  test("steps are 30 seconds", () => {
    expect(TOTP_PERIOD_SECONDS).toBe(30);
    expect(timeStep(at(29))).toBe(0);
    expect(timeStep(at(30))).toBe(1);
  });
});

describe("verifyTotp", () => {
  const now = at(1234567890); // step 41152263
  const step = 41152263;
  const codeAt = (offset: number) => hotp(RFC_SECRET, step + offset);

  test("accepts the current code and returns its step", () => {
    expect(verifyTotp(RFC_SECRET, "005924", { at: now })).toBe(step);
  });

  test("accepts one step of drift either side", () => {
    expect(verifyTotp(RFC_SECRET, codeAt(-1), { at: now })).toBe(step - 1);
    expect(verifyTotp(RFC_SECRET, codeAt(1), { at: now })).toBe(step + 1);
  });

  test("rejects codes two or more steps away", () => {
    for (const offset of [-3, -2, 2, 3]) {
      const code = codeAt(offset);
      // Guard against a coincidental collision with an accepted neighbour.
      expect([codeAt(-1), codeAt(0), codeAt(1)]).not.toContain(code);
      expect(verifyTotp(RFC_SECRET, code, { at: now })).toBeNull();
    }
  });

  test("rejects a replay: a code whose step is <= lastUsedStep", () => {
    expect(verifyTotp(RFC_SECRET, codeAt(0), { at: now, lastUsedStep: step })).toBeNull();
    expect(verifyTotp(RFC_SECRET, codeAt(-1), { at: now, lastUsedStep: step - 1 })).toBeNull();
    expect(verifyTotp(RFC_SECRET, codeAt(-1), { at: now, lastUsedStep: step + 1 })).toBeNull();
    expect(verifyTotp(RFC_SECRET, codeAt(1), { at: now, lastUsedStep: step + 1 })).toBeNull();
  });

  test("accepts a newer code after an older one was used", () => {
    expect(verifyTotp(RFC_SECRET, codeAt(0), { at: now, lastUsedStep: step - 1 })).toBe(step);
    expect(verifyTotp(RFC_SECRET, codeAt(1), { at: now, lastUsedStep: step })).toBe(step + 1);
    expect(verifyTotp(RFC_SECRET, codeAt(0), { at: now, lastUsedStep: null })).toBe(step);
  });

  test("rejects a wrong code", () => {
    const wrong = String((Number(codeAt(0)) + 1) % 1_000_000).padStart(6, "0");
    expect([codeAt(-1), codeAt(1)]).not.toContain(wrong);
    expect(verifyTotp(RFC_SECRET, wrong, { at: now })).toBeNull();
  });

  test.each(["", "5924", "05924", "0059240", "00592a", " 005924", "005924 ", "005924\n", "00 5924", "-05924", "٠٠٥٩٢٤", "+05924"])(
    "rejects non-6-digit input %j without throwing",
    (input) => {
      expect(verifyTotp(RFC_SECRET, input, { at: now })).toBeNull();
    },
  );

  test("uses the current time when no time is given", () => {
    expect(verifyTotp(RFC_SECRET, totpCode(RFC_SECRET))).not.toBeNull();
  });
});

describe("otpauthUri", () => {
  test("contains the secret, the issuer and the label", () => {
    const uri = otpauthUri(RFC_SECRET, "pedagogue");
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(uri.startsWith("otpauth://totp/")).toBe(true);
    expect(decodeURIComponent(uri.slice("otpauth://totp/".length, uri.indexOf("?")))).toBe("Kamkor:pedagogue");
    expect(url.searchParams.get("secret")).toBe(RFC_SECRET);
    expect(url.searchParams.get("issuer")).toBe("Kamkor");
    expect(url.searchParams.get("algorithm")).toBe("SHA1");
    expect(url.searchParams.get("digits")).toBe("6");
    expect(url.searchParams.get("period")).toBe("30");
  });

  test("encodes the label and a custom issuer", () => {
    const uri = otpauthUri("ABC", "name with space/ünï", "Kamkor Test");
    expect(uri).toContain(`/${encodeURIComponent("Kamkor Test:name with space/ünï")}?`);
    expect(new URL(uri).searchParams.get("issuer")).toBe("Kamkor Test");
  });
});
