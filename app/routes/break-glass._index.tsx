import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { refusedFields, refusedForm } from "~/kit/form-action.server";
import { signedIn } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";
import { breakGlassRequestSchema } from "~/modules/break-glass/break-glass.schema";
import { openBreakGlass } from "~/modules/break-glass/break-glass.server";
import { activeGrantsOf } from "~/modules/break-glass/grants.server";
import { getEnv } from "~/server/env.server";
import { parseForm } from "~/server/forms.server";

export async function loader(args: LoaderFunctionArgs) {
  const { user } = await signedIn(args, "people");
  const opened = new URL(args.request.url).searchParams.get("opened");
  const grants = await activeGrantsOf(user.id);
  return json({ minutes: getEnv().KAMKOR_BREAK_GLASS_MINUTES, opened: opened === null ? null : Number(opened) || 0, grants });
}

export async function action(args: ActionFunctionArgs) {
  const caller = await signedIn(args, "people");
  const form = await parseForm(args.request, breakGlassRequestSchema);
  if (!form.ok) return refusedFields({}, form.fieldErrors, form.formError);
  const result = await openBreakGlass({ ...caller, ...form.data });
  if (!result.ok) return refusedForm({}, result);
  if (result.personIds.length === 1) throw redirect(`/people/${result.personIds[0]}`);
  throw redirect(`/break-glass?opened=${result.personIds.length}`);
}

export default function BreakGlass() {
  const { t } = useTranslation();
  const { minutes, opened, grants } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const form = useForm({
    resolver: zodResolver(breakGlassRequestSchema),
    defaultValues: { pin: "", surname: "", birthDate: "", reason: "", password: "" },
  });
  const fieldError = (name: "pin" | "surname" | "birthDate" | "reason" | "password") => {
    const key = (form.formState.errors[name]?.message ?? actionData?.fieldErrors[name]) as MessageKey | undefined;
    return key ? t(key) : undefined;
  };
  return (
    <div className="page">
      <h1>{t("breakGlass.title")}</h1>
      <p className="notice notice-warning">{t("breakGlass.intro", { minutes })}</p>
      {opened !== null ? (
        <p role="status" className="notice">
          {opened === 0 ? t("breakGlass.noneFound") : t("breakGlass.opened", { count: opened })}
        </p>
      ) : null}
      {grants.length > 0 ? (
        <ul className="result-list">
          {grants.map((grant) => (
            <li key={grant.id}>
              <Link to={`/people/${grant.recordId}`}>{t("people.open")}</Link> <span className="muted">{grant.recordId}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <ValidatedForm form={form} className="stack">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <fieldset>
          <legend>{t("breakGlass.who")}</legend>
          <TextField {...form.register("pin")} label={t("people.pin")} inputMode="numeric" autoComplete="off" error={fieldError("pin")} />
          <TextField {...form.register("surname")} label={t("people.surname")} autoComplete="off" error={fieldError("surname")} />
          <TextField
            {...form.register("birthDate")}
            label={t("people.birthDate")}
            hint={t("people.birthDateHint")}
            inputMode="numeric"
            autoComplete="off"
            error={fieldError("birthDate")}
          />
        </fieldset>
        <div className="field">
          <label htmlFor="field-reason">{t("breakGlass.reason")}</label>
          <p className="field-hint" id="field-reason-hint">
            {t("breakGlass.reasonHint")}
          </p>
          <textarea
            id="field-reason"
            {...form.register("reason")}
            rows={4}
            aria-describedby={fieldError("reason") ? "field-reason-hint field-reason-error" : "field-reason-hint"}
            aria-invalid={fieldError("reason") ? true : undefined}
          />
          {fieldError("reason") ? (
            <p className="field-error" id="field-reason-error" role="alert">
              {fieldError("reason")}
            </p>
          ) : null}
        </div>
        <TextField
          {...form.register("password")}
          type="password"
          label={t("breakGlass.password")}
          autoComplete="current-password"
          error={fieldError("password")}
        />
        <div>
          <button type="submit" className="button-danger">
            {t("breakGlass.submit")}
          </button>
        </div>
      </ValidatedForm>
    </div>
  );
}
