import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ConfirmButton } from "~/components/ConfirmButton";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import { formatDate, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { refusedFields, refusedForm } from "~/kit/form-action.server";
import type { CommandResult, FormActionData } from "~/kit/results";
import { idParam, signedIn } from "~/kit/request.server";
import { AccessToggle, AgencyOptions, DoneNotice, StatusBadge, useFieldError } from "~/modules/admin/admin.components";
import {
  roleField,
  rolesOf,
  type RoleField,
  USER_INTENTS,
  userDetailsSchema,
  userIntentSchema,
  userPasswordSchema,
  userRolesSchema,
  type UserIntent,
} from "~/modules/admin/admin.schema";
import { adminFormOptions, getUser, resetUserPassword, resetUserTotp, setUserRoles, setUserStatus, updateUserDetails } from "~/modules/admin/admin.server";
import { RoleCheckboxes } from "~/modules/admin/RoleCheckboxes";
import { parseForm } from "~/server/forms.server";
import { ROLES } from "~policies/roles";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

const DONE = {
  userCreated: "admin.done.userCreated",
  details: "admin.done.saved",
  roles: "admin.done.roles",
  password: "admin.done.password",
  resetTotp: "admin.done.totp",
  disable: "admin.done.userDisabled",
  enable: "admin.done.userEnabled",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const user = await getUser({ ...caller, userId: idParam(params.userId) });
  const { agencies } = await adminFormOptions(caller);
  const done = new URL(request.url).searchParams.get("done") ?? "";
  return json({ user, agencies, self: user.id === caller.user.id, done: done in DONE ? DONE[done as keyof typeof DONE] : null });
}

function isIntent(value: unknown): value is UserIntent {
  return typeof value === "string" && (USER_INTENTS as readonly string[]).includes(value);
}

/** One page, several small forms: `intent` picks the schema and the command. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const userId = idParam(params.userId);
  let intent: unknown;
  try {
    intent = (await request.clone().formData()).get("intent");
  } catch {
    intent = null;
  }
  if (!isIntent(intent)) return refusedFields({}, {}, "error.badRequest");
  const form = await parseForm(request, userIntentSchema(intent));
  if (!form.ok) return refusedFields({}, form.fieldErrors, form.formError, intent);
  const call = { ...caller, userId };
  let result: CommandResult;
  switch (intent) {
    case "details": {
      const data = form.data as z.infer<typeof userDetailsSchema>;
      result = await updateUserDetails({ ...call, data: { displayName: data.displayName, agencyId: data.agencyId } });
      break;
    }
    case "roles":
      result = await setUserRoles({ ...call, roles: rolesOf(form.data as z.infer<typeof userRolesSchema>) });
      break;
    case "password":
      result = await resetUserPassword({ ...call, password: (form.data as z.infer<typeof userPasswordSchema>).password });
      break;
    case "resetTotp":
      result = await resetUserTotp(call);
      break;
    case "disable":
    case "enable":
      result = await setUserStatus({ ...call, status: intent === "disable" ? "disabled" : "active" });
      break;
  }
  if (!result.ok) return refusedForm({}, result, intent);
  throw redirect(`/admin/users/${userId}?done=${intent}`);
}

export default function EditUser() {
  const { t, locale } = useTranslation();
  const { user, agencies, self, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const errorsFor = (intent: UserIntent) => (actionData?.intent === intent ? actionData : undefined);
  return (
    <div className="page page-form">
      <p className="eyebrow">
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>
        {user.displayName} <span className="muted">({user.username})</span>
      </h1>
      <DoneNotice message={done ? t(done) : null} />
      {actionData && !actionData.intent && actionData.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t("admin.field.status")}</dt>
          <dd>
            <StatusBadge status={user.status} />
          </dd>
        </div>
        <div>
          <dt>{t("admin.field.agency")}</dt>
          <dd>
            <Link to={`/admin/agencies/${user.agency.id}`}>{localName(user.agency, locale)}</Link>
            {user.agency.status === "disabled" ? ` (${t("admin.status.disabled")})` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("admin.field.totp")}</dt>
          <dd>{t(user.totpEnrolled ? "admin.user.totpEnrolled" : "admin.user.totpNotEnrolled")}</dd>
        </div>
        <div>
          <dt>{t("admin.field.sessions")}</dt>
          <dd>{user.activeSessions}</dd>
        </div>
        <div>
          <dt>{t("admin.field.createdAt")}</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </div>
      </dl>

      <DetailsForm user={user} agencies={agencies} actionData={errorsFor("details")} />
      <RolesForm user={user} self={self} actionData={errorsFor("roles")} />
      <PasswordForm actionData={errorsFor("password")} />

      <section aria-labelledby="totp-heading">
        <h2 id="totp-heading">{t("admin.user.totpTitle")}</h2>
        <FormError data={errorsFor("resetTotp")} />
        <p className="muted">{t("admin.user.totpHint")}</p>
        <ConfirmButton
          intent="resetTotp"
          label={t("admin.user.resetTotp")}
          title={t("admin.user.resetTotpConfirmTitle")}
          description={t("admin.user.resetTotpConfirmText", { name: user.displayName })}
          confirmLabel={t("admin.user.resetTotp")}
          cancelLabel={t("admin.cancel")}
          danger
        />
      </section>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("admin.user.accessTitle")}</h2>
        <FormError data={errorsFor("disable") ?? errorsFor("enable")} />
        <AccessToggle
          active={user.status === "active"}
          blockedReason={self ? t("admin.user.cannotDisableSelf") : undefined}
          hint={t("admin.user.disableHint")}
          disable={{
            label: t("admin.user.disable"),
            title: t("admin.user.disableConfirmTitle"),
            description: t("admin.user.disableConfirmText", { name: user.displayName }),
            cancelLabel: t("admin.cancel"),
          }}
          enableLabel={t("admin.user.enable")}
        />
      </section>
    </div>
  );
}

type SectionErrors = FormActionData | undefined;

function FormError({ data }: { data: SectionErrors }) {
  const { t } = useTranslation();
  if (!data?.formError) return null;
  return (
    <p className="form-error" role="alert">
      {t(data.formError)}
    </p>
  );
}

type LoadedUser = ReturnType<typeof useLoaderData<typeof loader>>["user"];
type LoadedAgencies = ReturnType<typeof useLoaderData<typeof loader>>["agencies"];

function DetailsForm({ user, agencies, actionData }: { user: LoadedUser; agencies: LoadedAgencies; actionData: SectionErrors }) {
  const { t } = useTranslation();
  const form = useForm<z.infer<typeof userDetailsSchema>>({
    resolver: zodResolver(userDetailsSchema),
    values: { intent: "details", displayName: user.displayName, agencyId: user.agencyId },
  });
  const error = useFieldError(form.formState.errors, actionData?.fieldErrors);
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t("admin.user.detailsTitle")}</h2>
      <ValidatedForm form={form} className="stack">
        <FormError data={actionData} />
        <input type="hidden" {...form.register("intent")} />
        <TextField {...form.register("displayName")} label={t("admin.field.displayName")} autoComplete="off" error={error("displayName")} />
        <SelectField {...form.register("agencyId")} label={t("admin.field.agency")} error={error("agencyId")}>
          <AgencyOptions agencies={agencies} activeOnly keep={user.agencyId} />
        </SelectField>
        <button type="submit" className="button-primary">
          {t("admin.save")}
        </button>
      </ValidatedForm>
    </section>
  );
}

function RolesForm({ user, self, actionData }: { user: LoadedUser; self: boolean; actionData: SectionErrors }) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(userRolesSchema),
    values: {
      intent: "roles" as const,
      ...(Object.fromEntries(ROLES.map((role) => [roleField(role), user.roles.includes(role)])) as Record<RoleField, boolean>),
    },
  });
  const error = useFieldError(form.formState.errors, actionData?.fieldErrors);
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">{t("admin.user.rolesTitle")}</h2>
      <ValidatedForm form={form} className="stack">
        <FormError data={actionData} />
        <input type="hidden" {...form.register("intent")} />
        <RoleCheckboxes form={form} error={error("roles")} hint={self ? t("admin.user.ownAdminRoleHint") : undefined} />
        <button type="submit" className="button-primary">
          {t("admin.user.saveRoles")}
        </button>
      </ValidatedForm>
    </section>
  );
}

function PasswordForm({ actionData }: { actionData: SectionErrors }) {
  const { t } = useTranslation();
  const form = useForm<z.infer<typeof userPasswordSchema>>({
    resolver: zodResolver(userPasswordSchema),
    defaultValues: { intent: "password", password: "", passwordConfirm: "" },
  });
  const error = useFieldError(form.formState.errors, actionData?.fieldErrors);
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t("admin.user.passwordTitle")}</h2>
      <p className="muted">{t("admin.user.passwordNote")}</p>
      <ValidatedForm form={form} className="stack">
        <FormError data={actionData} />
        <input type="hidden" {...form.register("intent")} />
        <TextField
          {...form.register("password")}
          id="field-new-password"
          type="password"
          label={t("admin.field.newPassword")}
          hint={t("admin.field.passwordHint")}
          autoComplete="new-password"
          error={error("password")}
        />
        <TextField
          {...form.register("passwordConfirm")}
          id="field-new-password-confirm"
          type="password"
          label={t("admin.field.passwordConfirm")}
          autoComplete="new-password"
          error={error("passwordConfirm")}
        />
        <button type="submit" className="button-primary">
          {t("admin.user.setPassword")}
        </button>
      </ValidatedForm>
    </section>
  );
}
