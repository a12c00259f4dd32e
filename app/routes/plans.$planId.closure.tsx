import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { ValidatedForm } from "~/components/ValidatedForm";
import { useTranslation } from "~/i18n/use-translation";
import { ClosureFields } from "~/modules/support-plans/ClosureFields";
import { ConflictNotice, fieldErrorOf, planResolver, useConflictVersion, type PlanFormActionData, type PlanFormValues } from "~/modules/support-plans/PlanComponents";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import { requestClosure } from "~/modules/support-plans/support-plan-commands.server";
import { closureRequestSchema } from "~/modules/support-plans/support-plans.schema";
import { authorizePlan, districtChoices } from "~/modules/support-plans/support-plans.server";
import { requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** The lead asks the district supervisor to close the plan. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const facts = await authorizePlan(user, context, planId, "request_closure");
  return json({ planId, version: facts.version, districts: await districtChoices() });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const values = await submittedValues(request);
  const form = await parseForm(request, closureRequestSchema);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError);
  const result = await requestClosure({ user, context, planId, input: form.data });
  if (!result.ok) return commandRefused(result, values);
  throw redirect(`/plans/${planId}?saved`);
}

export default function ClosurePage() {
  const { t } = useTranslation();
  const { planId, version, districts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const form = useForm<PlanFormValues>({
    resolver: planResolver(closureRequestSchema),
    defaultValues: { closureReason: "", closureJustification: "", transferTerritoryId: "", ...actionData?.values, version: String(actionData?.conflict?.version ?? version) },
  });
  useConflictVersion(form, actionData);
  const error = fieldErrorOf(t, form, actionData);
  return (
    <div className="page">
      <h1>{t("plan.closure.title")}</h1>
      <p className="lead">{t("plan.closure.intro")}</p>
      <ConflictNotice t={t} conflict={actionData?.conflict} />
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <input type="hidden" {...form.register("version")} />
        <ClosureFields t={t} form={form} error={error} districts={districts} />
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("plan.closure.submit")}
          </button>
          <Link to={`/plans/${planId}`}>{t("plan.view.back")}</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}
