import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import { formatDate, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { dismissAction, mayStartPlan, referralChoices, takeAction, type ReferralChoice } from "~/modules/screenings/pathway-commands.server";
import { PathwayNotices } from "~/modules/screenings/PathwayNotices";
import { pathwayLinks } from "~/modules/screenings/pathway-links";
import { KNOWN_FINDINGS, type ReferralKind } from "~/modules/screenings/pathway-rules";
import { actionSchema } from "~/modules/screenings/pathways.schema";
import { authorizePathway } from "~/modules/screenings/pathway-facts.server";
import { pathwayStateFor } from "~/modules/screenings/pathway-state.server";
import { formAction } from "~/kit/form-action.server";
import { callerActor, recordRequest } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";

export const links = pathwayLinks;

/** Suggested actions after a screening: refer (one click, recipient pre-selected), propose a plan, or dismiss with a reason. */
export async function loader(args: LoaderFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "screeningAlerts", "screeningId");
  const facts = await authorizePathway(caller, screeningId, "act");
  const state = await pathwayStateFor({ ...caller, screeningId });
  const kinds = [...new Set(state.actions.filter((a) => a.kind !== "propose_plan" && !a.takenAt && !a.dismissedAt).map((a) => a.kind as ReferralKind))];
  const choices: Partial<Record<ReferralKind, ReferralChoice[]>> = {};
  for (const kind of kinds) choices[kind] = await referralChoices(facts.territoryId, kind);
  return json({ screeningId, actions: state.actions, choices, mayStartPlan: mayStartPlan(callerActor(caller)) });
}

export async function action(args: ActionFunctionArgs) {
  const { id: screeningId, ...caller } = await recordRequest(args, "screeningAlerts", "screeningId");
  return formAction(args.request, {
    schema: actionSchema,
    run: (input) => (input.intent === "take" ? takeAction({ ...caller, screeningId, input }) : dismissAction({ ...caller, screeningId, input })),
    next: (result) => result.next ?? `/screenings/${screeningId}/actions?saved`,
  });
}

export default function ActionsPage() {
  const { screeningId, actions, choices, mayStartPlan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const { t, locale } = useTranslation();
  const errorFor = (actionId: string, name: string) => {
    // Refusals are shown at the action they were about (the posted actionId).
    if (actionData?.values.actionId !== actionId) return undefined;
    const key = actionData.fieldErrors[name];
    return key ? t(key) : undefined;
  };
  // A finding code from a newer instrument version has no label yet: it still gets a name.
  const findingLabel = (code: string) => (KNOWN_FINDINGS.includes(code) ? t(`pathway.finding.${code}` as MessageKey) : t("pathway.finding.other"));
  const findings = (finding: string) => finding.split(",").map(findingLabel).join(", ");
  return (
    <div className="page pathway-page">
      <h1>{t("pathway.actions.title")}</h1>
      <PathwayNotices formError={actionData?.formError} posted={actionData !== undefined} />
      <p className="lead">{t("pathway.actions.intro")}</p>
      {actions.length === 0 ? <p>{t("pathway.actions.none")}</p> : null}
      <ul className="pathway-actions">
        {actions.map((action) => {
          const open = !action.takenAt && !action.dismissedAt;
          const targets = action.kind === "propose_plan" ? [] : (choices[action.kind as ReferralKind] ?? []);
          const headingId = `action-${action.id}`;
          return (
            <li key={action.id} className="pathway-action">
              <h2 id={headingId}>{t(`pathway.action.${action.kind}`)}</h2>
              <p className="muted">{t("pathway.actions.finding", { findings: findings(action.finding) })}</p>
              {action.takenAt ? (
                <p>
                  {action.targetDisplayName
                    ? t("pathway.actions.takenTo", { name: action.targetDisplayName, date: formatDate(action.takenAt) })
                    : t("pathway.actions.taken", { date: formatDate(action.takenAt) })}
                </p>
              ) : null}
              {action.dismissedAt ? <p>{t("pathway.actions.dismissed", { date: formatDate(action.dismissedAt) })}</p> : null}
              {errorFor(action.id, "actionId") ? (
                <p className="form-error" role="alert">
                  {errorFor(action.id, "actionId")}
                </p>
              ) : null}
              {open ? (
                <>
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="take" />
                    <input type="hidden" name="actionId" value={action.id} />
                    {action.kind === "propose_plan" ? (
                      mayStartPlan ? (
                        <button type="submit" className="button-primary">
                          {t("pathway.actions.proposePlan")}
                        </button>
                      ) : (
                        <p className="notice">{t("pathway.actions.planByOthers")}</p>
                      )
                    ) : targets.length === 0 ? (
                      <p className="notice notice-warning">{t("pathway.actions.noTarget")}</p>
                    ) : (
                      <>
                        <SelectField
                          name="targetUserId"
                          id={`target-${action.id}`}
                          label={t("pathway.actions.target")}
                          error={errorFor(action.id, "targetUserId")}
                          defaultValue={targets[0]?.id}
                        >
                          {targets.map((target) => (
                            <option key={target.id} value={target.id}>
                              {target.displayName} — {localName(target.agency, locale)}
                            </option>
                          ))}
                        </SelectField>
                        <button type="submit" className="button-primary">
                          {t("pathway.actions.take")}
                        </button>
                      </>
                    )}
                  </Form>
                  <Form method="post" className="stack">
                    <input type="hidden" name="intent" value="dismiss" />
                    <input type="hidden" name="actionId" value={action.id} />
                    <TextAreaField
                      name="reason"
                      id={`reason-${action.id}`}
                      rows={2}
                      label={t(action.reasonRequired ? "pathway.actions.reason" : "pathway.actions.reasonOptional")}
                      hint={action.reasonRequired ? t("pathway.actions.reasonHint") : undefined}
                      error={errorFor(action.id, "reason")}
                      defaultValue={actionData?.values.actionId === action.id ? (actionData.values.reason ?? "") : ""}
                    />
                    <button type="submit" className="button-secondary">
                      {t("pathway.actions.dismiss")}
                    </button>
                  </Form>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p>
        <Link to={`/screenings/${screeningId}`}>{t("pathway.back")}</Link>
      </p>
    </div>
  );
}
