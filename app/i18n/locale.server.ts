import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./i18n";
import { readCookie, serializeCookie } from "~/server/cookies.server";

export const LOCALE_COOKIE = "kamkor_lang";

/** The user's explicit choice (cookie) wins, then the browser's Accept-Language, then Russian. */
export function resolveLocale(request: Request): Locale {
  const chosen = readCookie(request, LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return fromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}

export function fromAcceptLanguage(header: string | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { language: tag.trim().split("-")[0], quality: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.language).find((language): language is Locale => isLocale(language));
}

export function localeCookie(locale: Locale): string {
  // Not secret, so readable over plain HTTP in demo mode too; one year.
  return serializeCookie(LOCALE_COOKIE, locale, { maxAge: 60 * 60 * 24 * 365, httpOnly: true });
}

export { LOCALES };
