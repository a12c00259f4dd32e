import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmButton } from "~/components/ConfirmButton";
import { Fact } from "~/components/Fact";
import { formatDate, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { ConflictNotice, planStatusLabel, TextAreaField, type PlanFormActionData } from "~/modules/support-plans/PlanComponents";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import {
  acceptProposal,
  activatePlan,
  approveClosure,
  removeMember,
  reopenPlan,
  returnClosure,
} from "~/modules/support-plans/support-plan-commands.server";
import { PLAN_INTENTS, planIntentSchemas, type PlanIntent } from "~/modules/support-plans/support-plans.schema";
import { readPlan } from "~/modules/support-plans/support-plans.server";
import { requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** A plan's overview with the one-button actions (accept, activate, remove member, closure decision, reopen). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const plan = await readPlan({ user, context, planId });
  return json({ plan, saved: new URL(request.url).searchParams.has("saved") });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const values = await submittedValues(request);
  const intent = values.intent as PlanIntent;
  if (!PLAN_INTENTS.includes(intent)) return formRefused(values, {}, "error.badRequest");
  const form = await parseForm(request, planIntentSchemas[intent]);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError, intent);
  const data = form.data as { version: number; memberId?: string; comment?: string | null; proposerRole?: string };
  const base = { user, context, planId };
  const result =
    intent === "accept"
      ? await acceptProposal({ ...base, input: { version: data.version, proposerRole: data.proposerRole! } })
      : intent === "activate"
        ? await activatePlan({ ...base, input: { version: data.version } })
        : intent === "removeMember"
          ? await removeMember({ ...base, input: { version: data.version, memberId: data.memberId! } })
          : intent === "approveClosure"
            ? await approveClosure({ ...base, input: { version: data.version, comment: data.comment ?? null } })
            : intent === "returnClosure"
              ? await returnClosure({ ...base, input: { version: data.version, comment: data.comment! } })
              : await reopenPlan({ ...base, input: { version: data.version } });
  if (!result.ok) return commandRefused(result, values, intent);
  // After a closure decision the supervisor may no longer see the plan's actions: stay on it anyway.
  throw redirect(`/plans/${planId}?saved`);
}

export default function PlanPage() {
  const { t, locale } = useTranslation();
  const { plan, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const can = (action: string) => (plan.actions as string[]).includes(action);
  const sees = (field: string) => (plan.fields as string[]).includes(field);
  const version = String(actionData?.conflict?.version ?? plan.version);
  const errorFor = (intent: string, name: string) => {
    const key = actionData?.intent === intent ? actionData.fieldErrors[name] : undefined;
    return key ? t(key) : undefined;
  };
  const names = (record: { nameRu: string; nameKy: string; nameEn: string } | null) => (record ? localName(record, locale) : "");
  const text = (value: string | null) => (value ? <span className="preserve-lines">{value}</span> : <span className="muted">{t("plan.view.notRecorded")}</span>);
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

      <dl className="facts">
        <Fact label={t("plan.view.status")}>{planStatusLabel(t, plan.status, plan.isProposal)}</Fact>
        <Fact label={t("plan.view.grounds")}>
          {plan.grounds.map((ground) => t(`plan.ground.${ground}` as MessageKey)).join(", ")}
          {plan.groundsOther ? <span className="preserve-lines">{`: ${plan.groundsOther}`}</span> : null}
        </Fact>
        <Fact label={t("plan.view.lead")}>
          {plan.lead.displayName}
          {plan.lead.agency ? `, ${names(plan.lead.agency)}` : ""}
        </Fact>
        <Fact label={t("plan.view.territory")}>{names(plan.territory)}</Fact>
        <Fact label={t("plan.view.nextReview")}>
          {plan.nextReviewDue ? formatDate(plan.nextReviewDue) : "—"} ({t("plan.view.interval", { months: plan.reviewIntervalMonths })})
        </Fact>
        {sees("parentInvolvement") ? <Fact label={t("plan.field.parentInvolvement")}>{text(plan.parentInvolvement)}</Fact> : null}
        {sees("childView") ? <Fact label={t("plan.field.childView")}>{text(plan.childView)}</Fact> : null}
      </dl>
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
            <div className="field">
              <label htmlFor="field-proposerRole">{t("plan.accept.proposerRole")}</label>
              <input
                id="field-proposerRole"
                name="proposerRole"
                defaultValue={t("plan.accept.proposerRoleDefault")}
                maxLength={200}
                aria-invalid={errorFor("accept", "proposerRole") ? true : undefined}
                aria-describedby={errorFor("accept", "proposerRole") ? "field-proposerRole-error" : undefined}
              />
              {errorFor("accept", "proposerRole") ? (
                <p className="field-error" id="field-proposerRole-error" role="alert">
                  {errorFor("accept", "proposerRole")}
                </p>
              ) : null}
            </div>
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
              <TextAreaField name="comment" id="field-approve-comment" label={t("plan.closure.comment")} rows={2} maxLength={2000} error={errorFor("approveClosure", "comment")} />
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
              <TextAreaField name="comment" id="field-return-comment" label={t("plan.closure.returnComment")} rows={2} maxLength={2000} error={errorFor("returnClosure", "comment")} />
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
          <dl className="facts">
            {plan.closure.reason ? <Fact label={t("plan.closure.reason")}>{t(`plan.reason.${plan.closure.reason}` as MessageKey)}</Fact> : null}
            {plan.closure.justification ? <Fact label={t("plan.closure.justification")}>{text(plan.closure.justification)}</Fact> : null}
            {plan.closure.decisionComment ? <Fact label={t("plan.closure.decisionComment")}>{text(plan.closure.decisionComment)}</Fact> : null}
          </dl>
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
                  {formatDate(review.reviewedOn)} · {t("plan.view.reviewBy")}: {review.author} · {t("plan.view.riskRating")}: {t(`plan.risk.${review.riskRating}` as MessageKey)} ·{" "}
                  {t("plan.view.decision")}: {t(`plan.decision.${review.decision}` as MessageKey)}
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
