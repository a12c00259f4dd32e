import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fact } from "~/components/Fact";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { formatDate, formatDateTime, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { refusedFields, refusedForm } from "~/kit/form-action.server";
import { callerActor, recordRequest } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";
import { personChronology } from "~/modules/chronology/chronology-view.server";
import { GUARDIAN_RELATIONS, personPageActionSchema } from "~/modules/people/people.schema";
import { readPerson } from "~/modules/people/people.server";
import { addGuardian, listGuardians, mergePeople, mergeView, unmergePeople } from "~/modules/people/person-links.server";
import { openPlanHref, planHref } from "~/modules/support-plans/links";
import { listPersonPlans } from "~/modules/support-plans/support-plans.server";
import { PersonOrders } from "~/modules/protection-orders/PersonOrders";
import { ordersOfPerson } from "~/modules/protection-orders/order-reads.server";
import { screeningLinksFor } from "~/modules/screenings/screening-views.server";
import { getPrisma } from "~/server/db.server";
import { parseForm } from "~/server/forms.server";
import { mayActOnPerson } from "~policies/person.policy";
import { mayActOnPlan } from "~policies/support-plan.policy";
import { mayIssueOrders } from "~policies/protection-order.policy";

const NOTICES = { merged: "person.merge.done", unmerged: "person.merge.undone", guardian: "person.guardianAdded" } as const;

/** One person, as much as this viewer may see (404, audited, otherwise): identity, guardians, plans, chronology. */
export async function loader(args: LoaderFunctionArgs) {
  const { id: personId, ...caller } = await recordRequest(args, "people", "personId");
  const view = await readPerson({ ...caller, personId, alsoShown: ["guardians", "plans", "chronology"] });
  const actor = callerActor(caller);
  const facts = { id: view.person.id, ...(await personFacts(view.person.id)) };
  const [guardians, plans, chronology, merge, orders] = await Promise.all([
    listGuardians(actor, view.person.id),
    listPersonPlans({ ...caller, personId: view.person.id }),
    personChronology({ ...caller, personId: view.person.id }),
    view.breakGlass ? null : mergeView(actor, view.person as Parameters<typeof mergeView>[1]),
    // The order policy decides on its own: a break-glass read of the person opens no order.
    ordersOfPerson(caller, view.person.id),
  ]);
  // Screenings: content viewers get the result, others "screening on file" only (policy in screeningLinksFor).
  const screenings = view.breakGlass ? null : await screeningLinksFor({ ...caller, personId: view.person.id });
  const notice = new URL(args.request.url).searchParams.get("done");
  return json({
    ...view,
    guardians,
    plans,
    chronology,
    merge,
    screenings,
    orders,
    mayIssueOrder: !view.breakGlass && mayIssueOrders(actor),
    mayUpdate: !view.breakGlass && mayActOnPerson(actor, "update", facts),
    mayOpenPlan: !view.breakGlass && (mayActOnPlan(actor, "open", null) || mayActOnPlan(actor, "propose", null)),
    notice: notice && notice in NOTICES ? NOTICES[notice as keyof typeof NOTICES] : null,
  });
}

async function personFacts(id: string) {
  const prisma = await getPrisma();
  return prisma.person.findUniqueOrThrow({ where: { id }, select: { ownerAgencyId: true, territoryId: true } });
}

/** The person page's forms (add a guardian, merge, undo a merge), told apart by `intent`. */
export async function action(args: ActionFunctionArgs) {
  const { id: personId, ...caller } = await recordRequest(args, "people", "personId");
  const form = await parseForm(args.request, personPageActionSchema);
  if (!form.ok) return refusedFields({}, form.fieldErrors, form.formError);
  switch (form.data.intent) {
    case "addGuardian": {
      const result = await addGuardian({ ...caller, childId: personId, guardianPin: form.data.guardianPin, relation: form.data.relation });
      if (!result.ok) return refusedForm({}, result);
      throw redirect(`/people/${personId}?done=guardian`);
    }
    case "merge":
      await mergePeople({ ...caller, survivorId: personId, duplicateId: form.data.duplicateId });
      throw redirect(`/people/${personId}?done=merged`);
    case "unmerge":
      await unmergePeople({ ...caller, survivorId: personId, mergeId: form.data.mergeId });
      throw redirect(`/people/${personId}?done=unmerged`);
  }
}

type Name = { surname?: string | null; givenName?: string | null; patronymic?: string | null };
const fullName = (name: Name) => [name.surname, name.givenName, name.patronymic].filter(Boolean).join(" ");

export default function PersonPage() {
  const { t, locale } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as FormActionData | undefined;
  const { person, fields, hiddenFields, breakGlass } = data;
  const fieldError = (name: string) => {
    const key = actionData?.fieldErrors[name];
    return key ? t(key) : undefined;
  };
  const value = (field: (typeof fields)[number]) => {
    const raw = person[field];
    if (raw == null || raw === "") return <span className="muted">{t("person.notRecorded")}</span>;
    if (field === "birthDate") return formatDate(raw);
    if (field === "sex") return t(raw === "female" ? "person.sex.female" : "person.sex.male");
    return raw;
  };
  return (
    <div className="page">
      <h1>{fullName(person) || t("person.title")}</h1>
      {data.notice ? (
        <p className="notice" role="status">
          {t(data.notice)}
        </p>
      ) : null}
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      {breakGlass ? (
        <p className="notice notice-warning" role="status">
          {t("person.readOnlyBreakGlass")}
        </p>
      ) : null}
      <dl className="facts">
        {fields.map((field) => (
          <Fact key={field} label={t(`person.field.${field}`)}>
            {value(field)}
          </Fact>
        ))}
      </dl>
      {hiddenFields > 0 ? <p className="muted">{t("person.hiddenFields")}</p> : null}

      <section aria-labelledby="guardians-heading">
        <h2 id="guardians-heading">{t("person.guardians")}</h2>
        {data.guardians.length === 0 ? (
          <p className="muted">{t("person.noGuardians")}</p>
        ) : (
          <ul className="result-list">
            {data.guardians.map((entry) => (
              <li key={entry.id}>
                {entry.guardian.name ? (
                  <Link to={`/people/${entry.guardian.id}`}>{fullName(entry.guardian.name)}</Link>
                ) : (
                  <span className="muted">{t("person.guardianHidden")}</span>
                )}
                <span className="muted"> · {isRelation(entry.relation) ? t(`person.relation.${entry.relation}`) : entry.relation}</span>
              </li>
            ))}
          </ul>
        )}
        {data.mayUpdate ? (
          <Form method="post" className="stack inline-form" noValidate>
            <input type="hidden" name="intent" value="addGuardian" />
            <TextField name="guardianPin" label={t("person.guardianPin")} inputMode="numeric" autoComplete="off" error={fieldError("guardianPin")} />
            <SelectField name="relation" label={t("person.relation")} defaultValue="" error={fieldError("relation")}>
              <option value="">{t("people.sexChoose")}</option>
              {GUARDIAN_RELATIONS.map((relation) => (
                <option key={relation} value={relation}>
                  {t(`person.relation.${relation}`)}
                </option>
              ))}
            </SelectField>
            <div>
              <button type="submit" className="button-secondary">
                {t("person.addGuardian")}
              </button>
            </div>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">{t("person.plans")}</h2>
        {data.plans.length === 0 ? (
          <p className="muted">{t("person.noPlans")}</p>
        ) : (
          <ul className="result-list">
            {data.plans.map((plan) => (
              <li key={plan.id}>
                <Link to={planHref(plan.id)}>
                  {t("person.plan")} · {t(plan.isProposal && plan.status === "draft" ? "person.planStatus.proposal" : `person.planStatus.${plan.status}`)}
                </Link>
                <span className="muted"> · {t("person.planLead", { name: plan.leadDisplayName })}</span>
              </li>
            ))}
          </ul>
        )}
        {data.mayOpenPlan ? (
          <p>
            <Link to={openPlanHref(person.id)} className="button-link">
              {t("person.openPlan")}
            </Link>
          </p>
        ) : null}
      </section>

      <PersonOrders personId={person.id} orders={data.orders} mayIssue={data.mayIssueOrder} />

      {data.screenings && (data.screenings.startHref || data.screenings.screenings.length > 0) ? (
        <section aria-labelledby="screenings-heading">
          <h2 id="screenings-heading">{t("screening.links.title")}</h2>
          {data.screenings.screenings.length > 0 ? (
            <ul className="result-list">
              {data.screenings.screenings.map((screening) => (
                <li key={screening.id}>
                  <Link to={screening.href}>
                    {screening.status === "completed" && screening.completedAt
                      ? t("screening.status.completedOn", { date: formatDate(screening.completedAt) })
                      : t(
                          screening.status === "in_progress"
                            ? "screening.status.inProgress"
                            : screening.status === "abandoned"
                              ? "screening.abandoned"
                              : "screening.status.onFile",
                        )}
                  </Link>
                  <span className="muted">
                    {" · "}
                    {t("screening.followUp")}: {t(`screening.followUp.${screening.followUp}`)}
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {data.screenings.startHref ? (
            <p>
              <Link to={data.screenings.startHref} className="button-link">
                {t("screening.links.start")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="chronology-heading">
        <h2 id="chronology-heading">{t("chronology.title")}</h2>
        {data.chronology.length === 0 ? (
          <p className="muted">{t("chronology.empty")}</p>
        ) : (
          // On a phone the four columns scroll inside their own region, never the page.
          <div className="table-scroll" role="region" aria-labelledby="chronology-heading" tabIndex={0}>
            <table className="table" data-testid="chronology">
              <thead>
                <tr>
                  <th scope="col">{t("chronology.when")}</th>
                  <th scope="col">{t("chronology.what")}</th>
                  <th scope="col">{t("chronology.agency")}</th>
                  <th scope="col">{t("chronology.author")}</th>
                </tr>
              </thead>
              <tbody>
                {data.chronology.map((entry) => (
                  <tr key={entry.id} className={entry.due ? "chronology-due" : undefined}>
                    <td>
                      {entry.due ? `${t("chronology.due")}: ` : null}
                      {formatDateTime(entry.occurredAt)}
                    </td>
                    <td>{t(entry.labelKey as MessageKey)}</td>
                    <td>{entry.agency ? localName(entry.agency, locale) : ""}</td>
                    <td>{entry.author ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {data.merge ? (
        <section aria-labelledby="merge-heading">
          <h2 id="merge-heading">{t("person.merge.title")}</h2>
          <p className="muted">{t("person.merge.intro")}</p>
          {data.merge.candidates.length === 0 ? (
            <p className="muted">{t("person.merge.none")}</p>
          ) : (
            <ul className="result-list">
              {data.merge.candidates.map((candidate) => (
                <li key={candidate.id}>
                  <Link to={`/people/${candidate.id}`}>{fullName(candidate)}</Link>
                  {candidate.birthDate ? <span className="muted"> · {formatDate(candidate.birthDate)}</span> : null}{" "}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="merge" />
                    <input type="hidden" name="duplicateId" value={candidate.id} />
                    <button type="submit" className="button-secondary">
                      {t("person.merge.submit")}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
          {data.merge.merged.length > 0 ? (
            <>
              <h3>{t("person.merge.merged")}</h3>
              <ul className="result-list">
                {data.merge.merged.map((entry) => (
                  <li key={entry.mergeId}>
                    {entry.name ? fullName(entry.name) : entry.personId} <span className="muted">· {formatDateTime(entry.mergedAt)}</span>{" "}
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="unmerge" />
                      <input type="hidden" name="mergeId" value={entry.mergeId} />
                      <button type="submit" className="button-secondary">
                        {t("person.merge.undo")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function isRelation(value: string): value is (typeof GUARDIAN_RELATIONS)[number] {
  return (GUARDIAN_RELATIONS as readonly string[]).includes(value);
}
