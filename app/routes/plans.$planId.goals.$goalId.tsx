import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import { localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { PlanForm, UserOptions, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { formAction } from "~/kit/form-action.server";
import { idParam } from "~/kit/request.server";
import { goalAgencyChoices, teamChoices } from "~/modules/support-plans/plan-choices.server";
import { authorizePlan } from "~/modules/support-plans/plan-facts.server";
import { planRequest, savedPlanHref } from "~/modules/support-plans/plan-route.server";
import { addGoal, updateGoal } from "~/modules/support-plans/plan-goals.server";
import { GOAL_STATUSES, goalSchema, newGoalSchema, TEXT_MAX, todayIso } from "~/modules/support-plans/support-plans.schema";
import { readPlan } from "~/modules/support-plans/support-plans.server";
import { deny } from "~/server/authorization.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** A goal: /plans/:planId/goals/new adds one (plan version), /plans/:planId/goals/:goalId edits it (goal version). */
const goalIdOf = (value: string | undefined) => (value === "new" ? null : idParam(value));

export async function loader(args: LoaderFunctionArgs) {
  const request = await planRequest(args);
  const goalId = goalIdOf(args.params.goalId);
  const facts = await authorizePlan(request, request.planId, "update");
  const plan = await readPlan(request);
  const { planId } = request;
  const goal = goalId ? plan.goals.find((candidate) => candidate.id === goalId) : null;
  if (goalId && !goal) return deny(request.user, request.context, { type: "support_plan_goal", id: goalId });
  const [agencies, team] = await Promise.all([goalAgencyChoices(facts), teamChoices(facts)]);
  return json({ planId, childName: plan.childName, planVersion: plan.version, goal: goal ?? null, agencies, team, today: todayIso() });
}

export async function action(args: ActionFunctionArgs) {
  const plan = await planRequest(args);
  const goalId = goalIdOf(args.params.goalId);
  return formAction(args.request, {
    schema: goalId ? goalSchema : newGoalSchema,
    run: (input) => (goalId ? updateGoal({ ...plan, goalId, input }) : addGoal({ ...plan, input })),
    next: () => savedPlanHref(plan.planId),
  });
}

export default function GoalPage() {
  const { locale } = useTranslation();
  const { planId, childName, planVersion, goal, agencies, team, today } = useLoaderData<typeof loader>();
  const { t, form, actionData, error } = usePlanForm({
    schema: goal ? goalSchema : newGoalSchema,
    defaults: goal
      ? {
          text: goal.text,
          responsibleAgencyId: goal.responsibleAgencyId,
          responsibleUserId: goal.responsibleUserId ?? "",
          dueDate: goal.dueDate,
          status: goal.status,
          notDoneReason: goal.notDoneReason ?? "",
        }
      : { text: "", responsibleAgencyId: "", responsibleUserId: "", dueDate: "", status: "planned", notDoneReason: "" },
    version: goal ? goal.version : planVersion,
  });
  return (
    <div className="page">
      <p className="eyebrow">{childName ?? t("plan.view.title")}</p>
      <h1>{t(goal ? "plan.goal.title.edit" : "plan.goal.title.new")}</h1>
      <PlanForm plan={planId} form={form} actionData={actionData} submitLabel={t("plan.goal.submit")} conflictKind={goal ? "goal" : "plan"}>
        <TextAreaField {...form.register("text")} label={t("plan.goal.text")} maxLength={TEXT_MAX} error={error("text")} />
        <SelectField {...form.register("responsibleAgencyId")} label={t("plan.goal.responsibleAgency")} error={error("responsibleAgencyId")}>
          <option value="">{t("plan.choose")}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {localName(agency, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField {...form.register("responsibleUserId")} label={t("plan.goal.responsibleUser")} error={error("responsibleUserId")}>
          <option value="">{t("plan.goal.noUser")}</option>
          <UserOptions users={team} />
        </SelectField>
        <TextField {...form.register("dueDate")} type="date" min={goal ? undefined : today} label={t("plan.goal.dueDate")} error={error("dueDate")} />
        <SelectField {...form.register("status")} label={t("plan.goal.status")} error={error("status")}>
          {GOAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`plan.goalStatus.${status}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <TextAreaField {...form.register("notDoneReason")} label={t("plan.goal.notDoneReason")} rows={2} maxLength={TEXT_MAX} error={error("notDoneReason")} />
      </PlanForm>
    </div>
  );
}
