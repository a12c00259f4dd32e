import { Form, useLocation } from "@remix-run/react";
import { LOCALES } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";

/** Three buttons posting to /language: works without JavaScript and needs no dropdown. */
export function LanguageSwitcher() {
  const { locale, t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="language-switcher" aria-label={t("language.label")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          className={code === locale ? "language-current" : undefined}
        >
          {t(`language.${code}`)}
        </button>
      ))}
    </Form>
  );
}
