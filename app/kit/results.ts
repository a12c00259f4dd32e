import type { MessageKey } from "~/i18n/i18n";

/**
 * What every command returns, and what a refused form carries back to the page. One shape for
 * every module, so routes and form components handle refusals the same way. This file holds
 * types and pure helpers only: form components import it on the client too.
 */

/** Field name → catalogue key of the message shown next to that field. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

/** One field as the record holds it now, shown to the second of two writers. */
export type ConflictChange = { field: string; value: string | number | string[] | null };
/** Someone saved the record since this form was loaded: its version now and what it holds. */
export type Conflict = { version: number; changes: ConflictChange[] };

/** Why a command did not happen: field errors, a message for the whole form, or a version conflict. */
export type Refusal = { ok: false; fieldErrors: FieldErrors; formError?: MessageKey; conflict?: Conflict };

/** A command's outcome: `{ ok: true, …T }` (by default the id of the record written) or a refusal. */
export type CommandResult<T extends object = { id: string }> = ({ ok: true } & T) | Refusal;

export function fieldError(field: string, key: MessageKey): Refusal {
  return { ok: false, fieldErrors: { [field]: key } };
}

export function formError(key: MessageKey, fieldErrors: FieldErrors = {}): Refusal {
  return { ok: false, fieldErrors, formError: key };
}

/** A stale version. `formError` names the conflict on pages that do not list the changes. */
export function versionConflict(conflict: Conflict, key?: MessageKey): Refusal {
  return { ok: false, fieldErrors: {}, conflict, formError: key };
}

/** What a refused form action returns to its page (400 field errors, 409 conflict), refilled with what was typed. */
export type FormActionData = Omit<Refusal, "ok"> & { intent?: string; values: Record<string, string> };
