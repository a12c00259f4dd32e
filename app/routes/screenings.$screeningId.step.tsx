import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { screeningLinks } from "~/modules/screenings/screening-links";
import { answerSchema, OTHER_WORRY_MAX } from "~/modules/screenings/screenings.schema";
import { answerQuestion, screeningStep } from "~/modules/screenings/screening-session.server";
import { SCREENING_SESSION_HOURS } from "~/modules/screenings/session-expiry.server";
import { refusedForm } from "~/kit/form-action.server";
import { recordRequest } from "~/kit/request.server";
import { formError, type FormActionData } from "~/kit/results";
import { parseForm } from "~/server/forms.server";

export const links = screeningLinks;

/** One question per screen (the screener only). A finished session goes to its result. */
export async function loader(args: LoaderFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "people", "screeningId");
  const step = await screeningStep({ ...caller, screeningId });
  if (step.kind === "finished") throw redirect(`/screenings/${screeningId}`);
  if (step.kind === "expired") return json({ question: null, expired: { personId: step.personId, hours: SCREENING_SESSION_HOURS } });
  return json({ question: step.question, expired: null });
}

/**
 * Post-redirect-get: an accepted answer goes to the next question (or the result); a refused one
 * shows why (400, or 409 when the session moved on). The answer is never sent back to the page.
 */
export async function action(args: ActionFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "people", "screeningId");
  const parsed = await parseForm(args.request, answerSchema);
  if (!parsed.ok) return refusedForm({}, formError(parsed.formError ?? Object.values(parsed.fieldErrors)[0] ?? "error.badRequest"));
  const result = await answerQuestion({ ...caller, screeningId, input: parsed.data });
  if (!result.ok) return refusedForm({}, result);
  throw redirect(result.completed ? `/screenings/${screeningId}` : `/screenings/${screeningId}/step`);
}

export default function ScreeningStep() {
  const { t, locale } = useTranslation();
  const { question, expired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  if (!question) {
    return (
      <div className="page">
        <h1>{t("screening.expired.title")}</h1>
        <p>{t("screening.expired.body", { hours: expired?.hours ?? 0 })}</p>
        <p>
          <Link className="button-primary" to={`/screenings/new?personId=${expired?.personId ?? ""}`}>
            {t("screening.expired.restart")}
          </Link>
        </p>
      </div>
    );
  }
  const text = question.item.text[locale];
  const title = question.instrumentTitle[locale];
  return (
    <div className="page">
      <p className="eyebrow">{t(`screening.part.${question.part}` as MessageKey)}</p>
      <h1>{title.text}</h1>
      <p className="screening-progress">{t("screening.step.question", { n: question.answered, total: question.total })}</p>
      {actionData?.formError ? (
        <div className="form-error" role="alert">
          <p>{t(actionData.formError)}</p>
          <a href={`/screenings/${question.screeningId}/step`}>{t("screening.step.current")}</a>
        </div>
      ) : null}
      <Form method="post" autoComplete="off" replace>
        <input type="hidden" name="instrumentVersionId" value={question.instrumentVersionId} />
        <input type="hidden" name="item" value={question.item.code} />
        {question.item.kind === "yes_no" ? (
          <fieldset>
            <legend className="screening-question">{text.text}</legend>
            {text.awaitingClinicalValidation ? <p className="validation-flag">{t("screening.step.awaitingValidation")}</p> : null}
            <p className="field-hint">{t("screening.step.hint")}</p>
            <div className="screening-answers">
              {(["yes", "no", "declined"] as const).map((answer) => (
                <button key={answer} type="submit" name="answer" value={answer} className={answer === "declined" ? "button-secondary" : "button-primary"}>
                  {t(`screening.answer.${answer}` as MessageKey)}
                </button>
              ))}
            </div>
          </fieldset>
        ) : (
          <fieldset>
            <legend className="screening-question">{text.text}</legend>
            {text.awaitingClinicalValidation ? <p className="validation-flag">{t("screening.step.awaitingValidation")}</p> : null}
            <div className="field">
              <label htmlFor="field-otherWorry">{t("screening.step.otherWorry")}</label>
              <textarea id="field-otherWorry" name="otherWorry" rows={4} maxLength={question.item.maxLength ?? OTHER_WORRY_MAX} autoComplete="off" />
            </div>
            <div className="screening-answers">
              <button type="submit" name="answer" value="text" className="button-primary">
                {t("screening.answer.text")}
              </button>
              <button type="submit" name="answer" value="none" className="button-secondary">
                {t("screening.answer.none")}
              </button>
              <button type="submit" name="answer" value="declined" className="button-secondary">
                {t("screening.answer.declined")}
              </button>
            </div>
          </fieldset>
        )}
      </Form>
      <p className="field-hint">{t("screening.step.pauseHint")}</p>
      <p>
        <Link to={`/screenings/${question.screeningId}`}>{t("screening.step.pause")}</Link>
      </p>
    </div>
  );
}
