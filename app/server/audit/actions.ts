/**
 * Audit action names, defined once. Add new actions here; the auditor UI lists them.
 * Naming: <area>.<verb>, past tense not needed — the decision says what happened.
 */
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.totp",
  "auth.enrol",
  "auth.sign_out",
  "auth.locked_out",
  "person.read",
  "person.search",
  "person.create",
  "person.update",
  "record.read_denied",
  "break_glass.open",
  "break_glass.review",
  "audit.search",
  "audit.export",
  "audit.person_access_report",
  "admin.agency_create",
  "admin.agency_update",
  "admin.user_create",
  "admin.user_update",
  "admin.user_disable",
  "admin.user_enable",
  "admin.user_reset_password",
  "admin.user_reset_totp",
  "admin.user_roles",
  "encryption.decrypt_failed",
  "keys.rotate",
  "keys.reencrypt",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
