import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ClosureFields } from "~/modules/support-plans/ClosureFields";
import { PlanForm, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { authorizedPlan, planCommandAction } from "~/modules/support-plans/plan-route.server";
import { requestClosure } from "~/modules/support-plans/plan-closure.server";
import { closureRequestSchema } from "~/modules/support-plans/support-plans.schema";
import { districtChoices } from "~/modules/support-plans/plan-choices.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** The lead asks the district supervisor to close the plan. */
export async function loader(args: LoaderFunctionArgs) {
  const { planId, facts } = await authorizedPlan(args, "request_closure");
  return json({ planId, version: facts.version, districts: await districtChoices() });
}

export const action = (args: ActionFunctionArgs) => planCommandAction(args, closureRequestSchema, requestClosure);

export default function ClosurePage() {
  const { planId, version, districts } = useLoaderData<typeof loader>();
  const { t, form, actionData, error } = usePlanForm({
    schema: closureRequestSchema,
    defaults: { closureReason: "", closureJustification: "", transferTerritoryId: "" },
    version,
  });
  return (
    <div className="page">
      <h1>{t("plan.closure.title")}</h1>
      <p className="lead">{t("plan.closure.intro")}</p>
      <PlanForm plan={planId} form={form} actionData={actionData} submitLabel={t("plan.closure.submit")}>
        <ClosureFields t={t} form={form} error={error} districts={districts} />
      </PlanForm>
    </div>
  );
}
