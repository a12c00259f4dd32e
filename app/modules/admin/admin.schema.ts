import { z } from "zod";
import { AgencyType, RecordStatus } from "~/generated/prisma/enums.ts";
import { ROLES, type RoleName } from "~policies/roles";

/**
 * Administration forms: one strict schema per form, shared by react-hook-form (zodResolver)
 * in the browser and parseForm in the actions. Messages are catalogue keys. Unknown fields
 * are refused, so a request can never set what the form does not offer (status, id, hash…).
 */

export const AGENCY_TYPES = Object.values(AgencyType) as [AgencyType, ...AgencyType[]];
export const RECORD_STATUSES = Object.values(RecordStatus) as [RecordStatus, ...RecordStatus[]];

export const PASSWORD_MIN_CODE_POINTS = 12;
export const PASSWORD_MAX_CODE_POINTS = 128;

/** Unicode code points, not UTF-16 units: "😀" is one character for the length rule. */
export function codePointLength(value: string): number {
  return [...value].length;
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

const text = (requiredKey: string, max: number, tooLongKey = "admin.error.tooLong") =>
  z
    .string({ required_error: requiredKey, invalid_type_error: requiredKey })
    .trim()
    .min(1, requiredKey)
    .max(max, tooLongKey)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "admin.error.controlCharacters");

const id = (requiredKey: string) => z.string({ required_error: requiredKey, invalid_type_error: requiredKey }).trim().min(1, requiredKey).uuid(requiredKey);

export const usernameSchema = z
  .string({ required_error: "admin.error.username.required", invalid_type_error: "admin.error.username.required" })
  .trim()
  .min(1, "admin.error.username.required")
  .min(3, "admin.error.username.length")
  .max(50, "admin.error.username.length")
  .regex(/^[a-z0-9._-]+$/, "admin.error.username.characters");

/** Length only; the common-password list and the username check run on the server (password-policy.server.ts). */
export const newPasswordSchema = z
  .string({ required_error: "admin.error.password.required", invalid_type_error: "admin.error.password.required" })
  .min(1, "admin.error.password.required")
  .refine((value) => codePointLength(value) >= PASSWORD_MIN_CODE_POINTS, "admin.error.password.short")
  .refine((value) => codePointLength(value) <= PASSWORD_MAX_CODE_POINTS, "admin.error.password.long");

const passwordConfirmSchema = z.string({ required_error: "admin.error.password.confirm", invalid_type_error: "admin.error.password.confirm" });

function passwordsMatch(data: { password: string; passwordConfirm: string }, context: z.RefinementCtx) {
  if (data.password !== data.passwordConfirm) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ["passwordConfirm"], message: "admin.error.password.mismatch" });
  }
}

/** A checkbox: "on" from a plain form post, true/false from react-hook-form, absent when unticked. */
const checkbox = z
  .union([z.boolean(), z.literal("on")], { errorMap: () => ({ message: "error.badRequest" }) })
  .optional()
  .transform((value) => value === true || value === "on");

export type RoleField = `role_${RoleName}`;
export const roleField = (role: RoleName): RoleField => `role_${role}`;

const roleShape = Object.fromEntries(ROLES.map((role) => [roleField(role), checkbox])) as Record<RoleField, typeof checkbox>;

/** The ticked roles of a parsed form, in ROLES order. */
export function rolesOf(data: Partial<Record<RoleField, boolean | undefined>>): RoleName[] {
  return ROLES.filter((role) => data[roleField(role)] === true);
}

function atLeastOneRole(data: Partial<Record<RoleField, boolean | undefined>>, context: z.RefinementCtx) {
  if (rolesOf(data).length === 0) {
    context.addIssue({ code: z.ZodIssueCode.custom, path: ["roles"], message: "admin.error.roles.required" });
  }
}

// ---- Agencies ----------------------------------------------------------------------------

export const agencyFields = {
  type: z.enum(AGENCY_TYPES, { errorMap: () => ({ message: "admin.error.agencyType.required" }) }),
  territoryId: id("admin.error.territory.required"),
  nameRu: text("admin.error.name.required", 200),
  nameKy: text("admin.error.name.required", 200),
  nameEn: text("admin.error.name.required", 200),
};

export const agencySchema = z.object(agencyFields).strict();
export type AgencyFormData = z.infer<typeof agencySchema>;

export const agencyDetailsSchema = z.object({ intent: z.literal("details"), ...agencyFields }).strict();
export const agencyActionSchema = z.discriminatedUnion("intent", [
  agencyDetailsSchema,
  z.object({ intent: z.literal("disable") }).strict(),
  z.object({ intent: z.literal("enable") }).strict(),
]);

// ---- Users -------------------------------------------------------------------------------

const userDetailsFields = {
  displayName: text("admin.error.displayName.required", 100),
  agencyId: id("admin.error.agency.required"),
};

export const createUserSchema = z
  .object({
    username: usernameSchema,
    ...userDetailsFields,
    ...roleShape,
    password: newPasswordSchema,
    passwordConfirm: passwordConfirmSchema,
  })
  .strict()
  .superRefine((data, context) => {
    atLeastOneRole(data, context);
    passwordsMatch(data, context);
  });
export type CreateUserFormData = z.infer<typeof createUserSchema>;

export const userDetailsSchema = z.object({ intent: z.literal("details"), ...userDetailsFields }).strict();
export const userRolesSchema = z
  .object({ intent: z.literal("roles"), ...roleShape })
  .strict()
  .superRefine(atLeastOneRole);
export const userPasswordSchema = z
  .object({ intent: z.literal("password"), password: newPasswordSchema, passwordConfirm: passwordConfirmSchema })
  .strict()
  .superRefine(passwordsMatch);
export const userSimpleIntentSchema = z.object({ intent: z.enum(["disable", "enable", "resetTotp"]) }).strict();

export const USER_INTENTS = ["details", "roles", "password", "disable", "enable", "resetTotp"] as const;
export type UserIntent = (typeof USER_INTENTS)[number];

/** Which schema validates a post to the user page. */
export function userIntentSchema(intent: UserIntent) {
  switch (intent) {
    case "details":
      return userDetailsSchema;
    case "roles":
      return userRolesSchema;
    case "password":
      return userPasswordSchema;
    default:
      return userSimpleIntentSchema;
  }
}

// ---- List filters (GET query strings: bad values are ignored, never an error page) ---------

const optionalFilter = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional()).catch(undefined);

export const adminFilterSchema = z.object({
  territory: optionalFilter(z.string().uuid()),
  type: optionalFilter(z.enum(AGENCY_TYPES)),
  agency: optionalFilter(z.string().uuid()),
  role: optionalFilter(z.enum(ROLES)),
  status: optionalFilter(z.enum(RECORD_STATUSES)),
});
export type AdminFilter = z.infer<typeof adminFilterSchema>;

export function parseAdminFilter(url: URL): AdminFilter {
  const pick = (name: string) => url.searchParams.get(name) ?? undefined;
  return adminFilterSchema.parse({
    territory: pick("territory"),
    type: pick("type"),
    agency: pick("agency"),
    role: pick("role"),
    status: pick("status"),
  });
}
