import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { passwordStepSchema } from "~/modules/auth/sign-in.schema";
import { loadSession } from "~/server/auth/session.server";
import { passwordStep } from "~/server/auth/sign-in.server";
import { parseForm, type FieldErrors } from "~/server/forms.server";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

/** Public: the sign-in page itself. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await loadSession(request);
  if (session?.stage === "full") throw redirect("/home");
  const url = new URL(request.url);
  // ?locked=totp: the code step ended the pending session after too many wrong codes.
  return json({ signedOut: url.searchParams.has("signedOut"), totpLocked: url.searchParams.get("locked") === "totp" });
}

type ActionData = { fieldErrors: FieldErrors; formError?: MessageKey };

/**
 * Public: checks the password, then hands over to the TOTP (or enrolment) step. Refusals
 * look the same for every username, existing or not: one message for wrong credentials, one
 * for a locked username or a throttled IP.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, passwordStepSchema);
  if (!form.ok) return json<ActionData>({ fieldErrors: form.fieldErrors, formError: form.formError }, 400);
  const previous = await loadSession(request);
  const result = await passwordStep({ ...form.data, previousSessionId: previous?.id }, { context });
  if (!result.ok) {
    if (result.reason === "locked") return json<ActionData>({ fieldErrors: {}, formError: "auth.error.locked" }, 429);
    return json<ActionData>({ fieldErrors: {}, formError: "signIn.error.credentials" }, 400);
  }
  throw redirect(result.next, { headers: { "Set-Cookie": result.setCookie } });
}

export default function SignIn() {
  const { t } = useTranslation();
  const { signedOut, totpLocked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useForm({ resolver: zodResolver(passwordStepSchema), defaultValues: { username: "", password: "" } });
  const errors = form.formState.errors;
  const fieldError = (name: "username" | "password") => {
    const key = (errors[name]?.message ?? actionData?.fieldErrors[name]) as MessageKey | undefined;
    return key ? t(key) : undefined;
  };
  return (
    <div className="narrow">
      <h1>{t("signIn.title")}</h1>
      <p className="lead">{t("app.tagline")}</p>
      {signedOut && !actionData ? (
        <p className="notice" role="status">
          {t("signIn.signedOut")}
        </p>
      ) : null}
      <p>{t("signIn.intro")}</p>
      <ValidatedForm form={form} className="stack">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : totpLocked ? (
          <p className="form-error" role="alert">
            {t("auth.error.totpLocked")}
          </p>
        ) : null}
        <TextField
          {...form.register("username")}
          label={t("signIn.username")}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldError("username")}
        />
        <TextField {...form.register("password")} type="password" label={t("signIn.password")} autoComplete="current-password" error={fieldError("password")} />
        <button type="submit" className="button-primary">
          {t("signIn.submit")}
        </button>
      </ValidatedForm>
    </div>
  );
}
