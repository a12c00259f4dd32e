import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate, formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { PlanSummary, useLocalNames } from "~/modules/support-plans/PlanFacts";
import { planRequest } from "~/modules/support-plans/plan-route.server";
import { readPlan } from "~/modules/support-plans/support-plans.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/**
 * The plan as an A4 document for signatures, in the user's language, with only what this user
 * may see (the same view as the plan page). Opening it is audited as "support_plan.print".
 * Screenings never appear here (no screening data is read).
 */
export async function loader(args: LoaderFunctionArgs) {
  const request = await planRequest(args);
  const plan = await readPlan({ ...request, purpose: "print" });
  return json({ plan, printedBy: request.user.displayName, printedAt: new Date().toISOString() });
}

export default function PrintPlan() {
  const { t } = useTranslation();
  const { plan, printedBy, printedAt } = useLoaderData<typeof loader>();
  const sees = (field: string) => (plan.fields as string[]).includes(field);
  const names = useLocalNames();
  return (
    <article className="page print-document">
      <div className="no-print actions">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t("plan.print.button")}
        </button>
        <Link to={`/plans/${plan.id}`}>{t("plan.view.back")}</Link>
      </div>
      <h1>{t("plan.print.title")}</h1>
      <PlanSummary plan={plan} print />
      {sees("team") && plan.team.length > 0 ? (
        <section>
          <h2>{t("plan.view.team")}</h2>
          <ul>
            {plan.team.map((member) => (
              <li key={member.id}>
                {member.displayName}, {names(member.agency)} — <span className="preserve-lines">{member.roleInPlan}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {sees("goals") ? (
        <section>
          <h2>{t("plan.view.goals")}</h2>
          {plan.goals.length === 0 ? <p>{t("plan.view.noGoals")}</p> : null}
          <ol>
            {plan.goals.map((goal) => (
              <li key={goal.id}>
                <p className="preserve-lines">{goal.text}</p>
                <p className="small">
                  {t(`plan.goalStatus.${goal.status}` as MessageKey)} · {t("plan.view.dueDate")}: {formatDate(goal.dueDate)} · {t("plan.view.responsible")}:{" "}
                  {names(goal.responsibleAgency)}
                  {goal.responsibleUser ? `, ${goal.responsibleUser}` : ""}
                </p>
                {goal.notDoneReason ? <p className="small preserve-lines">{goal.notDoneReason}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {sees("reviews") && plan.reviews.length > 0 ? (
        <section>
          <h2>{t("plan.view.reviews")}</h2>
          {plan.reviews.map((review) => (
            <div key={review.id}>
              <p className="small">
                {formatDate(review.reviewedOn)} · {review.author} · {t("plan.view.riskRating")}: {t(`plan.risk.${review.riskRating}` as MessageKey)} ·{" "}
                {t("plan.view.decision")}: {t(`plan.decision.${review.decision}` as MessageKey)}
              </p>
              <p className="preserve-lines">{review.progressNote}</p>
            </div>
          ))}
        </section>
      ) : null}
      {plan.closure?.reason ? (
        <section>
          <h2>{t("plan.view.closure")}</h2>
          <p>{t(`plan.reason.${plan.closure.reason}` as MessageKey)}</p>
          {plan.closure.transferTerritory ? <p>{`${t("plan.closure.transferTerritory")}: ${names(plan.closure.transferTerritory)}`}</p> : null}
          {plan.closure.justification ? <p className="preserve-lines">{plan.closure.justification}</p> : null}
        </section>
      ) : null}
      <section>
        <h2>{t("plan.print.signatures")}</h2>
        <div className="print-signatures">
          {[plan.lead.displayName, ...(sees("team") ? plan.team.map((member) => member.displayName) : [])].map((name, index) => (
            <div key={`${name}-${index}`} className="print-signature-line">
              {name} — {t("plan.print.signature")}
            </div>
          ))}
        </div>
      </section>
      <p className="small">{t("plan.print.printed", { date: formatDateTime(printedAt), name: printedBy })}</p>
    </article>
  );
}
