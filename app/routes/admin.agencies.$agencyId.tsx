import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ValidatedForm } from "~/components/ValidatedForm";
import { localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { refusedFields, refusedForm } from "~/kit/form-action.server";
import { idParam, signedIn } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";
import { AccessToggle, DoneNotice, StatusBadge, useFieldError } from "~/modules/admin/admin.components";
import { agencyActionSchema, agencyDetailsSchema } from "~/modules/admin/admin.schema";
import { adminFormOptions, getAgency, setAgencyStatus, updateAgency } from "~/modules/admin/admin.server";
import { AgencyFields } from "~/modules/admin/AgencyFields";
import { parseForm } from "~/server/forms.server";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

const DONE = {
  agencyCreated: "admin.done.agencyCreated",
  saved: "admin.done.saved",
  disabled: "admin.done.agencyDisabled",
  enabled: "admin.done.agencyEnabled",
} as const satisfies Record<string, MessageKey>;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const agency = await getAgency({ ...caller, agencyId: idParam(params.agencyId) });
  const { districts } = await adminFormOptions(caller);
  const done = new URL(request.url).searchParams.get("done") ?? "";
  return json({ agency, districts, done: done in DONE ? DONE[done as keyof typeof DONE] : null, ownAgency: agency.id === caller.user.agency.id });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const agencyId = idParam(params.agencyId);
  const form = await parseForm(request, agencyActionSchema);
  if (!form.ok) return refusedFields({}, form.fieldErrors, form.formError);
  const { intent } = form.data;
  let result;
  if (form.data.intent === "details") {
    const { intent: _intent, ...fields } = form.data;
    result = await updateAgency({ ...caller, agencyId, data: fields });
  } else {
    result = await setAgencyStatus({ ...caller, agencyId, status: form.data.intent === "disable" ? "disabled" : "active" });
  }
  if (!result.ok) return refusedForm({}, result, intent);
  const done = intent === "details" ? "saved" : intent === "disable" ? "disabled" : "enabled";
  throw redirect(`/admin/agencies/${agencyId}?done=${done}`);
}

export default function EditAgency() {
  const { t, locale } = useTranslation();
  const { agency, districts, done, ownAgency } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const form = useForm<z.infer<typeof agencyDetailsSchema>>({
    resolver: zodResolver(agencyDetailsSchema),
    values: { intent: "details", type: agency.type, territoryId: agency.territoryId, nameRu: agency.nameRu, nameKy: agency.nameKy, nameEn: agency.nameEn },
  });
  const detailsErrors = !actionData?.intent || actionData.intent === "details" ? actionData?.fieldErrors : undefined;
  const error = useFieldError(form.formState.errors, detailsErrors);
  const statusError = actionData?.intent && actionData.intent !== "details" ? actionData.formError : undefined;
  return (
    <div className="page page-form">
      <p className="eyebrow">
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{localName(agency, locale)}</h1>
      <p>
        <StatusBadge status={agency.status} /> {t("admin.agency.userCount", { count: agency.userCount })}{" "}
        <Link to={`/admin?agency=${agency.id}#users-heading`}>{t("admin.agency.showUsers")}</Link>
      </p>
      <DoneNotice message={done ? t(done) : null} />

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("admin.agency.details")}</h2>
        <ValidatedForm form={form} className="stack">
          {actionData?.formError && !actionData.intent ? (
            <p className="form-error" role="alert">
              {t(actionData.formError)}
            </p>
          ) : null}
          <input type="hidden" {...form.register("intent")} />
          <AgencyFields form={form} districts={districts} error={error} />
          <button type="submit" className="button-primary">
            {t("admin.save")}
          </button>
        </ValidatedForm>
      </section>

      <section aria-labelledby="status-heading">
        <h2 id="status-heading">{t("admin.field.status")}</h2>
        {statusError ? (
          <p className="form-error" role="alert">
            {t(statusError)}
          </p>
        ) : null}
        <AccessToggle
          active={agency.status === "active"}
          blockedReason={ownAgency ? t("admin.agency.ownAgency") : undefined}
          hint={t("admin.agency.disableHint")}
          disable={{
            label: t("admin.agency.disable"),
            title: t("admin.agency.disableConfirmTitle"),
            description: t("admin.agency.disableConfirmText", { count: agency.userCount }),
            cancelLabel: t("admin.cancel"),
          }}
          enableLabel={t("admin.agency.enable")}
        />
      </section>
    </div>
  );
}
