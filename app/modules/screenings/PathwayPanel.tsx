import { Link } from "@remix-run/react";
import { formatDate, formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { PathwayState } from "./pathway-state.server";

type SerializedState = PathwayState;

/**
 * The pathway of one screening as its viewer may see it (render with `pathwayStateFor`'s data):
 * the acute checklist stays on top until complete, then the assessment deadline, re-screening
 * and suggested actions. Status viewers see "screening on file" and the follow-up only.
 */
export function PathwayPanel({ state }: { state: SerializedState }) {
  const { t } = useTranslation();
  const href = (suffix: string) => `/screenings/${state.screeningId}/${suffix}`;
  const pending = state.actions.filter((action) => !action.takenAt && !action.dismissedAt).length;
  return (
    <section aria-labelledby="pathway-heading" className="stack" data-testid="pathway">
      <h2 id="pathway-heading">{t("pathway.title")}</h2>
      {state.access === "status" ? <p>{t("pathway.onFile")}</p> : null}
      {state.checklist ? (
        state.checklist.completedAt ? (
          <p>{t("pathway.status.checklistDone", { date: formatDateTime(state.checklist.completedAt) })}</p>
        ) : (
          <div className="notice notice-warning" data-testid="checklist-open">
            <p>
              <strong>{t("pathway.status.checklistOpen")}</strong>
            </p>
            {state.checklist.mayRecord ? (
              <p>
                <Link className="button-primary" to={href("checklist")}>
                  {t("pathway.link.checklist")}
                </Link>
              </p>
            ) : null}
          </div>
        )
      ) : null}
      {state.assessment ? (
        <p className={state.assessment.overdue && !state.assessment.done ? "alert-overdue" : undefined}>
          {state.assessment.dueAt === null
            ? // Status viewers: due / overdue / done, without times (they would tell the result).
              t(
                state.assessment.done
                  ? "pathway.status.followUpDone"
                  : state.assessment.overdue
                    ? "pathway.status.followUpOverdue"
                    : "pathway.status.followUpDue",
              )
            : state.assessment.doneAt
              ? t("pathway.status.assessmentDone", { date: formatDateTime(state.assessment.doneAt) })
              : t(state.assessment.overdue ? "pathway.status.assessmentOverdue" : "pathway.status.assessmentDue", {
                  date: formatDateTime(state.assessment.dueAt),
                })}
        </p>
      ) : (
        <p>{t("pathway.status.noFollowUp")}</p>
      )}
      {state.noAssessor ? (
        <p className="notice notice-warning" data-testid="no-assessor">
          {t("pathway.status.noAssessor")}
        </p>
      ) : null}
      {state.assessment?.mayRecord ? (
        <p>
          <Link className="button-secondary" to={href("assessment")}>
            {t("pathway.link.assessment")}
          </Link>
        </p>
      ) : null}
      {state.rescreenDueAt ? <p>{t("pathway.status.rescreen", { date: formatDate(state.rescreenDueAt) })}</p> : null}
      {state.mayAct && state.actions.length > 0 ? (
        <p>
          <Link className="button-secondary" to={href("actions")}>
            {t("pathway.link.actions")}
            {pending > 0 ? ` (${pending})` : ""}
          </Link>
        </p>
      ) : null}
      {state.referralsToMe.map((referral) => (
        <p key={`${referral.kind}-${referral.takenAt}`}>
          {t("pathway.referralToYou", { kind: t(`pathway.kind.${referral.kind}` as MessageKey), date: formatDate(referral.takenAt) })}
        </p>
      ))}
    </section>
  );
}
