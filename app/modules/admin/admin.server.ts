import type { Prisma, RecordStatus, Role } from "~/generated/prisma/client.ts";
import type { MessageKey } from "~/i18n/i18n";
import { auditBy } from "~/kit/audit.server";
import type { Caller } from "~/kit/request.server";
import { fieldError, formError, type CommandResult, type FieldErrors } from "~/kit/results";
import type { AuditAction } from "~/server/audit/actions";
import { hashPassword } from "~/server/auth/password.server";
import { checkPasswordPolicy } from "~/server/auth/password-policy.server";
import { actorOf, notFound } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { rateLimitKeys, resetBucket } from "~/server/rate-limit.server";
import { isSelfLockout, mayAdminister, type AdminAction, type AdminTarget } from "~policies/admin.policy";
import type { RoleName } from "~policies/roles";
import type { AdminFilter, AgencyFormData } from "./admin.schema";

/**
 * Administration of agencies and user accounts. Every function takes the caller (kit Caller) and
 * asks policies/admin.policy.ts first (a route's requireArea is the first door, this is the
 * second): a refusal is audited and answers 404. Admins see accounts and organisations only —
 * never password hashes, TOTP secrets or case content.
 *
 * Changes are audited before they are written: if the audit append fails, nothing is
 * changed (fail closed); if the write then fails, a `failed` event follows. Audit events name
 * the changed fields, never their values.
 */

/** Lists show at most this many rows; filters narrow them down. */
export const LIST_LIMIT = 200;

type AuditPlan = { action: AuditAction; record?: { type: string; id: string }; fields?: readonly string[] };

/** The actor may do this kind of action at all — or the attempt is audited and answered with 404. */
async function authorize(call: Caller, action: AdminAction, audit: AuditPlan): Promise<void> {
  if (mayAdminister(actorOf(call.user), action)) return;
  await auditBy(call, { ...audit, decision: "denied" });
  throw notFound();
}

/** Self-lockout (own account, own admin role, own agency): audited, answered with a message. */
async function refuseSelfLockout(call: Caller, action: AdminAction, target: AdminTarget, audit: AuditPlan, message: MessageKey) {
  if (!isSelfLockout(actorOf(call.user), action, target)) return null;
  await auditBy(call, { ...audit, decision: "denied" });
  return formError(message);
}

/** Audit first, then write; a failed write is audited as such and passed on. */
async function auditedWrite<T>(call: Caller, audit: AuditPlan, write: () => Promise<T>): Promise<T> {
  await auditBy(call, audit);
  try {
    return await write();
  } catch (error) {
    await auditBy(call, { ...audit, decision: "failed" });
    throw error;
  }
}

/** Unique-index violation, as Prisma reports it (P2002) or as a driver adapter passes it on (SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, cause } = error as { code?: unknown; cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } };
  return code === "P2002" || cause?.kind === "UniqueConstraintViolation" || cause?.code === "23505" || cause?.originalCode === "23505";
}

function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

const names = { nameRu: true, nameKy: true, nameEn: true } as const;
const ADMIN_AREA = { type: "area", id: "admin" };

// ---- Reads -------------------------------------------------------------------------------

export async function listAgencies({ user, context, filter }: Caller & { filter: AdminFilter }) {
  await authorize({ user, context }, "agency.list", { action: "record.read_denied", record: ADMIN_AREA });
  const prisma = await getPrisma();
  const where: Prisma.AgencyWhereInput = {
    ...(filter.territory ? { territoryId: filter.territory } : {}),
    ...(filter.type ? { type: filter.type } : {}),
  };
  const rows = await prisma.agency.findMany({
    where,
    select: { id: true, type: true, status: true, ...names, territory: { select: { id: true, ...names } }, _count: { select: { users: true } } },
    orderBy: [{ territory: { nameRu: "asc" } }, { nameRu: "asc" }],
    take: LIST_LIMIT + 1,
  });
  return { rows: rows.slice(0, LIST_LIMIT).map(({ _count, ...agency }) => ({ ...agency, userCount: _count.users })), truncated: rows.length > LIST_LIMIT };
}

export async function listUsers({ user, context, filter }: Caller & { filter: AdminFilter }) {
  await authorize({ user, context }, "user.list", { action: "record.read_denied", record: ADMIN_AREA });
  const prisma = await getPrisma();
  // `roles: { has }` does not survive the PGlite adapter (it sends the value where an array is
  // expected), so the role filter is a small SQL query of its own.
  const withRole = filter.role
    ? (await prisma.$queryRaw<{ id: string }[]>`SELECT id FROM app_user WHERE ${filter.role}::"Role" = ANY(roles)`).map((row) => row.id)
    : undefined;
  const where: Prisma.UserWhereInput = {
    ...(filter.agency ? { agencyId: filter.agency } : {}),
    ...(withRole ? { id: { in: withRole } } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
  const rows = await prisma.user.findMany({
    where,
    select: { id: true, username: true, displayName: true, roles: true, status: true, agency: { select: { id: true, ...names } } },
    orderBy: { username: "asc" },
    take: LIST_LIMIT + 1,
  });
  return { rows: rows.slice(0, LIST_LIMIT), truncated: rows.length > LIST_LIMIT };
}

/** Choices for the forms and filters: districts (grouped by region) and agencies. */
export async function adminFormOptions({ user, context }: Caller) {
  await authorize({ user, context }, "agency.list", { action: "record.read_denied", record: ADMIN_AREA });
  const prisma = await getPrisma();
  const [districts, agencies] = await Promise.all([
    prisma.territory.findMany({
      where: { kind: { in: ["district", "city"] } },
      select: { id: true, ...names, parent: { select: { id: true, ...names } } },
      orderBy: [{ parent: { code: "asc" } }, { code: "asc" }],
    }),
    prisma.agency.findMany({
      select: { id: true, status: true, ...names, territory: { select: { id: true, ...names } } },
      orderBy: [{ territory: { code: "asc" } }, { nameRu: "asc" }],
    }),
  ]);
  return { districts, agencies };
}

