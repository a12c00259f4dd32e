import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { GUARDIAN_CHOICES } from "~/modules/screenings/consent";
import { screeningLinks } from "~/modules/screenings/screening-links";
import { startScreeningSchemaFor } from "~/modules/screenings/screenings.schema";
import { newScreeningContext, screeningConsentRule, startScreening } from "~/modules/screenings/screening-start.server";
import { formAction } from "~/kit/form-action.server";
import { idParam, signedIn } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";

export const links = screeningLinks;

/** Start a screening for a person (social pedagogue or school psychologist who may read them): consent first. */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "people");
  const personId = idParam(new URL(args.request.url).searchParams.get("personId"));
  const { childName, rule, ageBlock } = await newScreeningContext({ ...caller, personId });
  return json({ personId, childName, rule, ageBlock });
}

export async function action(args: ActionFunctionArgs) {
  const caller = await signedIn(args, "people");
  return formAction(args.request, {
    schema: startScreeningSchemaFor(screeningConsentRule()),
    run: (input) => startScreening({ ...caller, input }),
    next: (started) => `/screenings/${started.id}/step`,
  });
}

export default function NewScreening() {
  const { t } = useTranslation();
  const { personId, childName, rule, ageBlock } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const error = (name: string) => actionData?.fieldErrors[name];
  return (
    <div className="page">
      <p className="eyebrow">{t("screening.title")}</p>
      <h1>{t("screening.new.title")}</h1>
      <p className="lead">{t("screening.new.intro")}</p>
      <dl className="facts">
        <div>
          <dt>{t("screening.new.for")}</dt>
          <dd>{childName}</dd>
        </div>
      </dl>
      {ageBlock ? (
        <p className="notice notice-warning" data-testid="age-block">
          {t("screening.age.outside", {
            age: ageBlock.age,
            min: ageBlock.min,
            max: ageBlock.max,
          })}
        </p>
      ) : (
        <p className="notice notice-warning">{t("screening.consent.acuteNote")}</p>
      )}
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      {ageBlock ? null : (
        <Form method="post" className="stack" autoComplete="off">
          <input type="hidden" name="personId" value={personId} />
          <fieldset>
            <legend>{t("screening.consent.legend")}</legend>
            <p className="field-hint">{t(`screening.consent.rule.${rule}` as MessageKey)}</p>
            <div className="field">
              <label className="choice checkbox-group">
                <input type="checkbox" name="assent" value="yes" aria-describedby="assent-hint" aria-invalid={error("assent") ? true : undefined} />
                {t("screening.consent.assent")}
              </label>
              <p className="field-hint" id="assent-hint">
                {t("screening.consent.assentHint")}
              </p>
              {error("assent") ? (
                <p className="field-error" role="alert">
                  {t(error("assent")!)}
                </p>
              ) : null}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t("screening.consent.guardian")}</legend>
            {GUARDIAN_CHOICES[rule].map((choice) => (
              <label key={choice} className="choice">
                <input type="radio" name="guardian" value={choice} />
                {t(`screening.consent.guardian.${choice}` as MessageKey)}
              </label>
            ))}
            {error("guardian") ? (
              <p className="field-error" role="alert">
                {t(error("guardian")!)}
              </p>
            ) : null}
          </fieldset>
          <div className="actions">
            <button type="submit" className="button-primary">
              {t("screening.new.submit")}
            </button>
          </div>
        </Form>
      )}
    </div>
  );
}
