import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import { localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import {
  ConflictNotice,
  fieldErrorOf,
  planResolver,
  TextAreaField,
  useConflictVersion,
  type PlanFormActionData,
  type PlanFormValues,
} from "~/modules/support-plans/PlanComponents";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import { addGoal, updateGoal } from "~/modules/support-plans/support-plan-commands.server";
import { GOAL_STATUSES, goalSchema, newGoalSchema, TEXT_MAX, todayIso } from "~/modules/support-plans/support-plans.schema";
import { authorizePlan, goalAgencyChoices, readPlan, teamChoices } from "~/modules/support-plans/support-plans.server";
import { deny, requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** A goal: /plans/:planId/goals/new adds one (plan version), /plans/:planId/goals/:goalId edits it (goal version). */
const goalIdOf = (value: string | undefined) => (value === "new" ? null : idParam(value));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const goalId = goalIdOf(params.goalId);
  const facts = await authorizePlan(user, context, planId, "update");
  const plan = await readPlan({ user, context, planId });
  const goal = goalId ? plan.goals.find((candidate) => candidate.id === goalId) : null;
  if (goalId && !goal) return deny(user, context, { type: "support_plan_goal", id: goalId });
  const [agencies, team] = await Promise.all([goalAgencyChoices(facts), teamChoices(facts)]);
  return json({ planId, childName: plan.childName, planVersion: plan.version, goal: goal ?? null, agencies, team, today: todayIso() });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const goalId = goalIdOf(params.goalId);
  const values = await submittedValues(request);
  const form = await parseForm(request, goalId ? goalSchema : newGoalSchema);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError);
  const result = goalId ? await updateGoal({ user, context, planId, goalId, input: form.data }) : await addGoal({ user, context, planId, input: form.data });
  if (!result.ok) return commandRefused(result, values);
  throw redirect(`/plans/${planId}?saved`);
}

export default function GoalPage() {
  const { t, locale } = useTranslation();
  const { planId, childName, planVersion, goal, agencies, team, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const current: PlanFormValues = goal
    ? { text: goal.text, responsibleAgencyId: goal.responsibleAgencyId, responsibleUserId: goal.responsibleUserId ?? "", dueDate: goal.dueDate, status: goal.status, notDoneReason: goal.notDoneReason ?? "" }
    : { text: "", responsibleAgencyId: "", responsibleUserId: "", dueDate: "", status: "planned", notDoneReason: "" };
  const form = useForm<PlanFormValues>({
    resolver: planResolver(goal ? goalSchema : newGoalSchema),
    defaultValues: { ...current, ...actionData?.values, version: String(actionData?.conflict?.version ?? (goal ? goal.version : planVersion)) },
  });
  useConflictVersion(form, actionData);
  const error = fieldErrorOf(t, form, actionData);
  return (
    <div className="page">
      <p className="eyebrow">{childName ?? t("plan.view.title")}</p>
      <h1>{t(goal ? "plan.goal.title.edit" : "plan.goal.title.new")}</h1>
      <ConflictNotice t={t} conflict={actionData?.conflict} kind={goal ? "goal" : "plan"} />
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <input type="hidden" {...form.register("version")} />
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
          {team.map((user) => (
            <option key={user.id} value={user.id}>
              {`${user.displayName} — ${localName(user.agency, locale)}`}
            </option>
          ))}
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
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("plan.goal.submit")}
          </button>
          <Link to={`/plans/${planId}`}>{t("plan.view.back")}</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}
