import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { ValidatedForm } from "~/components/ValidatedForm";
import { useTranslation } from "~/i18n/use-translation";
import { refusedFields, refusedForm } from "~/kit/form-action.server";
import { signedIn } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";
import { useFieldError } from "~/modules/admin/admin.components";
import { agencySchema, type AgencyFormData } from "~/modules/admin/admin.schema";
import { adminFormOptions, createAgency } from "~/modules/admin/admin.server";
import { AgencyFields } from "~/modules/admin/AgencyFields";
import { parseForm } from "~/server/forms.server";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const { districts } = await adminFormOptions(caller);
  return json({ districts });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const caller = await signedIn({ request, context }, "admin");
  const form = await parseForm(request, agencySchema);
  if (!form.ok) return refusedFields({}, form.fieldErrors, form.formError);
  const result = await createAgency({ ...caller, data: form.data });
  if (!result.ok) return refusedForm({}, result);
  throw redirect(`/admin/agencies/${result.id}?done=agencyCreated`);
}

export default function NewAgency() {
  const { t } = useTranslation();
  const { districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
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
