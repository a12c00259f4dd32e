import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { PlanForm, UserOptions, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { authorizedPlan, planCommandAction } from "~/modules/support-plans/plan-route.server";
import { transferPlan } from "~/modules/support-plans/plan-transfer.server";
import { transferSchema } from "~/modules/support-plans/support-plans.schema";
import { transferChoices } from "~/modules/support-plans/plan-choices.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** Hand the plan to a lead worker in another district (lead or district supervisor). */
export async function loader(args: LoaderFunctionArgs) {
  const { planId, facts } = await authorizedPlan(args, "transfer");
  return json({ planId, version: facts.version, leads: await transferChoices(facts) });
}

// The previous lead may no longer see the plan: back to the caseload.
export const action = (args: ActionFunctionArgs) => planCommandAction(args, transferSchema, transferPlan, () => "/plans");

export default function TransferPage() {
  const { planId, version, leads } = useLoaderData<typeof loader>();
  const { t, form, actionData, error } = usePlanForm({ schema: transferSchema, defaults: { leadUserId: "" }, version });
  return (
    <div className="page">
      <h1>{t("plan.transfer.title")}</h1>
      <p className="lead">{t("plan.transfer.intro")}</p>
      <PlanForm plan={planId} form={form} actionData={actionData} submitLabel={t("plan.transfer.submit")}>
        <SelectField {...form.register("leadUserId")} label={t("plan.transfer.lead")} error={error("leadUserId")}>
          <option value="">{t("plan.choose")}</option>
          <UserOptions users={leads} />
        </SelectField>
      </PlanForm>
    </div>
  );
}
