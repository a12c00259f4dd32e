import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { AgencyOptions, useFieldError } from "~/modules/admin/admin.components";
import { createUserSchema, roleField, rolesOf, type RoleField } from "~/modules/admin/admin.schema";
import { adminFormOptions, createUser } from "~/modules/admin/admin.server";
import { RoleCheckboxes } from "~/modules/admin/RoleCheckboxes";
import { parseForm, type FieldErrors } from "~/server/forms.server";
import { ROLES, type RoleName } from "~policies/roles";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const { agencies } = await adminFormOptions(caller);
  // ?agency=<id> preselects the agency (the link from an agency's page).
  const preselected = new URL(request.url).searchParams.get("agency");
  return json({ agencies, preselected: agencies.some((agency) => agency.id === preselected && agency.status === "active") ? preselected : null });
}

/** What the form shows again after a refused post without JavaScript. Never the password. */
type KeptValues = { username: string; displayName: string; agencyId: string; roles: RoleName[] };
type ActionData = { fieldErrors: FieldErrors; formError?: MessageKey; values?: KeptValues };

export async function action({ request, context }: ActionFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const form = await parseForm(request, createUserSchema);
  if (!form.ok) return json<ActionData>({ fieldErrors: form.fieldErrors, formError: form.formError }, 400);
  const { username, displayName, agencyId, password } = form.data;
  const roles = rolesOf(form.data);
  const result = await createUser({ ...caller, data: { username, displayName, agencyId, roles, password } });
  if (!result.ok) {
    return json<ActionData>({ fieldErrors: result.fieldErrors, formError: result.formError, values: { username, displayName, agencyId, roles } }, 400);
  }
  throw redirect(`/admin/users/${result.id}?done=userCreated`);
}

export default function NewUser() {
  const { t } = useTranslation();
  const { agencies, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const kept = actionData?.values;
  const form = useForm({
    resolver: zodResolver(createUserSchema),
    defaultValues: {
      username: kept?.username ?? "",
      displayName: kept?.displayName ?? "",
      agencyId: kept?.agencyId ?? preselected ?? "",
      ...(Object.fromEntries(ROLES.map((role) => [roleField(role), kept?.roles.includes(role) ?? false])) as Record<RoleField, boolean>),
      password: "",
      passwordConfirm: "",
    },
  });
  const error = useFieldError(form.formState.errors, actionData?.fieldErrors);
  return (
    <div className="page page-form">
      <p className="eyebrow">
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("admin.user.new")}</h1>
      <ValidatedForm form={form} className="stack">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <TextField
          {...form.register("username")}
          label={t("admin.field.username")}
          hint={t("admin.field.usernameHint")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={error("username")}
        />
        <TextField {...form.register("displayName")} label={t("admin.field.displayName")} autoComplete="off" error={error("displayName")} />
        <SelectField {...form.register("agencyId")} label={t("admin.field.agency")} error={error("agencyId")}>
          <option value="">{t("admin.select.choose")}</option>
          <AgencyOptions agencies={agencies} activeOnly />
        </SelectField>
        <RoleCheckboxes form={form} error={error("roles")} />
        <TextField
          {...form.register("password")}
          type="password"
          label={t("admin.field.initialPassword")}
          hint={t("admin.field.passwordHint")}
          autoComplete="new-password"
          error={error("password")}
        />
        <TextField
          {...form.register("passwordConfirm")}
          type="password"
          label={t("admin.field.passwordConfirm")}
          autoComplete="new-password"
          error={error("passwordConfirm")}
        />
        <p className="muted">{t("admin.user.enrolNote")}</p>
        <button type="submit" className="button-primary">
          {t("admin.user.create")}
        </button>
      </ValidatedForm>
    </div>
  );
}
