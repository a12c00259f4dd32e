import { describe, expect, test } from "vitest";
import { z } from "zod";
import { formAction, refusedForm, submittedValues } from "./form-action.server";
import { idParam, isRecordId } from "./request.server";
import { fieldError, versionConflict } from "./results";

const post = (fields: Record<string, string>) => new Request("http://localhost/x", { method: "POST", body: new URLSearchParams(fields) });

describe("idParam", () => {
  test("accepts a record id and answers 404 for anything else", () => {
    expect(idParam("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe("0f8fad5b-d9cb-469f-a165-70867728950e");
    for (const bad of [
      undefined,
      null,
      "",
      "42",
      "0f8fad5b-d9cb-469f-a165-70867728950",
      "------------------------------------",
      "0f8fad5b-d9cb-469f-a165-70867728950e/../x",
    ]) {
      expect(isRecordId(bad)).toBe(false);
      expect(() => idParam(bad)).toThrow(expect.objectContaining({ status: 404 }) as unknown as Error);
    }
  });
});

describe("form actions", () => {
  const schema = z.object({ name: z.string().min(1, "error.badRequest") }).strict();

  test("a refusal comes back with what was typed (no version), 400; a conflict is 409", async () => {
    expect(await submittedValues(post({ name: "x", version: "3" }))).toEqual({ name: "x" });
    const refused = refusedForm({ name: "x" }, fieldError("name", "error.badRequest"));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ fieldErrors: { name: "error.badRequest" }, values: { name: "x" } });
    expect(refusedForm({}, versionConflict({ version: 4, changes: [] })).status).toBe(409);
  });

  test("parses strictly, runs the command and redirects; unknown fields never reach the command", async () => {
    let runs = 0;
    const run = async () => {
      runs += 1;
      return { ok: true as const, id: "a" };
    };
    const redirected = await formAction(post({ name: "Ana" }), { schema, run, next: (result) => `/done/${result.id}` }).catch((response: Response) => response);
    expect((redirected as Response).headers.get("Location")).toBe("/done/a");
    const refused = (await formAction(post({ name: "Ana", role: "admin" }), { schema, run, next: () => "/" })) as Response;
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { formError?: string }).formError).toBe("error.badRequest");
    expect(runs).toBe(1);
  });
});
