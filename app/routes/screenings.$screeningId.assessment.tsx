import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TextAreaField } from "~/components/TextAreaField";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { currentAssessmentInstrument, recordAssessment } from "~/modules/screenings/pathway-commands.server";
import { pathwayLinks } from "~/modules/screenings/pathway-links";
import { assessmentSchema } from "~/modules/screenings/pathways.schema";
import { authorizePathway } from "~/modules/screenings/pathway-facts.server";
import { lastAssessmentOf } from "~/modules/screenings/pathway-state.server";
import { formAction } from "~/kit/form-action.server";
import { recordRequest } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";

export const links = pathwayLinks;

/** The safety assessment (C-SSRS screener + plan): the school's psychologist or an assigned clinician. */
export async function loader(args: LoaderFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "screeningAlerts", "screeningId");
  const facts = await authorizePathway(caller, screeningId, "record_assessment");
  if (!facts.assessmentDueAt) throw new Response(null, { status: 404 });
  const instrument = await currentAssessmentInstrument();
  const last = await lastAssessmentOf(screeningId);
  return json({
    screeningId,
    dueAt: facts.assessmentDueAt.toISOString(),
    doneAt: facts.assessmentDoneAt?.toISOString() ?? null,
    last,
    instrument: instrument
      ? {
          id: instrument.id,
          title: instrument.definition.title,
          items: instrument.definition.items
            .filter((item) => item.kind === "yes_no")
            .map((item) => ({ code: item.code, text: item.text, followUp: Boolean(item.askWhen) })),
        }
      : null,
  });
}

export async function action(args: ActionFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "screeningAlerts", "screeningId");
  return formAction(args.request, {
    schema: assessmentSchema,
    run: (input) => recordAssessment({ ...caller, screeningId, input }),
    next: () => `/screenings/${screeningId}/assessment?saved`,
  });
}

const ANSWERS = ["yes", "no", "declined"] as const;

export default function AssessmentPage() {
  const { screeningId, dueAt, doneAt, last, instrument } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const [params] = useSearchParams();
  const { t, locale } = useTranslation();
  const values = actionData?.values ?? {};
  const error = (name: string) => {
    const key = actionData?.fieldErrors[name];
    return key ? t(key) : undefined;
  };
  return (
    <div className="page pathway-page">
      <h1>{t("pathway.assessment.title")}</h1>
      {params.has("saved") && last && !actionData ? (
        <p className="notice" role="status">
          {t("pathway.assessment.recorded", { triage: t(`pathway.triage.${last.triage}` as MessageKey) })}
        </p>
      ) : null}
      {actionData?.formError || error("form") || error("instrumentVersionId") ? (
        <p className="form-error" role="alert">
          {t(actionData?.formError ?? ((actionData?.fieldErrors.form ?? actionData?.fieldErrors.instrumentVersionId) as MessageKey))}
        </p>
      ) : null}
      <p className="lead">{t("pathway.assessment.intro")}</p>
      <p>{doneAt ? t("pathway.status.assessmentDone", { date: formatDateTime(doneAt) }) : t("pathway.assessment.due", { date: formatDateTime(dueAt) })}</p>
      {instrument ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="instrumentVersionId" value={instrument.id} />
          <h2>{instrument.title[locale].text}</h2>
          {instrument.items.map((item) => {
            const name = `item_${item.code}`;
            const text = item.text[locale];
            return (
              <fieldset key={item.code} aria-describedby={error(name) ? `${name}-error` : undefined} className="pathway-step">
                <legend>{text.text}</legend>
                {text.awaitingClinicalValidation ? <p className="muted small">{t("pathway.assessment.pending")}</p> : null}
                {ANSWERS.map((answer) => (
                  <div className="big-choice" key={answer}>
                    <input type="radio" id={`${name}-${answer}`} name={name} value={answer} defaultChecked={values[name] === answer} />
                    <label htmlFor={`${name}-${answer}`}>{t(`pathway.answer.${answer}`)}</label>
                  </div>
                ))}
                {error(name) ? (
                  <p className="field-error" id={`${name}-error`} role="alert">
                    {error(name)}
                  </p>
                ) : null}
              </fieldset>
            );
          })}
          <TextAreaField
            name="plan"
            label={t("pathway.assessment.plan")}
            hint={t("pathway.assessment.planHint")}
            defaultValue={values.plan ?? ""}
            error={error("plan")}
          />
          <button type="submit" className="button-primary">
            {t("pathway.assessment.submit")}
          </button>
        </Form>
      ) : (
        <p className="form-error">{t("pathway.error.instrument")}</p>
      )}
      <p>
        <Link to={`/screenings/${screeningId}`}>{t("pathway.back")}</Link>
      </p>
    </div>
  );
}
