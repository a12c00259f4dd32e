import { useSearchParams } from "@remix-run/react";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";

/** The top of a pathway form page: "saved" after a post-redirect-get (`?saved`), or the post's form error. */
export function PathwayNotices({ formError, posted }: { formError?: MessageKey; posted: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <>
      {params.has("saved") && !posted ? (
        <p className="notice" role="status">
          {t("pathway.saved")}
        </p>
      ) : null}
      {formError ? (
        <p className="form-error" role="alert">
          {t(formError)}
        </p>
      ) : null}
    </>
  );
}
