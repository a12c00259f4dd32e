import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CheckboxGroup } from "~/components/CheckboxGroup";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import { Fact } from "~/components/Fact";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { toBishkekDateTimeInput } from "~/kit/fields";
import { formAction } from "~/kit/form-action.server";
import { idParam, signedIn } from "~/kit/request.server";
import { personSearchSchema } from "~/modules/people/people.schema";
import { searchPeople, type PersonSummary } from "~/modules/people/people.server";
import { CodeOptions, conditionKindLabel, OrderForm, orderLinks, RiskChecklistFields, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { issueOrder } from "~/modules/protection-orders/order-commands.server";
import { newOrderForm } from "~/modules/protection-orders/order-issue.server";
import { APPROACH_METRES_MAX, CONDITION_KINDS, issueOrderSchema, NARRATIVE_MAX, NOTE_MAX, ORDER_REASONS } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

type Search = { values: { pin: string; surname: string; birthDate: string }; errors: Record<string, MessageKey>; results: PersonSummary[] | null };

/**
 * Issue an order for a protected person (from their record). Step 1: find the respondent (a GET
 * search, like the people registry); step 2, with both ids: the issue form. Both people must be
 * readable by the officer, else an audited 404 from the module.
 */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "orders");
  const params = new URL(args.request.url).searchParams;
  const protectedId = idParam(params.get("protectedId"));
  const respondentParam = params.get("respondentId");
  const respondentId = respondentParam ? idParam(respondentParam) : null;
  const form = await newOrderForm(caller, protectedId, respondentId);
  const search: Search = {
    values: { pin: params.get("pin") ?? "", surname: params.get("surname") ?? "", birthDate: params.get("birthDate") ?? "" },
    errors: {},
    results: null,
  };
  if (!form.respondent && (params.has("pin") || params.has("surname") || params.has("birthDate"))) {
    const parsed = personSearchSchema.safeParse(search.values);
    if (parsed.success) {
      const found = await searchPeople({ user: caller.user, context: caller.context, criteria: parsed.data });
      search.results = found.filter((person) => person.id !== protectedId);
    } else {
      for (const issue of parsed.error.issues) search.errors[String(issue.path[0] ?? "pin")] ??= issue.message as MessageKey;
    }
  }
  return json({ ...form, search, now: toBishkekDateTimeInput(new Date()) });
}

export async function action(args: ActionFunctionArgs) {
  const { user, context } = await signedIn(args, "orders");
  return formAction(args.request, {
    schema: issueOrderSchema,
    run: (input) => issueOrder({ user, context, input }),
    next: (result) => `/orders/${result.id}?saved`,
  });
}

const personName = (person: PersonSummary) => [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ");

export default function NewOrder() {
  const data = useLoaderData<typeof loader>();
  const { t } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.new.title")}</h1>
      <dl className="facts">
        <Fact label={t("order.party.protected_person")}>
          <Link to={`/people/${data.protectedPerson.id}`}>{data.protectedPerson.name}</Link>
        </Fact>
        {data.respondent ? (
          <Fact label={t("order.party.respondent")}>
            <Link to={`/people/${data.respondent.id}`}>{data.respondent.name}</Link>
          </Fact>
        ) : null}
      </dl>
      {data.respondent ? <IssueStep /> : <RespondentStep />}
    </div>
  );
}

