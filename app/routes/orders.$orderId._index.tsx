import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Fact } from "~/components/Fact";
import { formatDate, formatDateTime, localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { recordRequest } from "~/kit/request.server";
import { conditionKindLabel, conditionLabel, localText, orderLinks, riskLabel, statusLabel } from "~/modules/protection-orders/OrderComponents";
import { readOrder } from "~/modules/protection-orders/order-reads.server";
import { markOrderAlertsRead } from "~/modules/protection-orders/order-tasks.server";

export const links = orderLinks;

/** One order, as much as this viewer may see: the module reads (and decrypts) only the visible parts. */
export async function loader(args: LoaderFunctionArgs) {
  const { id, ...caller } = await recordRequest(args, "orders", "orderId");
  const order = await readOrder(caller, id);
  await markOrderAlertsRead(caller, id);
  const saved = new URL(args.request.url).searchParams.has("saved");
  return json({ order, saved });
}

const ACTION_LINKS = [
  ["serve", "serve", "order.page.serve"],
  ["check", "check", "order.page.check"],
  ["violation", "violation", "order.page.violation"],
  ["risk", "risk", "order.page.reassess"],
  ["notice", "notice", "order.page.notice"],
  ["extend", "extend", "order.page.extend"],
  ["handOver", "hand-over", "order.page.handOver"],
  ["revoke", "revoke", "order.page.revoke"],
] as const;

export default function OrderPage() {
  const { t, locale } = useTranslation();
  const { order, saved } = useLoaderData<typeof loader>();
  const protectedPerson = order.parties.find((party) => party.role === "protected_person");
  const actions = ACTION_LINKS.filter(([key]) => order.actions[key]);
  const confirmation = (value: boolean | null) =>
    t(value === null ? "order.confirmation.not_asked" : value ? "order.confirmation.yes" : "order.confirmation.no");
  return (
    <div className="page order-page">
      <h1>
        {t("order.page.title")}
        {protectedPerson ? <span className="subtitle">{protectedPerson.name}</span> : null}
      </h1>
      {saved ? (
        <p className="notice" role="status">
          {t("order.page.saved")}
        </p>
      ) : null}

      {actions.length > 0 ? (
        <nav aria-label={t("order.page.actions")} className="order-actions">
          <ul className="plain-list actions">
            {actions.map(([key, path, label]) => (
              <li key={key}>
                <Link to={`/orders/${order.id}/${path}`} className={key === "revoke" ? "button-secondary danger-link" : "button-secondary"}>
                  {t(label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("order.page.details")}</h2>
        <dl className="facts">
          <Fact label={t("order.page.status")}>{statusLabel(t, order.status)}</Fact>
          <Fact label={t("order.field.reason")}>{t(`order.reason.${order.reason}` as MessageKey)}</Fact>
          <Fact label={t("order.page.issuedAt")}>{formatDateTime(order.issuedAt)}</Fact>
          <Fact label={t("order.page.servedAt")}>{order.servedAt ? formatDateTime(order.servedAt) : t("order.page.notServed")}</Fact>
          <Fact label={t("order.page.expiresAt")}>
            {formatDateTime(order.expiresAt)}
            {order.expiringSoon ? <span className="badge badge-off order-badge">{t("order.page.expiringSoon")}</span> : null}
          </Fact>
          <Fact label={t("order.page.latestExtension")}>{formatDate(order.latestExtensionAt)}</Fact>
          {order.nextCheckDueAt ? <Fact label={t("order.page.nextCheck")}>{formatDateTime(order.nextCheckDueAt)}</Fact> : null}
          {order.reassessmentDueAt && order.risk ? <Fact label={t("order.page.reassessmentDue")}>{formatDateTime(order.reassessmentDueAt)}</Fact> : null}
          {order.riskLevel ? <Fact label={t("order.page.riskLevel")}>{riskLabel(t, order.riskLevel)}</Fact> : null}
          {order.outcome ? <Fact label={t("order.page.outcome")}>{t(`order.outcomeOnClose.${order.outcome}`)}</Fact> : null}
          <Fact label={t("order.page.responsible")}>{order.responsibleName}</Fact>
          <Fact label={t("order.page.agency")}>{localName(order.issuingAgencyName, locale)}</Fact>
          <Fact label={t("order.page.lawReference")}>{order.lawReference}</Fact>
        </dl>
        {order.serviceNote ? (
          <>
            <h3>{t("order.page.serviceNote")}</h3>
            <p className="preserve-lines">{order.serviceNote}</p>
          </>
        ) : null}
        {order.revocationReason ? (
          <>
            <h3>{t("order.page.revocationReason")}</h3>
            <p className="preserve-lines">{order.revocationReason}</p>
          </>
        ) : null}
      </section>

      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading">{t("order.page.parties")}</h2>
        <ul className="plain-list order-parties">
          {order.parties.map((party) => (
            <li key={party.personId}>
              <span className="muted">{t(`order.party.${party.role}`)}:</span> <Link to={`/people/${party.personId}`}>{party.name}</Link>
            </li>
          ))}
        </ul>
        {order.protectedContact && (order.protectedContact.phone || order.protectedContact.address) ? (
          <>
            <h3>{t("order.page.contact")}</h3>
            <dl className="facts">
              {order.protectedContact.phone ? <Fact label={t("order.page.phone")}>{order.protectedContact.phone}</Fact> : null}
              {order.protectedContact.address ? <Fact label={t("order.page.address")}>{order.protectedContact.address}</Fact> : null}
            </dl>
          </>
        ) : null}
      </section>

      <section aria-labelledby="conditions-heading">
        <h2 id="conditions-heading">{t("order.page.conditions")}</h2>
        <ul className="order-conditions">
          {order.conditions.map((condition) => (
            <li key={condition.id}>{conditionLabel(t, condition)}</li>
          ))}
        </ul>
      </section>

      {order.narrative !== null ? (
        <section aria-labelledby="narrative-heading">
          <h2 id="narrative-heading">{t("order.page.narrative")}</h2>
          <p className="preserve-lines">{order.narrative}</p>
        </section>
      ) : null}

      {order.risk ? (
        <section aria-labelledby="risk-heading">
          <h2 id="risk-heading">{t("order.page.risk")}</h2>
          <dl className="facts">
            <Fact label={t("order.page.riskLevel")}>{riskLabel(t, order.risk.finalLevel)}</Fact>
            <Fact label={t("order.page.riskComputed")}>{riskLabel(t, order.risk.computedLevel)}</Fact>
            <Fact label={t("order.page.riskAssessedAt")}>{formatDateTime(order.risk.assessedAt)}</Fact>
          </dl>
          {order.risk.judgementReason ? (
            <>
              <h3>{t("order.page.judgementReason")}</h3>
              <p className="preserve-lines">{order.risk.judgementReason}</p>
            </>
          ) : null}
          <table className="order-table risk-table">
            <caption>{t("order.page.riskAnswers")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("order.page.riskQuestion")}</th>
                <th scope="col">{t("order.page.riskAnswer")}</th>
              </tr>
            </thead>
            <tbody>
              {order.risk.items.map((item) => (
                <tr key={item.code} className={item.answer === "yes" ? "risk-yes" : undefined}>
                  <th scope="row" data-label={t("order.page.riskQuestion")}>
                    {localText(item.text, locale)}
                    {item.critical ? <span className="badge badge-off risk-critical-mark">{t("order.riskForm.critical")}</span> : null}
                  </th>
                  <td data-label={t("order.page.riskAnswer")}>
                    {item.answer ? <strong>{t(`order.riskAnswer.${item.answer}`)}</strong> : <span className="muted">{t("order.page.notAnswered")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {order.riskHistory.length > 1 ? (
            <table className="order-cards">
              <caption>{t("order.page.riskHistory")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("order.page.riskAssessedAt")}</th>
                  <th scope="col">{t("order.page.trigger")}</th>
                  <th scope="col">{t("order.page.riskLevel")}</th>
                </tr>
              </thead>
              <tbody>
                {order.riskHistory.map((row) => (
                  <tr key={`${row.assessedAt}-${row.trigger}`}>
                    <td data-label={t("order.page.riskAssessedAt")}>{formatDateTime(row.assessedAt)}</td>
                    <td data-label={t("order.page.trigger")}>{t(`order.trigger.${row.trigger}` as MessageKey)}</td>
                    <td data-label={t("order.page.riskLevel")}>{riskLabel(t, row.finalLevel)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">{t("order.page.checks")}</h2>
        {order.checks.length === 0 ? (
          <p className="muted">{t("order.page.noChecks")}</p>
        ) : (
          <table className="order-cards">
            <caption>{t("order.page.checksCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("order.page.planned")}</th>
                <th scope="col">{t("order.page.done")}</th>
                <th scope="col">{t("order.page.method")}</th>
                <th scope="col">{t("order.page.checkOutcome")}</th>
                <th scope="col">{t("order.page.confirmation")}</th>
                <th scope="col">{t("order.page.by")}</th>
              </tr>
            </thead>
            <tbody>
              {order.checks.map((check) => (
                <tr key={check.id}>
                  <td data-label={t("order.page.planned")}>{check.plannedFor ? formatDateTime(check.plannedFor) : "—"}</td>
                  <td data-label={t("order.page.done")}>
                    {check.doneAt ? formatDateTime(check.doneAt) : <span className="muted">{t("order.page.notDone")}</span>}
                    {check.recordedLate && check.doneAt && check.recordedAt ? (
                      <span className="late-record">
                        <span className="badge badge-off">{t("order.page.recordedLate")}</span>{" "}
                        <span className="small">
                          {t("order.page.recordedLateDetail", { done: formatDateTime(check.doneAt), recorded: formatDateTime(check.recordedAt) })}
                        </span>
                      </span>
                    ) : null}
                    {check.note ? (
                      <span className="check-text small preserve-lines">
                        {t("order.page.checkNote")}: {check.note}
                      </span>
                    ) : null}
                    {check.protectedStatement ? (
                      <span className="check-text small preserve-lines">
                        {t("order.page.statement")}: {check.protectedStatement}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t("order.page.method")}>{check.method ? t(`order.method.${check.method}` as MessageKey) : "—"}</td>
                  <td data-label={t("order.page.checkOutcome")}>{check.outcome ? t(`order.outcome.${check.outcome}` as MessageKey) : "—"}</td>
                  <td data-label={t("order.page.confirmation")}>{check.doneAt ? confirmation(check.protectedConfirmed) : "—"}</td>
                  <td data-label={t("order.page.by")}>{check.doneByName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="violations-heading">
        <h2 id="violations-heading">{t("order.page.violations")}</h2>
        {order.violations.length === 0 ? (
          <p className="muted">{t("order.page.noViolations")}</p>
        ) : (
          <table className="order-cards">
            <caption>{t("order.page.violationsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("order.page.occurredAt")}</th>
                <th scope="col">{t("order.page.condition")}</th>
                <th scope="col">{t("order.page.action")}</th>
                {order.violations.some((violation) => violation.description !== null) ? <th scope="col">{t("order.page.description")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {order.violations.map((violation) => (
                <tr key={violation.id}>
                  <td data-label={t("order.page.occurredAt")}>{formatDateTime(violation.occurredAt)}</td>
                  <td data-label={t("order.page.condition")}>{conditionKindLabel(t, violation.conditionKind)}</td>
                  <td data-label={t("order.page.action")}>{t(`order.action.${violation.action}` as MessageKey)}</td>
                  {violation.description !== null ? (
                    <td data-label={t("order.page.description")} className="preserve-lines">
                      {violation.description}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {order.extensions.length > 0 ? (
        <section aria-labelledby="extensions-heading">
          <h2 id="extensions-heading">{t("order.page.extensions")}</h2>
          <table className="order-cards">
            <caption>{t("order.page.extensionsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("order.page.previousExpires")}</th>
                <th scope="col">{t("order.page.newExpires")}</th>
                <th scope="col">{t("order.page.decidedAt")}</th>
                {order.extensions.some((extension) => extension.decisionReference !== null) ? <th scope="col">{t("order.page.decision")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {order.extensions.map((extension) => (
                <tr key={extension.decidedAt}>
                  <td data-label={t("order.page.previousExpires")}>{formatDateTime(extension.previousExpiresAt)}</td>
                  <td data-label={t("order.page.newExpires")}>{formatDateTime(extension.newExpiresAt)}</td>
                  <td data-label={t("order.page.decidedAt")}>{formatDateTime(extension.decidedAt)}</td>
                  {extension.decisionReference !== null ? <td data-label={t("order.page.decision")}>{extension.decisionReference}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      <section aria-labelledby="notices-heading">
        <h2 id="notices-heading">{t("order.page.notices")}</h2>
        {order.notices.length === 0 ? (
          <p className="muted">{t("order.page.noNotices")}</p>
        ) : (
          <table className="order-cards">
            <caption>{t("order.page.noticesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("order.page.noticeKind")}</th>
                <th scope="col">{t("order.page.noticeMethod")}</th>
                <th scope="col">{t("order.page.toldAt")}</th>
              </tr>
            </thead>
            <tbody>
              {order.notices.map((notice) => (
                <tr key={`${notice.kind}-${notice.toldAt}`}>
                  <td data-label={t("order.page.noticeKind")}>{t(`order.notice.${notice.kind}` as MessageKey)}</td>
                  <td data-label={t("order.page.noticeMethod")}>{t(`order.noticeMethod.${notice.method}` as MessageKey)}</td>
                  <td data-label={t("order.page.toldAt")}>{formatDateTime(notice.toldAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
