import type { MessageKey } from "~/i18n/i18n";
import { codePointLength, PASSWORD_MAX_CODE_POINTS, PASSWORD_MIN_CODE_POINTS } from "~/modules/admin/admin.schema";
import commonPasswords from "./common-passwords.json";

/**
 * The password policy for passwords set by an administrator (ASVS 6.2): 12–128 characters
 * counted as Unicode code points, every character allowed (spaces and emoji included, no
 * composition rules), not a well-known password, and not containing the username.
 * The common list holds only entries long enough to pass the length rule; it is compared
 * after NFKC and lower-casing, so "Password1234" is caught by "password1234".
 */
const COMMON = new Set((commonPasswords as string[]).map(normalise));

function normalise(value: string): string {
  return value.normalize("NFKC").toLowerCase();
}

export function checkPasswordPolicy(password: string, context: { username?: string } = {}): MessageKey | null {
  const length = codePointLength(password);
  if (length < PASSWORD_MIN_CODE_POINTS) return "admin.error.password.short";
  if (length > PASSWORD_MAX_CODE_POINTS) return "admin.error.password.long";
  const normalised = normalise(password);
  if (COMMON.has(normalised) || COMMON.has(normalised.trim())) return "admin.error.password.common";
  const username = context.username ? normalise(context.username.trim()) : "";
  if (username.length >= 3 && normalised.includes(username)) return "admin.error.password.containsUsername";
  return null;
}

/** For tests: how many entries the shipped list has. */
export const COMMON_PASSWORD_COUNT = COMMON.size;