export async function getAgency({ user, context, agencyId }: Caller & { agencyId: string }) {
  await authorize({ user, context }, "agency.list", { action: "record.read_denied", record: { type: "agency", id: agencyId } });
  const prisma = await getPrisma();
  const agency = await prisma.agency.findUnique({
    where: { id: agencyId },
    select: { id: true, type: true, status: true, territoryId: true, ...names, createdAt: true, _count: { select: { users: true } } },
  });
  if (!agency) throw notFound();
  const { _count, ...rest } = agency;
  return { ...rest, userCount: _count.users };
}

export async function getUser({ user, context, userId }: Caller & { userId: string }) {
  await authorize({ user, context }, "user.list", { action: "record.read_denied", record: { type: "user", id: userId } });
  const prisma = await getPrisma();
  const account = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      roles: true,
      status: true,
      agencyId: true,
      createdAt: true,
      // Only whether a secret exists: the secret itself never leaves the server.
      totpSecret: true,
      agency: { select: { id: true, status: true, ...names } },
      _count: { select: { sessions: true } },
    },
  });
  if (!account) throw notFound();
  const { totpSecret, _count, ...rest } = account;
  return { ...rest, totpEnrolled: totpSecret !== null, activeSessions: _count.sessions };
}

// ---- Agencies ----------------------------------------------------------------------------

async function districtExists(territoryId: string): Promise<boolean> {
  const prisma = await getPrisma();
  const territory = await prisma.territory.findUnique({ where: { id: territoryId }, select: { kind: true } });
  return territory !== null && (territory.kind === "district" || territory.kind === "city");
}

export async function createAgency(call: Caller & { data: AgencyFormData }): Promise<CommandResult> {
  const id = newId();
  const audit: AuditPlan = { action: "admin.agency_create", record: { type: "agency", id }, fields: ["type", "territoryId", "nameRu", "nameKy", "nameEn"] };
  await authorize(call, "agency.create", audit);
  if (!(await districtExists(call.data.territoryId))) return fieldError("territoryId", "admin.error.territory.unknown");
  const prisma = await getPrisma();
  // The code is a stable handle for imports and seeds; new agencies simply reuse their id.
  await auditedWrite(call, audit, () => prisma.agency.create({ data: { id, code: id, ...call.data } }));
  return { ok: true, id };
}

export async function updateAgency(call: Caller & { agencyId: string; data: AgencyFormData }): Promise<CommandResult> {
  const record = { type: "agency" as const, id: call.agencyId };
  await authorize(call, "agency.update", { action: "admin.agency_update", record });
  const prisma = await getPrisma();
  const before = await prisma.agency.findUnique({ where: { id: call.agencyId }, select: { type: true, territoryId: true, ...names } });
  if (!before) throw notFound();
  if (!(await districtExists(call.data.territoryId))) return fieldError("territoryId", "admin.error.territory.unknown");
  const fields = changedFields(before, call.data);
  if (fields.length === 0) return { ok: true, id: call.agencyId };
  await auditedWrite(call, { action: "admin.agency_update", record, fields }, () => prisma.agency.update({ where: { id: call.agencyId }, data: call.data }));
  return { ok: true, id: call.agencyId };
}

