import type { Actor, RoleName } from "./roles";

/**
 * Administration of agencies and users. Pure and synchronous; deny by default: an action not
 * listed here, a null actor or an actor without the admin role gets `false`. Admins manage
 * organisations and accounts only — nothing here opens case content.
 *
 * Some actions also depend on the target, to keep an administrator from locking themselves
 * (and, with them, possibly the last administrator) out: nobody disables their own account,
 * removes their own admin role or disables their own agency.
 */
export const ADMIN_ACTIONS = [
  "agency.list",
  "agency.create",
  "agency.update",
  "agency.disable",
  "agency.enable",
  "user.list",
  "user.create",
  "user.update",
  "user.disable",
  "user.enable",
  "user.resetPassword",
  "user.resetTotp",
  "user.assignRoles",
] as const;

export type AdminAction = (typeof ADMIN_ACTIONS)[number];

/** Who may do each action at all. */
const ALLOWED_ROLES: Record<AdminAction, readonly RoleName[]> = {
  "agency.list": ["admin"],
  "agency.create": ["admin"],
  "agency.update": ["admin"],
  "agency.disable": ["admin"],
  "agency.enable": ["admin"],
  "user.list": ["admin"],
  "user.create": ["admin"],
  "user.update": ["admin"],
  "user.disable": ["admin"],
  "user.enable": ["admin"],
  "user.resetPassword": ["admin"],
  "user.resetTotp": ["admin"],
  "user.assignRoles": ["admin"],
};

/** What an action is done to, when it matters: the user or agency, and the roles to be assigned. */
export type AdminTarget = { userId?: string; agencyId?: string; roles?: readonly RoleName[] };

export function mayAdminister(actor: Actor | null, action: AdminAction, target?: AdminTarget): boolean {
  if (!actor || actor.roles.length === 0) return false;
  const allowed = (ALLOWED_ROLES as Partial<Record<string, readonly RoleName[]>>)[action];
  if (!allowed || !actor.roles.some((role) => allowed.includes(role))) return false;
  if (target === undefined) return true;
  return !isSelfLockout(actor, action, target);
}

/** Whether the action would lock the actor out of administration. */
export function isSelfLockout(actor: Actor, action: AdminAction, target: AdminTarget): boolean {
  switch (action) {
    case "user.disable":
      return target.userId === actor.id;
    case "user.assignRoles":
      return target.userId === actor.id && !(target.roles ?? []).includes("admin");
    case "agency.disable":
      return target.agencyId === actor.agencyId;
    default:
      return false;
  }
}
