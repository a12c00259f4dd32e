import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { TotpCodeForm } from "~/components/TotpCodeForm";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { totpCodeSchema } from "~/modules/auth/sign-in.schema";
import { clearSessionCookie, requirePendingSession } from "~/server/auth/session.server";
import { confirmEnrolment, endSessionIfTotpLocked, pendingEnrolmentSecret } from "~/server/auth/sign-in.server";
import { otpauthUri } from "~/server/auth/totp.server";
import { parseForm } from "~/server/forms.server";

/** A staff account without TOTP must enrol before it can see anything. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requirePendingSession(request, "enrol");
  if (await endSessionIfTotpLocked(session, { context })) throw lockedOut();
  const secret = await pendingEnrolmentSecret(session.user.id);
  const qrCode = await QRCode.toDataURL(otpauthUri(secret, session.user.username), { margin: 1, width: 240 });
  return json({ secret, qrCode }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePendingSession(request, "enrol");
  const form = await parseForm(request, totpCodeSchema);
  if (!form.ok) return json({ error: (form.fieldErrors.code ?? "error.badRequest") as MessageKey }, 400);
  const result = await confirmEnrolment(session, form.data.code, { context });
  if (!result.ok && result.reason === "locked") throw lockedOut();
  if (!result.ok) return json({ error: "totp.error.invalid" as MessageKey }, 400);
  throw redirect("/home", { headers: { "Set-Cookie": result.setCookie } });
}

/** Too many wrong codes: the pending session is gone; back to the start with the message. */
function lockedOut(): Response {
  return redirect("/login?locked=totp", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export default function Enrol() {
  const { t } = useTranslation();
  const { secret, qrCode } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t("enrol.title")}</h1>
      <p>{t("enrol.intro")}</p>
      <h2>{t("enrol.step.scan")}</h2>
      <img src={qrCode} alt={t("enrol.qrAlt")} width={240} height={240} className="qr-code" />
      <p>
        {t("enrol.secret")}:{" "}
        <code className="secret" data-testid="totp-secret">
          {secret.match(/.{1,4}/g)?.join(" ")}
        </code>
      </p>
      <h2>{t("enrol.step.confirm")}</h2>
      <TotpCodeForm submitLabel={t("enrol.submit")} serverError={actionData?.error} />
    </div>
  );
}
