import { z } from "zod";

/**
 * Zod field builders every module's form schema shares. Messages are catalogue keys (the kit's
 * own in kit.messages.ts unless a module passes its own). Text is stored as typed and escaped by
 * React on output; control characters are refused (they forge lines in logs and exports).
 */

export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function requiredText(requiredKey: string, max: number) {
  return z
    .string({ required_error: requiredKey, invalid_type_error: requiredKey })
    .trim()
    .min(1, requiredKey)
    .max(max, "form.error.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "form.error.controlCharacters");
}

/** Empty → null; otherwise bounded text. */
export function optionalText(max: number) {
  return z
    .string({ invalid_type_error: "error.badRequest" })
    .trim()
    .max(max, "form.error.tooLong")
    .refine((value) => !CONTROL_CHARACTERS.test(value), "form.error.controlCharacters")
    .optional()
    .transform((value) => (value ? value : null));
}

export function recordIdField(key: string) {
  return z.string({ required_error: key, invalid_type_error: key }).trim().uuid(key);
}

/** A checkbox: "on" when ticked (react-hook-form sends true), absent otherwise. */
export const checkbox = z
  .preprocess((value) => (value === true || value === "on" ? "on" : undefined), z.literal("on").optional())
  .transform((value) => value === "on");

export function choice<const T extends readonly [string, ...string[]]>(values: T, key: string) {
  return z.enum(values, { errorMap: () => ({ message: key }) });
}

/** Kyrgyzstan keeps UTC+6 all year (no daylight saving): Bishkek wall-clock time ↔ UTC. */
const BISHKEK_OFFSET_MS = 6 * 60 * 60 * 1000;

/** `<input type="datetime-local">` (YYYY-MM-DDTHH:mm, Bishkek time) → the instant; null if impossible. */
export function parseBishkekDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute));
  if (wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return new Date(wall.getTime() - BISHKEK_OFFSET_MS);
}

/** The instant as a `datetime-local` value in Bishkek time. */
export function toBishkekDateTimeInput(at: Date): string {
  return new Date(at.getTime() + BISHKEK_OFFSET_MS).toISOString().slice(0, 16);
}

/** A required Bishkek date and time (not in the future: records say what happened). */
export function pastDateTime(requiredKey: string) {
  return z
    .string({ required_error: requiredKey, invalid_type_error: requiredKey })
    .trim()
    .min(1, requiredKey)
    .transform((value, ctx) => {
      const at = parseBishkekDateTime(value);
      if (!at) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.error.dateTime" });
        return z.NEVER;
      }
      // A minute of slack for clocks and the time it takes to submit.
      if (at.getTime() > Date.now() + 60_000) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "form.error.future" });
        return z.NEVER;
      }
      return at;
    });
}