/** Disabling an agency signs all its people out at once (their sessions are deleted). */
export async function setAgencyStatus(call: Caller & { agencyId: string; status: RecordStatus }): Promise<CommandResult> {
  const record = { type: "agency" as const, id: call.agencyId };
  const audit: AuditPlan = { action: "admin.agency_update", record, fields: ["status"] };
  const action = call.status === "disabled" ? "agency.disable" : "agency.enable";
  await authorize(call, action, audit);
  const refused = await refuseSelfLockout(call, action, { agencyId: call.agencyId }, audit, "admin.error.selfLockout.agency");
  if (refused) return refused;
  const prisma = await getPrisma();
  const before = await prisma.agency.findUnique({ where: { id: call.agencyId }, select: { status: true } });
  if (!before) throw notFound();
  if (before.status === call.status) return { ok: true, id: call.agencyId };
  await auditedWrite(call, audit, () =>
    prisma.$transaction([
      prisma.agency.update({ where: { id: call.agencyId }, data: { status: call.status } }),
      ...(call.status === "disabled" ? [prisma.session.deleteMany({ where: { user: { agencyId: call.agencyId } } })] : []),
    ]),
  );
  return { ok: true, id: call.agencyId };
}

// ---- Users -------------------------------------------------------------------------------

async function activeAgencyExists(agencyId: string): Promise<boolean> {
  const prisma = await getPrisma();
  const agency = await prisma.agency.findUnique({ where: { id: agencyId }, select: { status: true } });
  return agency?.status === "active";
}

export type CreateUserInput = { username: string; displayName: string; agencyId: string; roles: RoleName[]; password: string };

export async function createUser(call: Caller & { data: CreateUserInput }): Promise<CommandResult> {
  const id = newId();
  const { data } = call;
  const audit: AuditPlan = {
    action: "admin.user_create",
    record: { type: "user", id },
    // Field names only; "password" says one was set, never what it is.
    fields: ["username", "displayName", "agencyId", "roles", "password"],
  };
  await authorize(call, "user.create", audit);
  const fieldErrors: FieldErrors = {};
  const prisma = await getPrisma();
  if (!(await activeAgencyExists(data.agencyId))) fieldErrors.agencyId = "admin.error.agency.unknown";
  if (await prisma.user.findUnique({ where: { username: data.username }, select: { id: true } })) fieldErrors.username = "admin.error.username.taken";
  const passwordError = checkPasswordPolicy(data.password, { username: data.username });
  if (passwordError) fieldErrors.password = passwordError;
  if (data.roles.length === 0) fieldErrors.roles = "admin.error.roles.required";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const passwordHash = await hashPassword(data.password);
  try {
    await auditedWrite(call, audit, () =>
      prisma.user.create({
        data: { id, username: data.username, displayName: data.displayName, agencyId: data.agencyId, roles: data.roles as Role[], passwordHash },
      }),
    );
  } catch (error) {
    // Two admins creating the same username at once: the unique index decides.
    if (isUniqueViolation(error)) return fieldError("username", "admin.error.username.taken");
    throw error;
  }
  return { ok: true, id };
}

async function existingUser(userId: string) {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, agencyId: true, roles: true, status: true },
  });
  if (!user) throw notFound();
  return user;
}

export async function updateUserDetails(call: Caller & { userId: string; data: { displayName: string; agencyId: string } }): Promise<CommandResult> {
  const record = { type: "user" as const, id: call.userId };
  await authorize(call, "user.update", { action: "admin.user_update", record });
  const before = await existingUser(call.userId);
  const fields = changedFields(before, call.data);
  if (fields.length === 0) return { ok: true, id: call.userId };
  if (fields.includes("agencyId") && !(await activeAgencyExists(call.data.agencyId))) {
    return fieldError("agencyId", "admin.error.agency.unknown");
  }
  const prisma = await getPrisma();
  await auditedWrite(call, { action: "admin.user_update", record, fields }, () => prisma.user.update({ where: { id: call.userId }, data: call.data }));
  return { ok: true, id: call.userId };
}

