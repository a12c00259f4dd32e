import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/TextField";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { callerActor, signedIn } from "~/kit/request.server";
import { personSearchSchema } from "~/modules/people/people.schema";
import { searchPeople, type PersonSummary } from "~/modules/people/people.server";
import { mayActOnPerson } from "~policies/person.policy";

/** GET search (a search changes nothing); only people the user may see are listed. */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "people");
  const params = new URL(args.request.url).searchParams;
  const values = { pin: params.get("pin") ?? "", surname: params.get("surname") ?? "", birthDate: params.get("birthDate") ?? "" };
  const searched = params.has("pin") || params.has("surname") || params.has("birthDate");
  const mayCreate = mayActOnPerson(callerActor(caller), "create", null);
  if (!searched) return json({ mayCreate, values, searched, errors: {} as Record<string, MessageKey>, results: null as PersonSummary[] | null });
  const parsed = personSearchSchema.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, MessageKey> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "pin")] ??= issue.message as MessageKey;
    return json({ mayCreate, values, searched, errors, results: null }, 400);
  }
  const results = await searchPeople({ ...caller, criteria: parsed.data });
  return json({ mayCreate, values, searched, errors: {} as Record<string, MessageKey>, results });
}

export default function PeopleSearch() {
  const { t } = useTranslation();
  const { mayCreate, values, errors, results } = useLoaderData<typeof loader>();
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  return (
    <div className="page">
      <h1>{t("people.title")}</h1>
      <p>{t("people.intro")}</p>
      {mayCreate ? (
        <p>
          <Link to="/people/new">{t("people.new")}</Link>
        </p>
      ) : null}
      <Form method="get" className="stack search-form">
        <fieldset>
          <legend>{t("people.byPin")}</legend>
          <TextField name="pin" label={t("people.pin")} defaultValue={values.pin} inputMode="numeric" autoComplete="off" error={error("pin")} />
        </fieldset>
        <fieldset>
          <legend>{t("people.byName")}</legend>
          <TextField name="surname" label={t("people.surname")} defaultValue={values.surname} autoComplete="off" error={error("surname")} />
          <TextField
            name="birthDate"
            label={t("people.birthDate")}
            hint={t("people.birthDateHint")}
            defaultValue={values.birthDate}
            inputMode="numeric"
            autoComplete="off"
            error={error("birthDate")}
          />
        </fieldset>
        <div>
          <button type="submit" className="button-primary">
            {t("people.search")}
          </button>
        </div>
      </Form>
      {results ? (
        <section aria-labelledby="results-heading">
          <h2 id="results-heading">{t("people.results")}</h2>
          {results.length === 0 ? (
            <p role="status">{t("people.noResults")}</p>
          ) : (
            <ul className="result-list">
              {results.map((person) => (
                <li key={person.id}>
                  <Link to={`/people/${person.id}`}>{[person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ")}</Link>
                  {person.birthDate ? <span className="muted"> · {formatDate(person.birthDate)}</span> : null}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">
            {t("people.emergencyHint")} <Link to="/break-glass">{t("people.emergencyLink")}</Link>
          </p>
        </section>
      ) : null}
    </div>
  );
}
