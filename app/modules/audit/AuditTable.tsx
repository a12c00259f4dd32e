import { Link } from "@remix-run/react";
import { ru } from "~/i18n/catalogues/ru";
import { formatDateTime, localName, type MessageKey, type Translate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { AuditPage, AuditRow } from "./audit-log.server";

/** A catalogue label when there is one, else the code itself (actions added later, old roles). */
function labelOr(t: Translate, key: string, code: string): string {
  return key in ru ? t(key as MessageKey) : code;
}
export const actionLabel = (t: Translate, action: string) => labelOr(t, `audit.action.${action}`, action);
export const roleLabel = (t: Translate, role: string) => labelOr(t, `role.${role}`, role);
export const decisionLabel = (t: Translate, decision: string) => labelOr(t, `audit.decision.${decision}`, decision);

/** Loader data after JSON: the same row shape (all strings already). */
type Row = AuditRow;

function RecordCell({ row, linkPeople }: { row: Row; linkPeople: boolean }) {
  const { t } = useTranslation();
  if (!row.recordType) return <span className="muted">—</span>;
  const text = row.recordId ? `${row.recordType}: ${row.recordId}` : row.recordType;
  if (linkPeople && row.recordType === "person" && row.recordId && /^[0-9a-f-]{36}$/i.test(row.recordId)) {
    return (
      <>
        <code>{text}</code> <Link to={`/audit/person/${row.recordId}`}>{t("audit.person.report")}</Link>
      </>
    );
  }
  return <code>{text}</code>;
}

/** The events table: scrolls sideways inside its own focusable region on narrow screens. */
export function AuditTable({ rows, captionKey, id, linkPeople = true }: { rows: Row[]; captionKey: MessageKey; id: string; linkPeople?: boolean }) {
  const { t, locale } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table">
        <caption id={`${id}-caption`}>{t(captionKey)}</caption>
        <thead>
          <tr>
            <th scope="col">{t("audit.col.time")}</th>
            <th scope="col">{t("audit.col.user")}</th>
            <th scope="col">{t("audit.col.roles")}</th>
            <th scope="col">{t("audit.col.action")}</th>
            <th scope="col">{t("audit.col.record")}</th>
            <th scope="col">{t("audit.col.fields")}</th>
            <th scope="col">{t("audit.col.purpose")}</th>
            <th scope="col">{t("audit.col.decision")}</th>
            <th scope="col">{t("audit.col.requestId")}</th>
            <th scope="col">{t("audit.col.ip")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq}>
              <th scope="row" className="nowrap">
                <time dateTime={row.occurredAt}>{formatDateTime(row.occurredAt)}</time>
              </th>
              <td>
                {row.username ? <code>{row.username}</code> : <span className="muted">{t("audit.unknownUser")}</span>}
                {row.displayName ? <div>{row.displayName}</div> : null}
                {row.agency ? <div className="muted">{localName(row.agency, locale)}</div> : null}
              </td>
              <td>{row.roles.map((role) => roleLabel(t, role)).join(", ")}</td>
              <td>
                {actionLabel(t, row.action)}
                <div className="muted">
                  <code>{row.action}</code>
                </div>
              </td>
              <td>
                <RecordCell row={row} linkPeople={linkPeople} />
              </td>
              <td>{row.fields.length ? <code>{row.fields.join(", ")}</code> : null}</td>
              <td>{row.purpose ? <code>{row.purpose}</code> : null}</td>
              <td>
                <span className={`decision decision-${row.decision}`}>{decisionLabel(t, row.decision)}</span>
              </td>
              <td>{row.requestId ? <code className="small">{row.requestId}</code> : null}</td>
              <td>{row.ip ? <code>{row.ip}</code> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Previous page" / "next page" by seq cursor; the filter travels along in the query. */
export function Pager({ page, query, basePath }: { page: Pick<AuditPage, "newer" | "older">; query: string; basePath: string }) {
  const { t } = useTranslation();
  if (!page.newer && !page.older) return null;
  const href = (cursor: "after" | "before", seq: string) => {
    const params = new URLSearchParams(query);
    params.set(cursor, seq);
    return `${basePath}?${params.toString()}`;
  };
  return (
    <nav className="pager" aria-label={t("audit.pager")}>
      {page.newer ? (
        <Link to={href("after", page.newer)} rel="prev">
          {t("audit.newer")}
        </Link>
      ) : null}
      {page.older ? (
        <Link to={href("before", page.older)} rel="next">
          {t("audit.older")}
        </Link>
      ) : null}
    </nav>
  );
}
