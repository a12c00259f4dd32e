import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatDateTime, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { listAlerts, markAlertRead } from "~/modules/screenings/alerts.server";
import { pathwayLinks } from "~/modules/screenings/pathway-links";
import { alertReadSchema } from "~/modules/screenings/pathways.schema";
import { signedIn } from "~/kit/request.server";
import { parseForm } from "~/server/forms.server";

export const links = pathwayLinks;

/** The user's screening alerts (pointers only) and, for supervisors, the overdue assessments of their district or region. */
export async function loader(args: LoaderFunctionArgs) {
  // Casework roles (the alerts area); each alert is the user's own.
  const caller = await signedIn(args, "screeningAlerts");
  return json(await listAlerts(caller));
}

export async function action(args: ActionFunctionArgs) {
  const caller = await signedIn(args, "screeningAlerts");
  const parsed = await parseForm(args.request, alertReadSchema);
  if (!parsed.ok) return json({ formError: parsed.formError ?? "error.badRequest" }, 400);
  await markAlertRead({ ...caller, alertId: parsed.data.alertId });
  throw redirect("/screenings/alerts");
}

export default function AlertsPage() {
  const { alerts, overdue, overdueScope } = useLoaderData<typeof loader>();
  const { t, locale } = useTranslation();
  return (
    <div className="page pathway-page">
      <h1>{t("pathway.alerts.title")}</h1>
      {alerts.length === 0 ? <p>{t("pathway.alerts.none")}</p> : null}
      <ul className="alert-list" data-testid="alerts">
        {alerts.map((alert) => {
          // Every row has the same two controls: their names start with the visible text and add which alert.
          const which = `${t(`pathway.alerts.kind.${alert.kind}` as MessageKey)}, ${formatDateTime(alert.createdAt)}`;
          return (
            <li key={alert.id} className={alert.readAt ? "alert-item" : "alert-item unread"}>
              <p>
                <strong>{t(`pathway.alerts.kind.${alert.kind}` as MessageKey)}</strong>
                {alert.readAt ? null : <span className="badge">{t("pathway.alerts.unread")}</span>}
              </p>
              <p className="muted">
                {alert.school ? `${localName(alert.school, locale)} · ` : ""}
                {t("pathway.alerts.received", {
                  date: formatDateTime(alert.createdAt),
                })}
              </p>
              {alert.assessmentDueAt ? (
                <p className={alert.overdue ? "alert-overdue" : undefined}>
                  {alert.assessmentDoneAt
                    ? t("pathway.status.assessmentDone", {
                        date: formatDateTime(alert.assessmentDoneAt),
                      })
                    : t(alert.overdue ? "pathway.status.assessmentOverdue" : "pathway.status.assessmentDue", { date: formatDateTime(alert.assessmentDueAt) })}
                </p>
              ) : alert.overdue ? (
                // Status viewers: the state without its time (the time would tell the result).
                <p className="alert-overdue">{t("pathway.status.followUpOverdue")}</p>
              ) : null}
              {alert.href ? null : <p className="muted">{t("pathway.alerts.otherDistrict")}</p>}
              <div className="actions">
                {alert.href ? (
                  <Link className="button-primary" to={alert.href} aria-label={`${t("pathway.alerts.open")}: ${which}`}>
                    {t("pathway.alerts.open")}
                  </Link>
                ) : null}
                {alert.readAt ? null : (
                  <Form method="post">
                    <input type="hidden" name="alertId" value={alert.id} />
                    <button type="submit" className="button-secondary" aria-label={`${t("pathway.alerts.markRead")}: ${which}`}>
                      {t("pathway.alerts.markRead")}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {overdue ? (
        <section aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">{t(overdueScope === "region" ? "pathway.alerts.overdueTitleRegion" : "pathway.alerts.overdueTitle")}</h2>
          {overdue.length === 0 ? (
            <p>{t("pathway.alerts.overdueNone")}</p>
          ) : (
            <ul className="alert-list" data-testid="overdue">
              {overdue.map((row) => (
                <li key={row.screeningId} className="alert-item">
                  {overdueScope === "region" && row.district ? <p className="muted">{localName(row.district, locale)}</p> : null}
                  <p className="alert-overdue">
                    {t("pathway.alerts.overdueRow", {
                      school: row.school ? localName(row.school, locale) : "—",
                      date: formatDateTime(row.dueAt),
                      screener: row.screener ?? "—",
                    })}
                  </p>
                  {row.escalatedAt ? (
                    <p className="muted">
                      {t("pathway.alerts.escalated", {
                        date: formatDateTime(row.escalatedAt),
                      })}
                    </p>
                  ) : null}
                  {row.href ? (
                    <p>
                      <Link
                        to={row.href}
                        aria-label={`${t("pathway.alerts.open")}: ${row.school ? localName(row.school, locale) : "—"}, ${formatDateTime(row.dueAt)}`}
                      >
                        {t("pathway.alerts.open")}
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  );
}
