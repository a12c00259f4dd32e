import { describe, expect, test } from "vitest";
import { ru } from "~/i18n/catalogues/ru";
import { parseForm } from "~/server/forms.server";
import { ROLES } from "~policies/roles";
import {
  adminFilterSchema,
  agencyActionSchema,
  agencySchema,
  createUserSchema,
  parseAdminFilter,
  rolesOf,
  userDetailsSchema,
  userIntentSchema,
  userPasswordSchema,
  userRolesSchema,
} from "./admin.schema";

const TERRITORY = "0f8fad5b-d9cb-469f-a165-70867728950e";
const AGENCY = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

function post(fields: [string, string][]): Request {
  return new Request("http://kamkor.test/admin", { method: "POST", body: new URLSearchParams(fields) });
}

const validUser: [string, string][] = [
  ["username", "aibek.s"],
  ["displayName", "Айбек Садыков"],
  ["agencyId", AGENCY],
  ["role_social_worker", "on"],
  ["password", "тихая река течёт"],
  ["passwordConfirm", "тихая река течёт"],
];

describe("create user form", () => {
  test("a valid post parses; ticked roles come back as a list", async () => {
    const result = await parseForm(post(validUser), createUserSchema);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.username).toBe("aibek.s");
    expect(rolesOf(result.data)).toEqual(["social_worker"]);
  });

  test("react-hook-form's booleans and a plain form's 'on' mean the same", () => {
    const fromBrowser = createUserSchema.parse({
      username: "aibek.s",
      displayName: "Айбек",
      agencyId: AGENCY,
      role_admin: true,
      role_auditor: false,
      password: "тихая река течёт",
      passwordConfirm: "тихая река течёт",
    });
    expect(rolesOf(fromBrowser)).toEqual(["admin"]);
  });

  test("unknown fields are refused as a whole (no mass assignment of status, hash or TOTP)", async () => {
    for (const extra of ["status", "passwordHash", "totpSecret", "id", "roles", "role_superuser"]) {
      const result = await parseForm(post([...validUser, [extra, "x"]]), createUserSchema);
      expect(result, extra).toEqual({ ok: false, fieldErrors: {}, formError: "error.badRequest" });
    }
  });

  test("a checkbox value other than 'on' is refused", async () => {
    const result = await parseForm(post([...validUser.filter(([key]) => key !== "role_social_worker"), ["role_admin", "yes"]]), createUserSchema);
    expect(result.ok).toBe(false);
  });

  test.each([
    ["username", "", "admin.error.username.required"],
    ["username", "ab", "admin.error.username.length"],
    ["username", "a".repeat(51), "admin.error.username.length"],
    ["username", "Айбек", "admin.error.username.characters"],
    ["username", "aibek s", "admin.error.username.characters"],
    ["username", "Aibek", "admin.error.username.characters"],
    ["displayName", "   ", "admin.error.displayName.required"],
    ["displayName", "Line\nbreak", "admin.error.controlCharacters"],
    ["agencyId", "", "admin.error.agency.required"],
    ["agencyId", "not-a-uuid", "admin.error.agency.required"],
    ["password", "short", "admin.error.password.short"],
    ["password", "x".repeat(129), "admin.error.password.long"],
  ])("%s = %j → %s", async (field, value, message) => {
    const fields = validUser.map(([key, current]) => [key, key === field ? value : current] as [string, string]);
    const result = await parseForm(post(fields), createUserSchema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[field]).toBe(message);
  });

  test("at least one role; the error is on 'roles'", async () => {
    const result = await parseForm(post(validUser.filter(([key]) => key !== "role_social_worker")), createUserSchema);
    expect(result.ok === false && result.fieldErrors.roles).toBe("admin.error.roles.required");
  });

  test("the confirmation must match", async () => {
    const fields = validUser.map(([key, value]) => [key, key === "passwordConfirm" ? "something else!!" : value] as [string, string]);
    const result = await parseForm(post(fields), createUserSchema);
    expect(result.ok === false && result.fieldErrors.passwordConfirm).toBe("admin.error.password.mismatch");
  });

  test("passwords are not trimmed: spaces count", () => {
    const data = createUserSchema.parse({ ...Object.fromEntries(validUser), password: "  twelve   12", passwordConfirm: "  twelve   12" });
    expect(data.password).toBe("  twelve   12");
  });
});

