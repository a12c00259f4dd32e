import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { ConfirmButton } from "~/components/ConfirmButton";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { formAction, refusedFields, submittedValues } from "~/kit/form-action.server";
import type { FormActionData } from "~/kit/results";
import { ConflictNotice } from "~/modules/support-plans/PlanComponents";
import { ClosureSummary, PlanSummary, useLocalNames } from "~/modules/support-plans/PlanFacts";
import { planRequest, savedPlanHref, type PlanCommand } from "~/modules/support-plans/plan-route.server";
import { approveClosure, reopenPlan, returnClosure } from "~/modules/support-plans/plan-closure.server";
import { acceptProposal, activatePlan } from "~/modules/support-plans/plan-lifecycle.server";
import { removeMember } from "~/modules/support-plans/plan-team.server";
import { PLAN_INTENTS, planIntentSchemas, type PlanIntent } from "~/modules/support-plans/support-plans.schema";
import { readPlan } from "~/modules/support-plans/support-plans.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** A plan's overview with the one-button actions (accept, activate, remove member, closure decision, reopen). */
export async function loader(args: LoaderFunctionArgs) {
  const plan = await readPlan(await planRequest(args));
  return json({ plan, saved: new URL(args.request.url).searchParams.has("saved") });
}

/** Each one-button form names its command by `intent`; the command authorises. */
const INTENT_COMMANDS: { [I in PlanIntent]: PlanCommand<z.output<(typeof planIntentSchemas)[I]>> } = {
  accept: acceptProposal,
  activate: activatePlan,
  removeMember,
  approveClosure,
  returnClosure,
  reopen: reopenPlan,
};

export async function action(args: ActionFunctionArgs) {
  const plan = await planRequest(args);
  const values = await submittedValues(args.request);
  const intent = values.intent as PlanIntent;
  if (!PLAN_INTENTS.includes(intent)) return refusedFields(values, {}, "error.badRequest");
  const command = INTENT_COMMANDS[intent] as PlanCommand<unknown>;
  // After a closure decision the supervisor may no longer see the plan's actions: stay on it anyway.
  return formAction(args.request, {
    schema: planIntentSchemas[intent],
    intent,
    run: (input) => command({ ...plan, input }),
    next: () => savedPlanHref(plan.planId),
  });
}

