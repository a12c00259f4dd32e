import path from "node:path";
import { describe, expect, test } from "vitest";
import { EnvError, parseEnv } from "./env.server";

function parseError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return error as EnvError;
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`);
}

describe("parseEnv defaults", () => {
  test("an empty environment gives demo mode on port 3000 with PGlite under ./data/pglite", () => {
    const env = parseEnv({});
    expect(env.KAMKOR_MODE).toBe("demo");
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.KAMKOR_DATA_DIR).toBe("./data");
    expect(env.pgliteDir).toBe(path.resolve("data", "pglite"));
  });

  test("pgliteDir resolves to <KAMKOR_DATA_DIR>/pglite (relative and absolute)", () => {
    expect(parseEnv({ KAMKOR_DATA_DIR: "/srv/kamkor" }).pgliteDir).toBe("/srv/kamkor/pglite");
    expect(parseEnv({ KAMKOR_DATA_DIR: "var/db" }).pgliteDir).toBe(path.resolve("var/db/pglite"));
    expect(path.isAbsolute(parseEnv({ KAMKOR_DATA_DIR: "rel" }).pgliteDir)).toBe(true);
  });

  test("explicit values are used", () => {
    const env = parseEnv({ KAMKOR_MODE: "production", PORT: "8080", DATABASE_URL: "postgresql://kamkor:pw@db.internal:5432/kamkor" });
    expect(env.KAMKOR_MODE).toBe("production");
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe("postgresql://kamkor:pw@db.internal:5432/kamkor");
  });

  test("postgres:// is accepted as well as postgresql://", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@localhost/kamkor" }).DATABASE_URL).toBe("postgres://u@localhost/kamkor");
  });
});

describe("DATABASE_URL", () => {
  test.each(["", "   "])("%j means no DATABASE_URL (PGlite)", (value) => {
    expect(parseEnv({ DATABASE_URL: value }).DATABASE_URL).toBeUndefined();
  });

  test.each(["mysql://x", "not a url", "postgresql://host-without-db", "postgresql://host-without-db/", "postgresql:///db", "http://host/db"])(
    "%j is refused with a one-line message naming DATABASE_URL",
    (value) => {
      const error = parseError({ DATABASE_URL: value });
      expect(error.message).toContain("DATABASE_URL");
      expect(error.message).not.toMatch(/[\r\n]/);
    },
  );

  test("the message does not echo the URL (it may carry a password)", () => {
    const error = parseError({ DATABASE_URL: "mysql://kamkor:s3cret-pw@db/kamkor" });
    expect(error.message).not.toContain("s3cret-pw");
  });
});

describe("PORT", () => {
  test.each(["abc", "0", "65536", "-1", "80.5"])("%j is refused with a message naming PORT", (value) => {
    const error = parseError({ PORT: value });
    expect(error.message).toContain("PORT");
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  test.each([
    ["1", 1],
    ["65535", 65535],
    [" 3001 ", 3001],
  ])("%j is accepted", (value, expected) => {
    expect(parseEnv({ PORT: value }).PORT).toBe(expected);
  });
});

describe("KAMKOR_MODE", () => {
  test.each(["prod", "Production", "development", "test", "DEMO"])("%j is refused with a message naming KAMKOR_MODE", (value) => {
    const error = parseError({ KAMKOR_MODE: value });
    expect(error.message).toContain("KAMKOR_MODE");
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  test.each(["demo", "production"])("%j is accepted", (value) => {
    expect(parseEnv({ KAMKOR_MODE: value }).KAMKOR_MODE).toBe(value);
  });
});

test("EnvError is an Error", () => {
  expect(parseError({ PORT: "x" })).toBeInstanceOf(Error);
});
describe("KAMKOR_SCREENING_CONSENT_RULE", () => {
  test("the screening consent rule defaults to the child's assent with the guardian informed", () => {
    expect(parseEnv({}).KAMKOR_SCREENING_CONSENT_RULE).toBe("assent_guardian_informed");
    expect(parseEnv({ KAMKOR_SCREENING_CONSENT_RULE: "assent_and_guardian_consent" }).KAMKOR_SCREENING_CONSENT_RULE).toBe("assent_and_guardian_consent");
  });

  test("an unknown consent rule stops start-up with one line naming the variable and the choices", () => {
    expect(() => parseEnv({ KAMKOR_SCREENING_CONSENT_RULE: "none" })).toThrow(EnvError);
    expect(() => parseEnv({ KAMKOR_SCREENING_CONSENT_RULE: "none" })).toThrow(
      "Kamkor cannot start: KAMKOR_SCREENING_CONSENT_RULE must be one of assent_guardian_informed, assent_and_guardian_consent.",
    );
  });
});
