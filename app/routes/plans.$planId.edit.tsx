import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlanForm, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { PlanNarrativeFields } from "~/modules/support-plans/PlanNarrativeFields";
import { authorizedPlan, planCommandAction } from "~/modules/support-plans/plan-route.server";
import { editPlan } from "~/modules/support-plans/plan-lifecycle.server";
import { editPlanSchema } from "~/modules/support-plans/support-plans.schema";
import { readPlan } from "~/modules/support-plans/support-plans.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** Grounds, family involvement, the child's view and the review interval (lead and team). */
export async function loader(args: LoaderFunctionArgs) {
  const { user, context, planId } = await authorizedPlan(args, "update");
  return json({ plan: await readPlan({ user, context, planId }) });
}

export const action = (args: ActionFunctionArgs) => planCommandAction(args, editPlanSchema, editPlan);

export default function EditPlan() {
  const { plan } = useLoaderData<typeof loader>();
  const { t, form, actionData, error } = usePlanForm({
    schema: editPlanSchema,
    defaults: {
      groundsOther: plan.groundsOther ?? "",
      parentInvolvement: plan.parentInvolvement ?? "",
      childView: plan.childView ?? "",
      reviewIntervalMonths: String(plan.reviewIntervalMonths),
      ...Object.fromEntries(plan.grounds.map((ground) => [`ground_${ground}`, "on"])),
    },
    version: plan.version,
  });
  return (
    <div className="page">
      <p className="eyebrow">{plan.childName ?? t("plan.view.title")}</p>
      <h1>{t("plan.edit.title")}</h1>
      <PlanForm plan={plan.id} form={form} actionData={actionData} submitLabel={t("plan.edit.submit")}>
        <PlanNarrativeFields t={t} form={form} error={error} />
      </PlanForm>
    </div>
  );
}
