import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/TextAreaField";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { recordChecklist } from "~/modules/screenings/pathway-commands.server";
import { PathwayNotices } from "~/modules/screenings/PathwayNotices";
import { pathwayLinks } from "~/modules/screenings/pathway-links";
import { CHECK_ITEMS } from "~/modules/screenings/pathway-rules";
import { checklistSchema } from "~/modules/screenings/pathways.schema";
import { authorizePathway } from "~/modules/screenings/pathway-facts.server";
import { pathwayStateFor } from "~/modules/screenings/pathway-state.server";
import { formAction } from "~/kit/form-action.server";
import { recordRequest } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";

export const links = pathwayLinks;

/** The acute safety checklist: the screener or the school's psychologist ticks each step; each tick is timed. */
export async function loader(args: LoaderFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "screeningAlerts", "screeningId");
  const facts = await authorizePathway(caller, screeningId, "record_checklist");
  const state = await pathwayStateFor({ ...caller, screeningId });
  if (!state.checklist) throw new Response(null, { status: 404 });
  return json({ screeningId, version: facts.version, completedAt: state.checklist.completedAt, items: state.checklist.items ?? {} });
}

export async function action(args: ActionFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "screeningAlerts", "screeningId");
  return formAction(args.request, {
    schema: checklistSchema,
    run: (input) => recordChecklist({ ...caller, screeningId, input }),
    next: () => `/screenings/${screeningId}/checklist?saved`,
  });
}

export default function ChecklistPage() {
  const { screeningId, version, completedAt, items } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const { t } = useTranslation();
  const values = actionData?.values ?? {};
  const error = (name: string) => {
    const key = actionData?.fieldErrors[name];
    return key ? t(key) : undefined;
  };
  const done = (at: string | undefined) => (at ? <span className="muted">{t("pathway.checklist.doneAt", { time: formatDateTime(at) })}</span> : null);
  const remaining = CHECK_ITEMS.filter((item) => !items[item]).length + (items.guardian ? 0 : 1) + (items.emergency ? 0 : 1);
  return (
    <div className="page pathway-page">
      <h1>{t("pathway.checklist.title")}</h1>
      <PathwayNotices formError={actionData?.formError} posted={actionData !== undefined} />
      {error("checklist") ? (
        <p className="form-error" role="alert">
          {error("checklist")}
        </p>
      ) : null}
      {completedAt ? (
        <p className="notice" data-testid="checklist-complete">
          {t("pathway.checklist.complete", { date: formatDateTime(completedAt) })}
        </p>
      ) : (
        <>
          <p className="lead">{t("pathway.checklist.intro")}</p>
          <p>{t("pathway.checklist.remaining", { count: remaining })}</p>
        </>
      )}
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="version" value={version} />
        <ul className="pathway-steps">
          {CHECK_ITEMS.map((item) => (
            <li key={item} className={items[item] ? "pathway-step done" : "pathway-step"}>
              <div className="big-choice">
                <input
                  type="checkbox"
                  id={`check-${item}`}
                  name={item}
                  defaultChecked={Boolean(items[item]) || values[item] === "on"}
                  disabled={Boolean(items[item]) || Boolean(completedAt)}
                />
                <label htmlFor={`check-${item}`}>{t(`pathway.checklist.${item}` as MessageKey)}</label>
              </div>
              {done(items[item]?.at)}
            </li>
          ))}
          <li className={items.guardian ? "pathway-step done" : "pathway-step"}>
            <fieldset aria-describedby={error("guardian") ? "guardian-error" : undefined}>
              <legend>{t("pathway.checklist.guardian")}</legend>
              {(["called", "guardian_is_danger"] as const).map((option) => (
                <div className="big-choice" key={option}>
                  <input
                    type="radio"
                    id={`guardian-${option}`}
                    name="guardian"
                    value={option}
                    defaultChecked={items.guardian ? items.guardian.status === option : values.guardian === option}
                    disabled={Boolean(items.guardian) || Boolean(completedAt)}
                  />
                  <label htmlFor={`guardian-${option}`}>
                    {t(option === "called" ? "pathway.checklist.guardian.called" : "pathway.checklist.guardian.danger")}
                  </label>
                </div>
              ))}
              {error("guardian") ? (
                <p className="field-error" id="guardian-error" role="alert">
                  {error("guardian")}
                </p>
              ) : null}
            </fieldset>
            {!items.guardian && !completedAt ? (
              <TextAreaField
                name="guardianReason"
                label={t("pathway.checklist.guardianReason")}
                defaultValue={values.guardianReason ?? ""}
                error={error("guardianReason")}
                rows={3}
              />
            ) : null}
            {done(items.guardian?.at)}
          </li>
          <li className={items.emergency ? "pathway-step done" : "pathway-step"}>
            <fieldset aria-describedby={error("emergency") ? "emergency-error" : undefined}>
              <legend>{t("pathway.checklist.emergency")}</legend>
              {(["called", "not_needed"] as const).map((option) => (
                <div className="big-choice" key={option}>
                  <input
                    type="radio"
                    id={`emergency-${option}`}
                    name="emergency"
                    value={option}
                    defaultChecked={items.emergency ? items.emergency.status === option : values.emergency === option}
                    disabled={Boolean(items.emergency) || Boolean(completedAt)}
                  />
                  <label htmlFor={`emergency-${option}`}>{t(`pathway.checklist.emergency.${option}`)}</label>
                </div>
              ))}
              {error("emergency") ? (
                <p className="field-error" id="emergency-error" role="alert">
                  {error("emergency")}
                </p>
              ) : null}
            </fieldset>
            {done(items.emergency?.at)}
          </li>
        </ul>
        {completedAt ? null : (
          <button type="submit" className="button-primary">
            {t("pathway.checklist.submit")}
          </button>
        )}
      </Form>
      <p>
        <Link to={`/screenings/${screeningId}`}>{t("pathway.back")}</Link>
      </p>
    </div>
  );
}