function RespondentStep() {
  const { protectedPerson, search } = useLoaderData<typeof loader>();
  const { t } = useOrderForm();
  const error = (name: string) => (search.errors[name] ? t(search.errors[name]) : undefined);
  const chooseHref = (id: string) => `/orders/new?${new URLSearchParams({ protectedId: protectedPerson.id, respondentId: id }).toString()}`;
  return (
    <section aria-labelledby="step-heading">
      <h2 id="step-heading">{t("order.new.step1")}</h2>
      <p>{t("order.new.step1Intro")}</p>
      <Form method="get" className="stack search-form">
        <input type="hidden" name="protectedId" value={protectedPerson.id} />
        <fieldset>
          <legend>{t("people.byPin")}</legend>
          <TextField name="pin" label={t("people.pin")} defaultValue={search.values.pin} inputMode="numeric" autoComplete="off" error={error("pin")} />
        </fieldset>
        <fieldset>
          <legend>{t("people.byName")}</legend>
          <TextField name="surname" label={t("people.surname")} defaultValue={search.values.surname} autoComplete="off" error={error("surname")} />
          <TextField
            name="birthDate"
            label={t("people.birthDate")}
            hint={t("people.birthDateHint")}
            defaultValue={search.values.birthDate}
            inputMode="numeric"
            autoComplete="off"
            error={error("birthDate")}
          />
        </fieldset>
        <div>
          <button type="submit" className="button-primary">
            {t("order.new.search")}
          </button>
        </div>
      </Form>
      {search.results ? (
        <section aria-labelledby="results-heading">
          <h3 id="results-heading">{t("order.new.results")}</h3>
          {search.results.length === 0 ? (
            <p role="status">{t("order.new.noResults")}</p>
          ) : (
            <ul className="result-list order-choices">
              {search.results.map((person) => (
                <li key={person.id}>
                  <span>
                    {personName(person)}
                    {person.birthDate ? <span className="muted"> · {formatDate(person.birthDate)}</span> : null}
                  </span>{" "}
                  <Link to={chooseHref(person.id)} className="button-secondary" aria-label={t("order.new.chooseName", { name: personName(person) })}>
                    {t("order.new.choose")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <p>
        <Link to="/people/new">{t("order.new.createPerson")}</Link>
      </p>
    </section>
  );
}

function IssueStep() {
  const { protectedPerson, respondent, children, rule, risk, now } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  const changeHref = `/orders/new?${new URLSearchParams({ protectedId: protectedPerson.id }).toString()}`;
  const ticked = (name: string) => values[name] === "on";
  if (!rule || !risk || !respondent) {
    return (
      <p className="form-error" role="alert">
        {t(rule ? "order.riskForm.unavailable" : "order.error.noRuleSet")}
      </p>
    );
  }
  return (
    <section aria-labelledby="step-heading">
      <h2 id="step-heading">{t("order.new.step2")}</h2>
      <p>
        <Link to={changeHref}>{t("order.new.changeRespondent")}</Link>
      </p>
      <OrderForm actionData={actionData} submitLabel={t("order.new.submit")}>
        <input type="hidden" name="protectedPersonId" value={protectedPerson.id} />
        <input type="hidden" name="respondentPersonId" value={respondent.id} />
        {error("protectedPersonId") || error("respondentPersonId") ? (
          <p className="form-error" role="alert">
            {error("protectedPersonId") ?? error("respondentPersonId")}
          </p>
        ) : null}
        <SelectField name="reason" label={t("order.field.reason")} defaultValue={values.reason ?? ""} error={error("reason")}>
          <CodeOptions codes={ORDER_REASONS} prefix="order.reason" t={t} />
        </SelectField>
        <TextField name="issuedAt" type="datetime-local" label={t("order.field.issuedAt")} defaultValue={values.issuedAt ?? now} error={error("issuedAt")} />
        <TextField
          name="days"
          type="number"
          inputMode="numeric"
          min={rule.minDays}
          max={rule.maxDays}
          label={t("order.field.days")}
          hint={t("order.field.daysHint", { min: rule.minDays, max: rule.maxDays, default: rule.defaultDays, law: rule.lawReference })}
          defaultValue={values.days ?? String(rule.defaultDays)}
          error={error("days")}
        />
        <TextAreaField
          name="narrative"
          label={t("order.field.narrative")}
          hint={t("order.field.narrativeHint")}
          maxLength={NARRATIVE_MAX}
          rows={6}
          defaultValue={values.narrative ?? ""}
          error={error("narrative")}
        />
        {children.length > 0 ? (
          <CheckboxGroup
            id="field-children"
            legend={t("order.field.children")}
            hint={t("order.field.childrenHint")}
            items={children.map((child) => ({ label: child.name, input: { name: `child_${child.id}`, defaultChecked: ticked(`child_${child.id}`) } }))}
          />
        ) : (
          <p className="muted">{t("order.field.noChildren")}</p>
        )}
        <CheckboxGroup
          id="field-conditions"
          legend={t("order.field.conditions")}
          error={error("conditions")}
          items={CONDITION_KINDS.map((kind) => ({
            label: conditionKindLabel(t, kind),
            input: { name: `cond_${kind}`, defaultChecked: ticked(`cond_${kind}`) },
          }))}
        />
        <div className="condition-details">
          <TextField
            name="approachMetres"
            type="number"
            inputMode="numeric"
            min={1}
            max={APPROACH_METRES_MAX}
            label={t("order.field.approachMetres")}
            defaultValue={values.approachMetres ?? ""}
            error={error("approachMetres")}
          />
          <TextAreaField
            name="otherCondition"
            label={t("order.field.otherCondition")}
            maxLength={NOTE_MAX}
            rows={2}
            defaultValue={values.otherCondition ?? ""}
            error={error("otherCondition")}
          />
        </div>
        <RiskChecklistFields risk={risk} values={values} error={error} />
      </OrderForm>
    </section>
  );
}
