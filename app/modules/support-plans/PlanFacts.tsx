import { Fact } from "~/components/Fact";
import { formatDate, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { PlanView } from "./support-plans.server";
import { planStatusLabel } from "./PlanComponents";

/** Shown parts of a plan, shared by the plan page and the printable plan (client-safe: type imports only). */

type Names = { nameRu: string; nameKy: string; nameEn: string };

/** An agency's or territory's name in the user's language ("" when unknown). */
export function useLocalNames() {
  const { locale } = useTranslation();
  return (record: Names | null | undefined) => (record ? localName(record, locale) : "");
}

/** Free text with its line breaks, or "not recorded". */
export function PlanText({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return value ? <span className="preserve-lines">{value}</span> : <span className="muted">{t("plan.view.notRecorded")}</span>;
}

/** Status, grounds, lead, territory, next review and the family fields this viewer may see. */
export function PlanSummary({ plan, print = false }: { plan: PlanView; print?: boolean }) {
  const { t } = useTranslation();
  const names = useLocalNames();
  const sees = (field: string) => (plan.fields as string[]).includes(field);
  return (
    <dl className="facts">
      {print && plan.childName ? <Fact label={t("plan.view.child")}>{plan.childName}</Fact> : null}
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
        {plan.nextReviewDue ? formatDate(plan.nextReviewDue) : "—"}
        {print ? null : ` (${t("plan.view.interval", { months: plan.reviewIntervalMonths })})`}
      </Fact>
      {sees("parentInvolvement") ? (
        <Fact label={t("plan.field.parentInvolvement")}>
          <PlanText value={plan.parentInvolvement} />
        </Fact>
      ) : null}
      {sees("childView") ? (
        <Fact label={t("plan.field.childView")}>
          <PlanText value={plan.childView} />
        </Fact>
      ) : null}
    </dl>
  );
}

/** Reason, the district moved to, justification and the supervisor's comment of a closure. */
export function ClosureSummary({ closure }: { closure: NonNullable<PlanView["closure"]> }) {
  const { t } = useTranslation();
  const names = useLocalNames();
  return (
    <dl className="facts">
      {closure.reason ? <Fact label={t("plan.closure.reason")}>{t(`plan.reason.${closure.reason}` as MessageKey)}</Fact> : null}
      {closure.transferTerritory ? <Fact label={t("plan.closure.transferTerritory")}>{names(closure.transferTerritory)}</Fact> : null}
      {closure.justification ? (
        <Fact label={t("plan.closure.justification")}>
          <PlanText value={closure.justification} />
        </Fact>
      ) : null}
      {closure.decisionComment ? (
        <Fact label={t("plan.closure.decisionComment")}>
          <PlanText value={closure.decisionComment} />
        </Fact>
      ) : null}
    </dl>
  );
}
