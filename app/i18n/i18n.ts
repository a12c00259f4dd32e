import { en } from "./catalogues/en";
import { ky } from "./catalogues/ky";
import { ru, type Catalogue, type MessageKey } from "./catalogues/ru";

export type { MessageKey } from "./catalogues/ru";

export const LOCALES = ["ru", "ky", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "ru";

export const catalogues: Record<Locale, Catalogue> = { ru, ky, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const template = catalogue[key];
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it
// (it was the largest single cost of rendering a 50-row caseload).
const DATE_FORMAT = new Intl.DateTimeFormat("ru-RU", { timeZone: "Asia/Bishkek", day: "2-digit", month: "2-digit", year: "numeric" });
const TIME_FORMAT = new Intl.DateTimeFormat("ru-RU", { timeZone: "Asia/Bishkek", hour: "2-digit", minute: "2-digit", hour12: false });

/** Dates are shown as DD.MM.YYYY in Bishkek time, whatever the language. */
export function formatDate(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return DATE_FORMAT.format(date);
}

/** DD.MM.YYYY HH:mm in Bishkek time. */
export function formatDateTime(value: Date | string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return `${formatDate(date)} ${TIME_FORMAT.format(date)}`;
}

/** Picks the name column that matches the locale from a record with nameRu/nameKy/nameEn. */
export function localName(record: { nameRu: string; nameKy: string; nameEn: string }, locale: Locale): string {
  return locale === "ky" ? record.nameKy : locale === "en" ? record.nameEn : record.nameRu;
}
