import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { AUDIT_DECISIONS, EXPORT_MAX_ROWS, filterToSearchParams, parseAuditSearch } from "~/modules/audit/audit-filter.schema";
import { searchAuditLog } from "~/modules/audit/audit-log.server";
import { actionLabel, AuditTable, decisionLabel, Pager } from "~/modules/audit/AuditTable";
import { AUDIT_ACTIONS } from "~/server/audit/actions";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

/** Auditor only. GET search (searching changes nothing), validated strictly; every search is audited. */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "audit");
  const parsed = parseAuditSearch(new URL(args.request.url).searchParams);
  if (!parsed.ok) {
    return json({ values: parsed.values, errors: parsed.fieldErrors, formError: parsed.formError ?? null, page: null, query: "", paged: false }, 400);
  }
  const page = await searchAuditLog({ ...caller, filter: parsed.filter, cursor: parsed.cursor, used: parsed.used });
  const paged = parsed.cursor.before !== undefined || parsed.cursor.after !== undefined;
  return json({ values: parsed.values, errors: {}, formError: null, page, query: filterToSearchParams(parsed.filter).toString(), paged });
}

export default function AuditLog() {
  const { t } = useTranslation();
  const { values, errors, formError, page, query, paged } = useLoaderData<typeof loader>();
  const fieldErrors = errors as Partial<Record<string, MessageKey>>;
  const error = (name: string) => {
    const key = fieldErrors[name];
    return key ? t(key) : undefined;
  };
  return (
    <div className="page">
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <p className="muted">{t("audit.contentNote")}</p>

      <Form method="get" className="stack" aria-labelledby="audit-filters">
        <h2 id="audit-filters">{t("audit.filters")}</h2>
        {formError ? (
          <p className="form-error" role="alert">
            {t(formError)}
          </p>
        ) : null}
        <div className="filter-grid">
          <TextField
            name="user"
            label={t("audit.user")}
            hint={t("audit.userHint")}
            defaultValue={values.user}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={error("user")}
          />
          <SelectField name="action" label={t("audit.action")} defaultValue={values.action ?? ""} error={error("action")}>
            <option value="">{t("audit.anyAction")}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabel(t, action)}
              </option>
            ))}
          </SelectField>
          <SelectField name="decision" label={t("audit.decision")} defaultValue={values.decision ?? ""} error={error("decision")}>
            <option value="">{t("audit.anyDecision")}</option>
            {AUDIT_DECISIONS.map((decision) => (
              <option key={decision} value={decision}>
                {decisionLabel(t, decision)}
              </option>
            ))}
          </SelectField>
          <TextField
            name="recordType"
            label={t("audit.recordType")}
            hint={t("audit.recordTypeHint")}
            defaultValue={values.recordType}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={error("recordType")}
          />
          <TextField
            name="recordId"
            label={t("audit.recordId")}
            defaultValue={values.recordId}
            autoComplete="off"
            spellCheck={false}
            error={error("recordId")}
          />
          <TextField name="from" type="date" label={t("audit.from")} defaultValue={values.from} error={error("from")} />
          <TextField name="to" type="date" label={t("audit.to")} defaultValue={values.to} error={error("to")} />
        </div>
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("audit.search")}
          </button>
          <Link to="/audit" className="button-secondary">
            {t("audit.reset")}
          </Link>
        </div>
      </Form>

      {page ? (
        <section aria-labelledby="audit-results">
          <h2 id="audit-results">{t("audit.results")}</h2>
          <p className="actions">
            <a href={`/audit/export${query ? `?${query}` : ""}`} className="button-secondary" download>
              {t("audit.export")}
            </a>
            <span className="muted">{t("audit.exportHint", { max: EXPORT_MAX_ROWS.toLocaleString("ru-RU") })}</span>
          </p>
          {page.rows.length === 0 ? (
            <p role="status">{t("audit.noResults")}</p>
          ) : (
            <AuditTable rows={page.rows} captionKey="audit.resultsCaption" id="audit-table" />
          )}
          <Pager page={page} query={query} basePath="/audit" />
          {page.rows.length === 0 && paged ? (
            <p>
              <Link to={query ? `/audit?${query}` : "/audit"}>{t("audit.latest")}</Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <Form method="get" action="/audit/person" className="stack lookup-form" aria-labelledby="person-lookup">
        <h2 id="person-lookup">{t("audit.person.lookup")}</h2>
        <div className="inline-field">
          <TextField name="personId" label={t("audit.person.personId")} hint={t("audit.person.lookupHint")} autoComplete="off" spellCheck={false} />
          <button type="submit" className="button-secondary">
            {t("audit.person.open")}
          </button>
        </div>
      </Form>
    </div>
  );
}
