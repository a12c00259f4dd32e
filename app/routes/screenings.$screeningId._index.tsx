import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { PathwayPanel } from "~/modules/screenings/PathwayPanel";
import { pathwayLinks } from "~/modules/screenings/pathway-links";
import { pathwayStateFor } from "~/modules/screenings/pathway-state.server";
import { screeningLinks } from "~/modules/screenings/screening-links";
import { assignClinicianSchema } from "~/modules/screenings/screenings.schema";
import { assignClinician, clinicianChoices } from "~/modules/screenings/screening-assignments.server";
import { readScreening } from "~/modules/screenings/screening-views.server";
import { formAction } from "~/kit/form-action.server";
import { recordRequest } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";

export const links: LinksFunction = () => [...screeningLinks(), ...pathwayLinks()];

/**
 * The result (content viewers: the pathway in plain words, findings, answers) or the status
 * ("screening on file, follow-up due/done") for those who may see only that. Out of scope: 404.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "people", "screeningId");
  const screening = await readScreening({ ...caller, screeningId, purpose: "result" });
  // The pathway (checklist, assessment deadline, re-screening, actions) exists once the session is complete;
  // each link in it is shown only to those who may follow it.
  const pathway = screening.status === "completed" ? await pathwayStateFor({ ...caller, screeningId }) : null;
  const clinicians = screening.mayAssignClinician ? await clinicianChoices({ ...caller, screeningId }) : [];
  return json({ screening, pathway, clinicians, assigned: new URL(args.request.url).searchParams.has("assigned") });
}

export async function action(args: ActionFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "people", "screeningId");
  return formAction(args.request, {
    schema: assignClinicianSchema,
    run: (input) => assignClinician({ ...caller, screeningId, userId: input.userId }),
    next: () => `/screenings/${screeningId}?assigned`,
  });
}

export default function ScreeningResult() {
  const { t, locale } = useTranslation();
  const { screening, pathway, clinicians, assigned } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  // A malformed choice is a field error of the schema; a choice the screening does not offer, the command's form error.
  const assignError = actionData?.formError ?? actionData?.fieldErrors.userId;
  const content = screening.content;
  const answerLabel = (answer: string) =>
    ["yes", "no", "declined", "none"].includes(answer) ? t(`screening.answer.${answer}` as MessageKey) : t("screening.answer.given");
  const findingLabel = (code: string) => {
    const key = `screening.finding.${code}`;
    return t(
      (["racket", "violence_home", "neglect", "sexual_abuse", "parents_abroad", "substance_use", "other_worry"].includes(code)
        ? key
        : "screening.finding.other") as MessageKey,
    );
  };
  const guardian = content?.consent.split("guardian:")[1];
  return (
    <div className="page">
      <p className="eyebrow">{t("screening.title")}</p>
      <h1>{screening.childName ?? t("screening.result.title")}</h1>
      {assigned ? (
        <p role="status" className="notice">
          {t("screening.assign.saved")}
        </p>
      ) : null}
      {screening.access === "status" ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t("screening.status.onFile")}</dt>
              <dd>
                {screening.completedAt ? t("screening.status.completedOn", { date: formatDate(screening.completedAt) }) : t("screening.status.inProgress")}
              </dd>
            </div>
          </dl>
          {pathway ? <PathwayPanel state={pathway} /> : null}
          <p className="muted">{t("screening.statusOnly")}</p>
        </>
      ) : (
        <>
          <p className="notice screening-confidential">{t("screening.confidential")}</p>
          {screening.status !== "completed" || !content?.result ? (
            <>
              <p>{t(screening.status === "abandoned" ? "screening.abandoned" : "screening.result.inProgress")}</p>
              {screening.isScreener && screening.status === "in_progress" ? (
                <p>
                  <Link className="button-primary" to={`/screenings/${screening.id}/step`}>
                    {t("screening.result.continue")}
                  </Link>
                </p>
              ) : null}
            </>
          ) : (
            <>
              <section className={`screening-result screening-result-${content.result}`} aria-labelledby="result-heading">
                <h2 id="result-heading">
                  {t("screening.result.label")}: {t(`screening.result.${content.result}` as MessageKey)}
                </h2>
                <p>{t(`screening.pathway.${content.result}` as MessageKey)}</p>
                {content.findings.length > 0 ? <p>{t("screening.pathway.findings")}</p> : null}
                <p className="validation-flag">{t("screening.pathway.awaitingValidation")}</p>
              </section>
              {pathway ? <PathwayPanel state={pathway} /> : null}
              <dl className="facts">
                <div>
                  <dt>{t("screening.status.onFile")}</dt>
                  <dd>{screening.completedAt ? t("screening.status.completedOn", { date: formatDate(screening.completedAt) }) : null}</dd>
                </div>
              </dl>
              <h2>{t("screening.findings")}</h2>
              {content.findings.length > 0 ? (
                <ul className="screening-answer-list">
                  {content.findings.map((code) => (
                    <li key={code}>{findingLabel(code)}</li>
                  ))}
                </ul>
              ) : (
                <p>{t("screening.findings.none")}</p>
              )}
            </>
          )}
          {content ? (
            <>
              <h2>{t("screening.answers")}</h2>
              <ul className="screening-answer-list">
                {content.answers.map((answer) => (
                  <li key={answer.code}>
                    {answer.text[locale].text} — <strong>{answerLabel(answer.answer)}</strong>
                  </li>
                ))}
              </ul>
              {content.otherWorry ? (
                <>
                  <h3>{t("screening.otherWorry")}</h3>
                  <p className="preserve-lines">{content.otherWorry}</p>
                </>
              ) : null}
              <dl className="facts">
                <div>
                  <dt>{t("screening.consent")}</dt>
                  <dd>{guardian ? t(`screening.consentShown.${guardian}` as MessageKey) : content.consent}</dd>
                </div>
                <div>
                  <dt>{t("screening.instruments")}</dt>
                  <dd>
                    {content.instruments.map((instrument) => (
                      <span key={instrument.id} className="block">
                        {t("screening.instrument.version", { title: instrument.title[locale].text, version: instrument.version })}
                        {instrument.awaitingValidation ? <span className="validation-flag">{t("screening.step.awaitingValidation")}</span> : null}
                      </span>
                    ))}
                  </dd>
                </div>
              </dl>
            </>
          ) : null}
        </>
      )}
      {screening.mayAssignClinician && clinicians.length > 0 ? (
        <section aria-labelledby="assign-heading">
          <h2 id="assign-heading">{t("screening.assign.title")}</h2>
          {assignError ? (
            <p className="form-error" role="alert">
              {t(assignError)}
            </p>
          ) : null}
          <Form method="post" className="inline-field">
            <div className="field">
              <label htmlFor="field-userId">{t("screening.assign.label")}</label>
              <select id="field-userId" name="userId" defaultValue="">
                <option value="">{t("screening.assign.choose")}</option>
                {clinicians.map((clinician) => (
                  <option key={clinician.id} value={clinician.id}>
                    {clinician.displayName}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button-secondary">
              {t("screening.assign.submit")}
            </button>
          </Form>
        </section>
      ) : null}
      {screening.mayOpenPerson ? (
        <p>
          <Link to={`/people/${screening.personId}`}>{t("screening.link.person")}</Link>
        </p>
      ) : null}
    </div>
  );
}
