import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, isLocale, translator, type Locale } from "./i18n";

/** The locale chosen by the root loader, and a translate function for it. */
export function useTranslation(): { locale: Locale; t: ReturnType<typeof translator> } {
  const data = useRouteLoaderData<{ locale?: string }>("root");
  const locale = isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
  return { locale, t: translator(locale) };
}
