import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { ValidatedForm } from "~/components/ValidatedForm";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { useFieldError } from "~/modules/admin/admin.components";
import { agencySchema, type AgencyFormData } from "~/modules/admin/admin.schema";
import { adminFormOptions, createAgency } from "~/modules/admin/admin.server";
import { AgencyFields } from "~/modules/admin/AgencyFields";
import { requireArea } from "~/server/authorization.server";
import { parseForm, type FieldErrors } from "~/server/forms.server";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireArea(request, context, "admin");
  const { districts } = await adminFormOptions({ actor, context });
  return json({ districts });
}

type ActionData = { fieldErrors: FieldErrors; formError?: MessageKey };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireArea(request, context, "admin");
  const form = await parseForm(request, agencySchema);
  if (!form.ok) return json<ActionData>({ fieldErrors: form.fieldErrors, formError: form.formError }, 400);
  const result = await createAgency({ actor, context, data: form.data });
  if (!result.ok) return json<ActionData>({ fieldErrors: result.fieldErrors, formError: result.formError }, 400);
  throw redirect(`/admin/agencies/${result.id}?done=agencyCreated`);
}

export default function NewAgency() {
  const { t } = useTranslation();
  const { districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = useForm<AgencyFormData>({
    resolver: zodResolver(agencySchema),
    defaultValues: { type: "" as AgencyFormData["type"], territoryId: "", nameRu: "", nameKy: "", nameEn: "" },
  });
  const error = useFieldError(form.formState.errors, actionData?.fieldErrors);
  return (
    <div className="page page-form">
      <p className="eyebrow">
        <Link to="/admin">{t("admin.title")}</Link>
      </p>
      <h1>{t("admin.agency.new")}</h1>
      <ValidatedForm form={form} className="stack">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <AgencyFields form={form} districts={districts} error={error} />
        <button type="submit" className="button-primary">
          {t("admin.agency.create")}
        </button>
      </ValidatedForm>
    </div>
  );
}
