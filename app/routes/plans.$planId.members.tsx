import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { PlanForm, UserOptions, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { authorizedPlan, planCommandAction } from "~/modules/support-plans/plan-route.server";
import { addMember } from "~/modules/support-plans/plan-team.server";
import { addMemberSchema, ROLE_MAX } from "~/modules/support-plans/support-plans.schema";
import { memberChoices } from "~/modules/support-plans/plan-choices.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** The lead adds a team member (any agency of the district) with their role in the plan. */
export async function loader(args: LoaderFunctionArgs) {
  const { planId, facts } = await authorizedPlan(args, "add_member");
  return json({ planId, version: facts.version, users: await memberChoices(facts) });
}

export const action = (args: ActionFunctionArgs) => planCommandAction(args, addMemberSchema, addMember);

export default function AddMember() {
  const { planId, version, users } = useLoaderData<typeof loader>();
  const { t, form, actionData, error } = usePlanForm({ schema: addMemberSchema, defaults: { userId: "", roleInPlan: "" }, version });
  return (
    <div className="page">
      <h1>{t("plan.member.title")}</h1>
      <PlanForm plan={planId} form={form} actionData={actionData} submitLabel={t("plan.member.submit")}>
        <SelectField {...form.register("userId")} label={t("plan.member.user")} error={error("userId")}>
          <option value="">{t("plan.choose")}</option>
          <UserOptions users={users} />
        </SelectField>
        <TextField
          {...form.register("roleInPlan")}
          label={t("plan.member.role")}
          hint={t("plan.member.roleHint")}
          maxLength={ROLE_MAX}
          error={error("roleInPlan")}
        />
      </PlanForm>
    </div>
  );
}