export default function PlanPage() {
  const { t } = useTranslation();
  const { plan, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const can = (action: string) => (plan.actions as string[]).includes(action);
  const sees = (field: string) => (plan.fields as string[]).includes(field);
  const version = String(actionData?.conflict?.version ?? plan.version);
  const errorFor = (intent: string, name: string) => {
    const key = actionData?.intent === intent ? actionData.fieldErrors[name] : undefined;
    return key ? t(key) : undefined;
  };
  const names = useLocalNames();
  const hidden = 9 - plan.fields.length;
  return (
    <div className="page">
      <p className="eyebrow">{t("plan.view.title")}</p>
      <h1>{plan.childName ?? t("plan.view.title")}</h1>
      {saved ? (
        <p role="status" className="notice">
          {t("plan.saved")}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      <ConflictNotice t={t} conflict={actionData?.conflict} />
      {plan.isProposal ? <p className="notice">{t("plan.view.proposalNotice")}</p> : null}

      <PlanSummary plan={plan} />
      {hidden > 0 ? <p className="muted">{t("plan.view.hiddenFields")}</p> : null}

      <section aria-labelledby="plan-actions">
        <h2 id="plan-actions">{t("plan.view.actions")}</h2>
        <ul className="plain-list actions">
          {can("update") ? (
            <li>
              <Link to="edit">{t("plan.view.edit")}</Link>
            </li>
          ) : null}
          {can("record_review") ? (
            <li>
              <Link to="review">{t("plan.view.recordReview")}</Link>
            </li>
          ) : null}
          {can("request_closure") ? (
            <li>
              <Link to="closure">{t("plan.view.requestClosure")}</Link>
            </li>
          ) : null}
          {can("transfer") ? (
            <li>
              <Link to="transfer">{t("plan.view.transfer")}</Link>
            </li>
          ) : null}
          {can("print") ? (
            <li>
              <Link to="print">{t("plan.view.print")}</Link>
            </li>
          ) : null}
        </ul>
        {can("accept") ? (
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="accept" />
            <input type="hidden" name="version" value={version} />
            <TextField
              name="proposerRole"
              label={t("plan.accept.proposerRole")}
              defaultValue={t("plan.accept.proposerRoleDefault")}
              maxLength={200}
              error={errorFor("accept", "proposerRole")}
            />
            <div>
              <button type="submit" className="button-primary">
                {t("plan.accept")}
              </button>
            </div>
          </Form>
        ) : null}
        {can("activate") ? (
          <Form method="post">
            <input type="hidden" name="intent" value="activate" />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="button-primary">
              {t("plan.activate")}
            </button>
          </Form>
        ) : null}
        {can("decide_closure") ? (
          <div className="stack">
            <ConfirmButton
              intent="approveClosure"
              fields={{ version }}
              label={t("plan.closure.approve")}
              title={t("plan.closure.approveTitle")}
              description={t("plan.closure.approveDescription")}
              confirmLabel={t("plan.closure.approve")}
              cancelLabel={t("plan.confirm.cancel")}
            >
              <TextAreaField
                name="comment"
                id="field-approve-comment"
                label={t("plan.closure.comment")}
                rows={2}
                maxLength={2000}
                error={errorFor("approveClosure", "comment")}
              />
            </ConfirmButton>
            <ConfirmButton
              intent="returnClosure"
              fields={{ version }}
              label={t("plan.closure.return")}
              title={t("plan.closure.returnTitle")}
              description={t("plan.closure.returnDescription")}
              confirmLabel={t("plan.closure.return")}
              cancelLabel={t("plan.confirm.cancel")}
            >
              <TextAreaField
                name="comment"
                id="field-return-comment"
                label={t("plan.closure.returnComment")}
                rows={2}
                maxLength={2000}
                error={errorFor("returnClosure", "comment")}
              />
            </ConfirmButton>
          </div>
        ) : null}
        {can("reopen") ? (
          <ConfirmButton
            intent="reopen"
            fields={{ version }}
            label={t("plan.reopen")}
            title={t("plan.reopen.title")}
            description={t("plan.reopen.description")}
            confirmLabel={t("plan.reopen")}
            cancelLabel={t("plan.confirm.cancel")}
          />
        ) : null}
      </section>

      {plan.closure ? (
        <section aria-labelledby="plan-closure">
          <h2 id="plan-closure">{t("plan.view.closure")}</h2>
          <ClosureSummary closure={plan.closure} />
          {plan.closure.requestedAt && plan.status === "closure_requested" ? (
            <p>{t("plan.closure.requested", { date: formatDate(plan.closure.requestedAt), name: plan.closure.requestedBy ?? "" })}</p>
          ) : null}
          {plan.closure.closedAt ? <p>{t("plan.closure.closed", { date: formatDate(plan.closure.closedAt), name: plan.closure.closedBy ?? "" })}</p> : null}
        </section>
      ) : null}

      {sees("team") ? (
        <section aria-labelledby="plan-team">
          <h2 id="plan-team">{t("plan.view.team")}</h2>
          {plan.team.length === 0 ? <p className="muted">{t("plan.view.noTeam")}</p> : null}
          <ul className="result-list">
            {plan.team.map((member) => (
              <li key={member.id}>
                <strong>{member.displayName}</strong>, {names(member.agency)} — <span className="preserve-lines">{member.roleInPlan}</span>
                {can("remove_member") ? (
                  <ConfirmButton
                    intent="removeMember"
                    fields={{ version, memberId: member.id }}
                    label={t("plan.member.remove")}
                    title={t("plan.member.removeTitle")}
                    description={t("plan.member.removeDescription")}
                    confirmLabel={t("plan.member.remove")}
                    cancelLabel={t("plan.confirm.cancel")}
                    danger
                  />
                ) : null}
              </li>
            ))}
          </ul>
          {can("add_member") ? <Link to="members">{t("plan.view.addMember")}</Link> : null}
        </section>
      ) : null}

      {sees("goals") ? (
        <section aria-labelledby="plan-goals">
          <h2 id="plan-goals">{t("plan.view.goals")}</h2>
          {plan.goals.length === 0 ? <p className="muted">{t("plan.view.noGoals")}</p> : null}
          <ul className="result-list">
            {plan.goals.map((goal) => (
              <li key={goal.id}>
                <p className="preserve-lines">{goal.text}</p>
                <p className="small">
                  {t("plan.goal.status")}: {t(`plan.goalStatus.${goal.status}` as MessageKey)} · {t("plan.view.dueDate")}: {formatDate(goal.dueDate)} ·{" "}
                  {t("plan.view.responsible")}: {names(goal.responsibleAgency)}
                  {goal.responsibleUser ? `, ${goal.responsibleUser}` : ""}
                </p>
                {goal.notDoneReason ? <p className="small preserve-lines">{goal.notDoneReason}</p> : null}
                {can("update") ? <Link to={`goals/${goal.id}`}>{t("plan.view.editGoal")}</Link> : null}
              </li>
            ))}
          </ul>
          {can("update") ? <Link to="goals/new">{t("plan.view.addGoal")}</Link> : null}
        </section>
      ) : null}

      {sees("reviews") ? (
        <section aria-labelledby="plan-reviews">
          <h2 id="plan-reviews">{t("plan.view.reviews")}</h2>
          {plan.reviews.length === 0 ? <p className="muted">{t("plan.view.noReviews")}</p> : null}
          <ul className="result-list">
            {plan.reviews.map((review) => (
              <li key={review.id}>
                <p className="small">
                  {formatDate(review.reviewedOn)} · {t("plan.view.reviewBy")}: {review.author} · {t("plan.view.riskRating")}:{" "}
                  {t(`plan.risk.${review.riskRating}` as MessageKey)} · {t("plan.view.decision")}: {t(`plan.decision.${review.decision}` as MessageKey)}
                </p>
                <p className="preserve-lines">{review.progressNote}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
