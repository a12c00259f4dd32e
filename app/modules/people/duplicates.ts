import { normaliseText } from "~/server/encryption/normalise";

/**
 * Pure helpers of the duplicate prompt (no database): how two full names are compared. The
 * same normalisation as the blind indexes, so "Асаналиев  нурбек" typed on a mixed keyboard
 * layout is the same name as "АСАНАЛИЕВ Нурбек".
 */

export type FullName = { surname?: string | null; givenName?: string | null; patronymic?: string | null };

/** Normalised "surname given patronymic"; the patronymic is optional on either side. */
export function fullNameKey(name: FullName, withPatronymic = true): string {
  const parts = [name.surname, name.givenName, withPatronymic ? name.patronymic : null];
  return parts
    .map((part) => normaliseText(part ?? ""))
    .filter(Boolean)
    .join(" ");
}

/**
 * Same person by name: surname and given name equal after normalisation, and the patronymics
 * equal when both are recorded (a record made without the patronymic still matches).
 */
export function sameFullName(a: FullName, b: FullName): boolean {
  if (fullNameKey(a, false) === "" || fullNameKey(a, false) !== fullNameKey(b, false)) return false;
  const pa = normaliseText(a.patronymic ?? "");
  const pb = normaliseText(b.patronymic ?? "");
  return pa === "" || pb === "" || pa === pb;
}

export type DuplicateReason = "pin" | "surname_birth" | "name_year";
