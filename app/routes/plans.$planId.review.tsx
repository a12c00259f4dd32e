import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import type { MessageKey } from "~/i18n/i18n";
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
import { ClosureFields } from "~/modules/support-plans/ClosureFields";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import { recordReview } from "~/modules/support-plans/support-plan-commands.server";
import { NOTE_MAX, REVIEW_DECISIONS, reviewSchema, RISK_RATINGS, todayIso } from "~/modules/support-plans/support-plans.schema";
import { authorizePlan, districtChoices } from "~/modules/support-plans/support-plans.server";
import { actorOf, requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";
import { mayActOnPlan } from "~policies/support-plan.policy";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** A review: progress, risk, decision; the lead's "request closure" also needs the closure reason. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const facts = await authorizePlan(user, context, planId, "record_review");
  const mayRequestClosure = mayActOnPlan(actorOf(user), "request_closure", facts);
  return json({ planId, version: facts.version, mayRequestClosure, districts: mayRequestClosure ? await districtChoices() : [], today: todayIso() });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const values = await submittedValues(request);
  const form = await parseForm(request, reviewSchema);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError);
  const result = await recordReview({ user, context, planId, input: form.data });
  if (!result.ok) return commandRefused(result, values);
  throw redirect(`/plans/${planId}?saved`);
}

export default function ReviewPage() {
  const { t } = useTranslation();
  const { planId, version, mayRequestClosure, districts, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const form = useForm<PlanFormValues>({
    resolver: planResolver(reviewSchema),
    defaultValues: {
      reviewedOn: today,
      progressNote: "",
      riskRating: "",
      decision: "continue",
      closureReason: "",
      closureJustification: "",
      transferTerritoryId: "",
      ...actionData?.values,
      version: String(actionData?.conflict?.version ?? version),
    },
  });
  useConflictVersion(form, actionData);
  const error = fieldErrorOf(t, form, actionData);
  const decisions = REVIEW_DECISIONS.filter((decision) => decision !== "request_closure" || mayRequestClosure);
  return (
    <div className="page">
      <h1>{t("plan.review.title")}</h1>
      <ConflictNotice t={t} conflict={actionData?.conflict} />
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <input type="hidden" {...form.register("version")} />
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
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("plan.review.submit")}
          </button>
          <Link to={`/plans/${planId}`}>{t("plan.view.back")}</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}
