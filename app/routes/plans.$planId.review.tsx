import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import type { MessageKey } from "~/i18n/i18n";
import { ClosureFields } from "~/modules/support-plans/ClosureFields";
import { PlanForm, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { authorizedPlan, planCommandAction } from "~/modules/support-plans/plan-route.server";
import { recordReview } from "~/modules/support-plans/plan-closure.server";
import { NOTE_MAX, REVIEW_DECISIONS, reviewSchema, RISK_RATINGS, todayIso } from "~/modules/support-plans/support-plans.schema";
import { districtChoices } from "~/modules/support-plans/plan-choices.server";
import { actorOf } from "~/server/authorization.server";
import { mayActOnPlan } from "~policies/support-plan.policy";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** A review: progress, risk, decision; the lead's "request closure" also needs the closure reason. */
export async function loader(args: LoaderFunctionArgs) {
  const { user, planId, facts } = await authorizedPlan(args, "record_review");
  const mayRequestClosure = mayActOnPlan(actorOf(user), "request_closure", facts);
  return json({ planId, version: facts.version, mayRequestClosure, districts: mayRequestClosure ? await districtChoices() : [], today: todayIso() });
}

export const action = (args: ActionFunctionArgs) => planCommandAction(args, reviewSchema, recordReview);

export default function ReviewPage() {
  const { planId, version, mayRequestClosure, districts, today } = useLoaderData<typeof loader>();
  const { t, form, actionData, error } = usePlanForm({
    schema: reviewSchema,
    defaults: {
      reviewedOn: today,
      progressNote: "",
      riskRating: "",
      decision: "continue",
      closureReason: "",
      closureJustification: "",
      transferTerritoryId: "",
    },
    version,
  });
  const decisions = REVIEW_DECISIONS.filter((decision) => decision !== "request_closure" || mayRequestClosure);
  return (
    <div className="page">
      <h1>{t("plan.review.title")}</h1>
      <PlanForm plan={planId} form={form} actionData={actionData} submitLabel={t("plan.review.submit")}>
        <TextField {...form.register("reviewedOn")} type="date" max={today} label={t("plan.review.reviewedOn")} error={error("reviewedOn")} />
        <TextAreaField {...form.register("progressNote")} label={t("plan.review.progressNote")} maxLength={NOTE_MAX} error={error("progressNote")} />
        <SelectField {...form.register("riskRating")} label={t("plan.review.riskRating")} error={error("riskRating")}>
          <option value="">{t("plan.choose")}</option>
          {RISK_RATINGS.map((risk) => (
            <option key={risk} value={risk}>
              {t(`plan.risk.${risk}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField {...form.register("decision")} label={t("plan.review.decision")} error={error("decision")}>
          {decisions.map((decision) => (
            <option key={decision} value={decision}>
              {t(`plan.decision.${decision}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        {mayRequestClosure ? (
          <fieldset>
            <legend>{t("plan.view.closure")}</legend>
            <p className="field-hint">{t("plan.review.closureHint")}</p>
            <ClosureFields t={t} form={form} error={error} districts={districts} optional />
          </fieldset>
        ) : null}
      </PlanForm>
    </div>
  );
}
