/**
 * Normalisation of search input before it is blind-indexed. Two spellings a person would call
 * "the same name" must give the same string, so the HMAC matches:
 *
 * - Unicode NFKC (composed "Ё" and "Е" + combining diaeresis agree; full-width digits become ASCII);
 * - lower case (Russian rules);
 * - invisible characters removed (zero-width space/joiners, soft hyphen, BOM), dashes unified;
 * - Cyrillic/Latin lookalikes folded to one script: names typed on a mixed keyboard layout
 *   ("Аsаnоv" with Cyrillic а/о) match the Latin spelling;
 * - Kyrgyz letters folded to the Russian keyboard letters people type when the Kyrgyz layout is
 *   missing (ө→о, ү→у, ң→н), and ё→е as Russian records do;
 * - trimmed, runs of whitespace collapsed to one space.
 *
 * Folding only ever merges spellings: a search can return a few extra candidates (they are
 * re-checked and policy-filtered by the caller), never miss a person written differently.
 */

/** Cyrillic letters and their Latin twins, both folded to the Latin letter. */
const LOOKALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  с: "c",
  е: "e",
  ё: "e",
  н: "h",
  і: "i",
  ј: "j",
  к: "k",
  м: "m",
  о: "o",
  р: "p",
  ѕ: "s",
  т: "t",
  у: "y",
  х: "x",
  // Kyrgyz letters typed on a Russian layout, then folded like the letter typed instead.
  ө: "o",
  ү: "y",
  ң: "h",
  // Latin letters that are not in the Cyrillic alphabet but look like Kyrgyz ones.
  ɵ: "o",
};

const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const FOLDABLE = new RegExp(`[${Object.keys(LOOKALIKES).join("")}]`, "g");

/** A name or other short text, normalised for exact matching. Empty when nothing is left. */
export function normaliseText(value: string): string {
  return value
    .normalize("NFKC")
    .toLocaleLowerCase("ru")
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(DASHES, "-")
    .replace(FOLDABLE, (letter) => LOOKALIKES[letter])
    .replace(/\s+/gu, " ")
    .trim();
}

/** A personal identification number: its digits only (spaces, dashes and the like ignored). */
export function normalisePin(value: string): string {
  return value.normalize("NFKC").replace(/\D/g, "");
}

/**
 * A birth date as ISO yyyy-mm-dd. Accepts ISO and DD.MM.YYYY (as typed in the forms); anything
 * else is kept as normalised text, so it still matches only itself.
 */
export function normaliseBirthDate(value: string): string {
  const text = value.normalize("NFKC").trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return `${iso[1]}-${iso[2].padStart(2, "0")}-${iso[3].padStart(2, "0")}`;
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  if (dotted) return `${dotted[3]}-${dotted[2].padStart(2, "0")}-${dotted[1].padStart(2, "0")}`;
  return normaliseText(text);
}

export const NORMALISERS = { text: normaliseText, pin: normalisePin, date: normaliseBirthDate } as const;
export type NormaliserName = keyof typeof NORMALISERS;
