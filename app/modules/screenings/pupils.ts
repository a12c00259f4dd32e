import { z } from "zod";
import { normaliseText } from "~/server/encryption/normalise";

/**
 * The school's pupil list (decision 018), pure parts: the query schema, the name filter, the
 * order and the page window. Names are encrypted, so the module decrypts the school's records
 * and hands them here; nothing in this file touches the database.
 */

export const PUPILS_PAGE_SIZE = 50;
export const PUPILS_QUERY_MAX = 100;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** GET /screenings/pupils?q=…&page=… — strict: an unknown parameter refuses the request. */
export const pupilsQuerySchema = z
  .object({
    q: z
      .string()
      .max(PUPILS_QUERY_MAX, "pupils.error.query")
      .refine((value) => !CONTROL_CHARACTERS.test(value), "pupils.error.query")
      .optional()
      .default(""),
    page: z.coerce
      .number({ invalid_type_error: "pupils.error.page" })
      .int("pupils.error.page")
      .min(1, "pupils.error.page")
      .max(10_000, "pupils.error.page")
      .optional()
      .default(1),
  })
  .strict();
export type PupilsQuery = z.infer<typeof pupilsQuerySchema>;

export type PupilName = { id: string; surname: string; givenName: string; patronymic: string | null };

/** The name as shown: surname, given name, patronymic. */
export function pupilFullName(pupil: Pick<PupilName, "surname" | "givenName" | "patronymic">): string {
  return [pupil.surname, pupil.givenName, pupil.patronymic].filter(Boolean).join(" ");
}

/**
 * Does the pupil match the filter? Every word of the query must occur in the full name, after
 * the same normalisation as the registry's search (case, ё/е, Kyrgyz letters typed on a Russian
 * layout, Latin/Cyrillic lookalikes). An empty query matches everyone.
 */
export function matchesPupilFilter(pupil: Pick<PupilName, "surname" | "givenName" | "patronymic">, query: string): boolean {
  const words = normaliseText(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const name = normaliseText(pupilFullName(pupil));
  return words.every((word) => name.includes(word));
}

// One collator for every request and every language: the list is in the order of the names
// as written (Cyrillic, Russian rules), whatever the interface language.
const COLLATOR = new Intl.Collator("ru", { sensitivity: "base", numeric: true });

/** Surname, then given name, then patronymic, then id (a stable order for equal names). */
export function comparePupils(a: PupilName, b: PupilName): number {
  return (
    COLLATOR.compare(a.surname, b.surname) ||
    COLLATOR.compare(a.givenName, b.givenName) ||
    COLLATOR.compare(a.patronymic ?? "", b.patronymic ?? "") ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export type PupilPage<T> = {
  rows: T[];
  /** 1-based; clamped to the last page when the request asked for a page past the end. */
  page: number;
  pageCount: number;
  total: number;
  /** 1-based positions shown ("показаны from–to из total"); 0–0 when empty. */
  from: number;
  to: number;
};

/** Filter, sort and cut one page. `pupils` is not modified. */
export function pupilPage<T extends PupilName>(pupils: readonly T[], query: string, page: number, pageSize = PUPILS_PAGE_SIZE): PupilPage<T> {
  const matching = pupils.filter((pupil) => matchesPupilFilter(pupil, query)).sort(comparePupils);
  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (current - 1) * pageSize;
  const rows = matching.slice(start, start + pageSize);
  return { rows, page: current, pageCount, total, from: total === 0 ? 0 : start + 1, to: start + rows.length };
}

/** The list's own URL with the filter kept (for the pager links). */
export function pupilsHref(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query.trim() !== "") params.set("q", query.trim());
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `/screenings/pupils?${search}` : "/screenings/pupils";
}
