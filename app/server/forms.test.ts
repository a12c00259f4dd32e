import { describe, expect, test } from "vitest";
import { z } from "zod";
import { ru } from "~/i18n/catalogues/ru";
import { passwordStepSchema, totpCodeSchema } from "~/modules/auth/sign-in.schema";
import { parseForm } from "./forms.server";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://kamkor.test/form", { method: "POST", body, headers });
}

function form(fields: [string, string][]): Request {
  return post(new URLSearchParams(fields));
}

const isCatalogueKey = (value: unknown) => typeof value === "string" && value in ru;

const schema = z
  .object({
    name: z.string().trim().min(1, "signIn.error.required.username").max(10, "signIn.error.tooLong"),
    note: z.string().max(5, "signIn.error.tooLong").optional(),
  })
  .strict();

describe("parseForm with a strict schema", () => {
  test("a valid form gives the parsed data", async () => {
    expect(
      await parseForm(
        form([
          ["name", "  Aigul "],
          ["note", "hi"],
        ]),
        schema,
      ),
    ).toEqual({
      ok: true,
      data: { name: "Aigul", note: "hi" },
    });
  });

  test("multipart/form-data without files is read too", async () => {
    const body = new FormData();
    body.set("name", "Aigul");
    expect(await parseForm(post(body), schema)).toEqual({ ok: true, data: { name: "Aigul" } });
  });

  test("an unknown extra field is refused as a whole (no mass assignment)", async () => {
    const result = await parseForm(
      form([
        ["name", "Aigul"],
        ["role", "admin"],
      ]),
      schema,
    );
    expect(result).toEqual({ ok: false, fieldErrors: {}, formError: "error.badRequest" });
  });

  test("an unknown field is refused even when the known fields are also invalid", async () => {
    const result = await parseForm(
      form([
        ["name", ""],
        ["agencyId", "x"],
      ]),
      schema,
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.formError).toBe("error.badRequest");
  });

  test.each(["__proto__", "constructor", "toString"])("a field named %j is refused, not merged into the object", async (name) => {
    const result = await parseForm(
      form([
        ["name", "Aigul"],
        [name, "x"],
      ]),
      schema,
    );
    expect(result).toMatchObject({ ok: false, formError: "error.badRequest" });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test("a repeated field is refused", async () => {
    expect(
      await parseForm(
        form([
          ["name", "Aigul"],
          ["name", "Admin"],
        ]),
        schema,
      ),
    ).toEqual({
      ok: false,
      fieldErrors: {},
      formError: "error.badRequest",
    });
  });

  test("a file upload is refused", async () => {
    const body = new FormData();
    body.set("name", new Blob(["x"], { type: "text/plain" }), "name.txt");
    expect(await parseForm(post(body), schema)).toEqual({ ok: false, fieldErrors: {}, formError: "error.badRequest" });
  });

  test("field errors come back per field as catalogue keys", async () => {
    const result = await parseForm(
      form([
        ["name", "   "],
        ["note", "too long"],
      ]),
      schema,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: { name: "signIn.error.required.username", note: "signIn.error.tooLong" },
      formError: undefined,
    });
    if (!result.ok) expect(Object.values(result.fieldErrors).every(isCatalogueKey)).toBe(true);
  });

  test("only the first error of a field is kept", async () => {
    const twice = z.object({ code: z.string().min(3, "totp.error.format").regex(/^\d+$/, "totp.error.invalid") }).strict();
    expect(await parseForm(form([["code", "x"]]), twice)).toEqual({ ok: false, fieldErrors: { code: "totp.error.format" }, formError: undefined });
  });

  test.each([
    ["JSON body", '{"name":"Aigul"}', { "content-type": "application/json" }],
    ["JSON content type with garbage", "{{{not json", { "content-type": "application/json" }],
    ["plain text", "name=Aigul", { "content-type": "text/plain" }],
    ["multipart without a boundary", "garbage", { "content-type": "multipart/form-data" }],
    ["broken multipart", "--x\r\nnot a part", { "content-type": "multipart/form-data; boundary=x" }],
  ])("a non-form body (%s) is a bad request, not a throw", async (_label, body, headers) => {
    await expect(parseForm(post(body, headers), schema)).resolves.toEqual({
      ok: false,
      fieldErrors: {},
      formError: "error.badRequest",
    });
  });

  test("a request with no body is a bad request, not a throw", async () => {
    await expect(parseForm(post(null), schema)).resolves.toMatchObject({ ok: false, formError: "error.badRequest" });
  });
});

describe("sign-in schemas through parseForm", () => {
  test("password step: valid username and password, username trimmed", async () => {
    expect(
      await parseForm(
        form([
          ["username", " pedagogue "],
          ["password", " pw with spaces "],
        ]),
        passwordStepSchema,
      ),
    ).toEqual({
      ok: true,
      data: { username: "pedagogue", password: " pw with spaces " },
    });
  });

  test("password step: username and password are required (catalogue keys)", async () => {
    expect(
      await parseForm(
        form([
          ["username", "  "],
          ["password", ""],
        ]),
        passwordStepSchema,
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { username: "signIn.error.required.username", password: "signIn.error.required.password" },
      formError: undefined,
    });
  });

  test("password step: over-long values give signIn.error.tooLong", async () => {
    const result = await parseForm(
      form([
        ["username", "u".repeat(101)],
        ["password", "p".repeat(257)],
      ]),
      passwordStepSchema,
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: { username: "signIn.error.tooLong", password: "signIn.error.tooLong" },
      formError: undefined,
    });
  });

  test("password step: an extra field (e.g. role) is refused", async () => {
    const result = await parseForm(
      form([
        ["username", "admin"],
        ["password", "x"],
        ["role", "admin"],
      ]),
      passwordStepSchema,
    );
    expect(result).toMatchObject({ ok: false, formError: "error.badRequest" });
  });

  test.each([
    ["123456", "123456"],
    ["123 456", "123456"],
    [" 12 34 56 ", "123456"],
    ["123\t456", "123456"],
  ])("TOTP code %j → %s (whitespace stripped)", async (input, code) => {
    expect(await parseForm(form([["code", input]]), totpCodeSchema)).toEqual({ ok: true, data: { code } });
  });

  test.each(["", "12345", "1234567", "12345a", "12-34-56", "１２３４５６"])("TOTP code %j → totp.error.format", async (input) => {
    expect(await parseForm(form([["code", input]]), totpCodeSchema)).toEqual({
      ok: false,
      fieldErrors: { code: "totp.error.format" },
      formError: undefined,
    });
  });

  test("TOTP form: an extra field is refused", async () => {
    expect(
      await parseForm(
        form([
          ["code", "123456"],
          ["lastUsedStep", "0"],
        ]),
        totpCodeSchema,
      ),
    ).toMatchObject({
      ok: false,
      formError: "error.badRequest",
    });
  });

  // A field missing from the post must still give a catalogue key, not zod's default text.
  test("a missing field still gives catalogue keys (password step)", async () => {
    const result = await parseForm(form([["username", "pedagogue"]]), passwordStepSchema);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors.password).toBeDefined();
      expect(Object.values(result.fieldErrors).every(isCatalogueKey)).toBe(true);
    }
  });

  test("a missing field still gives catalogue keys (TOTP code)", async () => {
    const result = await parseForm(form([]), totpCodeSchema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(isCatalogueKey(result.fieldErrors.code)).toBe(true);
  });
});