export async function setUserRoles(call: Caller & { userId: string; roles: RoleName[] }): Promise<CommandResult> {
  const record = { type: "user" as const, id: call.userId };
  const audit: AuditPlan = { action: "admin.user_roles", record, fields: ["roles"] };
  await authorize(call, "user.assignRoles", audit);
  if (call.roles.length === 0) return fieldError("roles", "admin.error.roles.required");
  const refused = await refuseSelfLockout(call, "user.assignRoles", { userId: call.userId, roles: call.roles }, audit, "admin.error.selfLockout.adminRole");
  if (refused) return refused;
  const before = await existingUser(call.userId);
  if (changedFields({ roles: [...before.roles].sort() }, { roles: [...call.roles].sort() }).length === 0) return { ok: true, id: call.userId };
  const prisma = await getPrisma();
  await auditedWrite(call, audit, () => prisma.user.update({ where: { id: call.userId }, data: { roles: call.roles as Role[] } }));
  return { ok: true, id: call.userId };
}

/** Disabling deletes every session of the user: an open browser is signed out on its next request. */
export async function setUserStatus(call: Caller & { userId: string; status: RecordStatus }): Promise<CommandResult> {
  const record = { type: "user" as const, id: call.userId };
  const disabling = call.status === "disabled";
  const audit: AuditPlan = { action: disabling ? "admin.user_disable" : "admin.user_enable", record, fields: ["status"] };
  await authorize(call, disabling ? "user.disable" : "user.enable", audit);
  if (disabling) {
    const refused = await refuseSelfLockout(call, "user.disable", { userId: call.userId }, audit, "admin.error.selfLockout.disable");
    if (refused) return refused;
  }
  const before = await existingUser(call.userId);
  if (before.status === call.status) return { ok: true, id: call.userId };
  const prisma = await getPrisma();
  await auditedWrite(call, audit, () =>
    prisma.$transaction([
      prisma.user.update({ where: { id: call.userId }, data: { status: call.status } }),
      ...(disabling ? [prisma.session.deleteMany({ where: { userId: call.userId } })] : []),
    ]),
  );
  return { ok: true, id: call.userId };
}

/**
 * Sets a new password chosen by the admin and ends the user's sessions. The TOTP secret is
 * untouched: the next sign-in still asks for a code, so a reset never bypasses the second factor.
 */
export async function resetUserPassword(call: Caller & { userId: string; password: string }): Promise<CommandResult> {
  const record = { type: "user" as const, id: call.userId };
  const audit: AuditPlan = { action: "admin.user_reset_password", record, fields: ["password"] };
  await authorize(call, "user.resetPassword", audit);
  const before = await existingUser(call.userId);
  const passwordError = checkPasswordPolicy(call.password, { username: before.username });
  if (passwordError) return { ok: false, fieldErrors: { password: passwordError } };
  const passwordHash = await hashPassword(call.password);
  const prisma = await getPrisma();
  await auditedWrite(call, audit, () =>
    prisma.$transaction([
      prisma.user.update({ where: { id: call.userId }, data: { passwordHash } }),
      prisma.session.deleteMany({ where: { userId: call.userId } }),
    ]),
  );
  // The usual reason for a reset is a forgotten password, often after a lockout: lift it.
  await resetBucket(rateLimitKeys.username(before.username));
  return { ok: true, id: call.userId };
}

/** Forgets the authenticator: the next sign-in goes through enrolment. Sessions end now. */
export async function resetUserTotp(call: Caller & { userId: string }): Promise<CommandResult> {
  const record = { type: "user" as const, id: call.userId };
  const audit: AuditPlan = { action: "admin.user_reset_totp", record, fields: ["totpSecret", "totpPendingSecret", "totpLastStep"] };
  await authorize(call, "user.resetTotp", audit);
  await existingUser(call.userId);
  const prisma = await getPrisma();
  await auditedWrite(call, audit, () =>
    prisma.$transaction([
      prisma.user.update({ where: { id: call.userId }, data: { totpSecret: null, totpPendingSecret: null, totpLastStep: null } }),
      prisma.session.deleteMany({ where: { userId: call.userId } }),
    ]),
  );
  // A lock from wrong codes on the lost authenticator should not block the new enrolment.
  await resetBucket(rateLimitKeys.totp(call.userId));
  return { ok: true, id: call.userId };
}
