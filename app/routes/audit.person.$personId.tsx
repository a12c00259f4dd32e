import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { recordRequest } from "~/kit/request.server";
import { auditSearchSchema } from "~/modules/audit/audit-filter.schema";
import { personAccessReport } from "~/modules/audit/audit-log.server";
import { actionLabel, AuditTable, Pager } from "~/modules/audit/AuditTable";

export const meta: MetaFunction = () => [{ title: "Kamkor" }];

const pageQuery = auditSearchSchema.innerType().pick({ before: true, after: true }).strict();

/** Auditor only: who has seen person :personId — from the audit log alone, never the Person row. Audited. */
export async function loader(args: LoaderFunctionArgs) {
  const { id: personId, ...caller } = await recordRequest(args, "audit", "personId");
  const url = new URL(args.request.url);
  const cursor = pageQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!cursor.success || (cursor.data.before !== undefined && cursor.data.after !== undefined)) {
    throw redirect(`/audit/person/${personId}`);
  }
  const report = await personAccessReport({ ...caller, personId, cursor: cursor.data });
  return json({ personId, ...report });
}

export default function PersonAccessReport() {
  const { t } = useTranslation();
  const { personId, groups, page } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <p>
        <Link to="/audit">{t("audit.backToLog")}</Link>
      </p>
      <h1>{t("audit.person.title")}</h1>
      <p>{t("audit.person.intro", { id: personId })}</p>
      <p className="muted">{t("audit.contentNote")}</p>
      {groups.length === 0 ? (
        <p role="status">{t("audit.person.none")}</p>
      ) : (
        <section aria-labelledby="by-user">
          <h2 id="by-user">{t("audit.person.byUser")}</h2>
          <div className="table-scroll" role="region" aria-labelledby="by-user-caption" tabIndex={0}>
            <table className="data-table">
              <caption id="by-user-caption">{t("audit.person.byUserCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("audit.col.user")}</th>
                  <th scope="col">{t("audit.person.first")}</th>
                  <th scope="col">{t("audit.person.last")}</th>
                  <th scope="col">{t("audit.person.count")}</th>
                  <th scope="col">{t("audit.person.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map((group) => (
                  <tr key={`${group.userId ?? ""}|${group.username ?? ""}`}>
                    <th scope="row">
                      {group.username ? <code>{group.username}</code> : <span className="muted">{t("audit.unknownUser")}</span>}
                      {group.displayName ? <div>{group.displayName}</div> : null}
                    </th>
                    <td className="nowrap">
                      <time dateTime={group.first}>{formatDateTime(group.first)}</time>
                    </td>
                    <td className="nowrap">
                      <time dateTime={group.last}>{formatDateTime(group.last)}</time>
                    </td>
                    <td>{group.count}</td>
                    <td>
                      <ul className="plain-list">
                        {group.actions.map((entry) => (
                          <li key={entry.action}>
                            {actionLabel(t, entry.action)} × {entry.count}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 id="events">{t("audit.person.events")}</h2>
          <AuditTable rows={page.rows} captionKey="audit.person.eventsCaption" id="person-events" linkPeople={false} />
          <Pager page={page} query="" basePath={`/audit/person/${personId}`} />
        </section>
      )}
    </div>
  );
}