describe("agency forms", () => {
  const agency = { type: "school", territoryId: TERRITORY, nameRu: "Школа № 5", nameKy: "№ 5 мектеп", nameEn: "School No. 5" };

  test("valid agency; type must be one of the enum", () => {
    expect(agencySchema.safeParse(agency).success).toBe(true);
    const bad = agencySchema.safeParse({ ...agency, type: "bank" });
    expect(bad.success === false && bad.error.issues[0].message).toBe("admin.error.agencyType.required");
  });

  test("status cannot be set through the details form", () => {
    expect(agencySchema.safeParse({ ...agency, status: "disabled" }).success).toBe(false);
    expect(agencyActionSchema.safeParse({ intent: "details", ...agency, status: "disabled" }).success).toBe(false);
  });

  test("the action schema knows details, disable and enable, nothing else", () => {
    expect(agencyActionSchema.safeParse({ intent: "details", ...agency }).success).toBe(true);
    expect(agencyActionSchema.safeParse({ intent: "disable" }).success).toBe(true);
    expect(agencyActionSchema.safeParse({ intent: "enable" }).success).toBe(true);
    expect(agencyActionSchema.safeParse({ intent: "delete" }).success).toBe(false);
    expect(agencyActionSchema.safeParse({ intent: "disable", type: "school" }).success).toBe(false);
  });
});

describe("user page forms", () => {
  test("each intent has its own strict schema", () => {
    expect(userIntentSchema("details")).toBe(userDetailsSchema);
    expect(userIntentSchema("roles")).toBe(userRolesSchema);
    expect(userIntentSchema("password")).toBe(userPasswordSchema);
    expect(userIntentSchema("disable").safeParse({ intent: "disable" }).success).toBe(true);
    expect(userIntentSchema("disable").safeParse({ intent: "disable", userId: "x" }).success).toBe(false);
    expect(userDetailsSchema.safeParse({ intent: "details", displayName: "A", agencyId: AGENCY, username: "root" }).success).toBe(false);
  });

  test("roles form: every role can be ticked; none ticked is refused", () => {
    const all = Object.fromEntries(ROLES.map((role) => [`role_${role}`, "on"]));
    const parsed = userRolesSchema.parse({ intent: "roles", ...all });
    expect(rolesOf(parsed)).toEqual([...ROLES]);
    const none = userRolesSchema.safeParse({ intent: "roles" });
    expect(none.success === false && none.error.issues[0].path).toEqual(["roles"]);
  });
});

describe("list filters", () => {
  test("bad values are ignored, never an error", () => {
    const filter = parseAdminFilter(new URL(`http://kamkor.test/admin?territory=nope&type=bank&role=root&status=active&agency=${AGENCY}`));
    expect(filter).toEqual({ territory: undefined, type: undefined, role: undefined, status: "active", agency: AGENCY });
    expect(adminFilterSchema.parse({})).toEqual({});
  });
});

test("every message used by the schemas is a catalogue key", () => {
  const messages = new Set<string>();
  const collect = (schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, value: unknown) => {
    const result = schema.safeParse(value);
    for (const issue of result.error?.issues ?? []) messages.add(issue.message);
  };
  collect(createUserSchema, {});
  collect(createUserSchema, { username: "Ab", displayName: "\u0007", agencyId: "x", password: "x", passwordConfirm: "y" });
  collect(agencySchema, {});
  collect(userPasswordSchema, { intent: "password", password: "y".repeat(200), passwordConfirm: "z" });
  expect(messages.size).toBeGreaterThan(5);
  for (const message of messages) expect(Object.keys(ru), message).toContain(message);
});
