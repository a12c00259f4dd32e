import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { TotpCodeForm } from "~/components/TotpCodeForm";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { totpCodeSchema } from "~/modules/auth/sign-in.schema";
import { clearSessionCookie, requirePendingSession } from "~/server/auth/session.server";
import { endSessionIfTotpLocked, totpStep } from "~/server/auth/sign-in.server";
import { parseForm } from "~/server/forms.server";

/** Authenticates the half-signed-in session (password accepted) before showing the form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePendingSession(request, "totp");
  if (await endSessionIfTotpLocked(session, { context })) throw lockedOut();
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePendingSession(request, "totp");
  const form = await parseForm(request, totpCodeSchema);
  if (!form.ok) return json({ error: (form.fieldErrors.code ?? "error.badRequest") as MessageKey }, 400);
  const result = await totpStep(session, form.data.code, { context });
  if (!result.ok && result.reason === "locked") throw lockedOut();
  if (!result.ok) return json({ error: "totp.error.invalid" as MessageKey }, 400);
  throw redirect("/home", { headers: { "Set-Cookie": result.setCookie } });
}

/** Too many wrong codes: the pending session is gone; back to the start with the message. */
function lockedOut(): Response {
  return redirect("/login?locked=totp", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export default function TotpStep() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t("totp.title")}</h1>
      <p>{t("totp.intro")}</p>
      <TotpCodeForm submitLabel={t("totp.submit")} serverError={actionData?.error} />
      <p>
        <Link to="/login">{t("totp.startOver")}</Link>
      </p>
    </div>
  );
}
