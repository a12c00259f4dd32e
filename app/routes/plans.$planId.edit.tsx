import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { ValidatedForm } from "~/components/ValidatedForm";
import { useTranslation } from "~/i18n/use-translation";
import { ConflictNotice, fieldErrorOf, planResolver, useConflictVersion, type PlanFormActionData, type PlanFormValues } from "~/modules/support-plans/PlanComponents";
import { PlanNarrativeFields } from "~/modules/support-plans/PlanNarrativeFields";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import { editPlan } from "~/modules/support-plans/support-plan-commands.server";
import { editPlanSchema } from "~/modules/support-plans/support-plans.schema";
import { authorizePlan, readPlan } from "~/modules/support-plans/support-plans.server";
import { requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** Grounds, family involvement, the child's view and the review interval (lead and team). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  await authorizePlan(user, context, planId, "update");
  const plan = await readPlan({ user, context, planId });
  return json({ plan });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const values = await submittedValues(request);
  const form = await parseForm(request, editPlanSchema);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError);
  const result = await editPlan({ user, context, planId, input: form.data });
  if (!result.ok) return commandRefused(result, values);
  throw redirect(`/plans/${planId}?saved`);
}

export default function EditPlan() {
  const { t } = useTranslation();
  const { plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const current: PlanFormValues = {
    groundsOther: plan.groundsOther ?? "",
    parentInvolvement: plan.parentInvolvement ?? "",
    childView: plan.childView ?? "",
    reviewIntervalMonths: String(plan.reviewIntervalMonths),
    ...Object.fromEntries(plan.grounds.map((ground) => [`ground_${ground}`, "on"])),
  };
  const form = useForm<PlanFormValues>({
    resolver: planResolver(editPlanSchema),
    defaultValues: { ...(actionData?.values ?? current), version: String(actionData?.conflict?.version ?? plan.version) },
  });
  useConflictVersion(form, actionData);
  const error = fieldErrorOf(t, form, actionData);
  return (
    <div className="page">
      <p className="eyebrow">{plan.childName ?? t("plan.view.title")}</p>
      <h1>{t("plan.edit.title")}</h1>
      <ConflictNotice t={t} conflict={actionData?.conflict} />
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <input type="hidden" {...form.register("version")} />
        <PlanNarrativeFields t={t} form={form} error={error} />
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("plan.edit.submit")}
          </button>
          <Link to={`/plans/${plan.id}`}>{t("plan.view.back")}</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}
