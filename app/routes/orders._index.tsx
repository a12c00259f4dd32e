import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { orderLinks, riskLabel, statusLabel } from "~/modules/protection-orders/OrderComponents";
import { listOrders } from "~/modules/protection-orders/order-reads.server";

export const links = orderLinks;

const MAX_PAGE = 10_000;

/** The orders this user may list: open ones by default, ended ones on request; 50 a page. */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "orders");
  const params = new URL(args.request.url).searchParams;
  const ended = params.get("ended") === "1";
  const requested = Number(params.get("page") ?? "1");
  const page = Number.isInteger(requested) && requested >= 1 && requested <= MAX_PAGE ? requested : 1;
  const { rows, hasNext } = await listOrders(caller, { ended, page });
  return json({ rows, hasNext, page, ended });
}

export default function OrderList() {
  const { t } = useTranslation();
  const { rows, hasNext, page, ended } = useLoaderData<typeof loader>();
  const href = (options: { ended: boolean; page?: number }) => {
    const query = new URLSearchParams();
    if (options.ended) query.set("ended", "1");
    if (options.page && options.page > 1) query.set("page", String(options.page));
    const text = query.toString();
    return text ? `/orders?${text}` : "/orders";
  };
  const showRisk = rows.some((row) => row.riskLevel !== null);
  return (
    <div className="page">
      <h1>{t("order.list.title")}</h1>
      <p className="lead">{t("order.list.intro")}</p>
      <p className="muted">
        {t("order.list.issueHint")} <Link to="/people">{t("order.list.peopleLink")}</Link>
      </p>
      <nav aria-label={t("order.list.filter")} className="order-filter">
        <Link to={href({ ended: false })} aria-current={ended ? undefined : "page"}>
          {t("order.list.open")}
        </Link>
        <Link to={href({ ended: true })} aria-current={ended ? "page" : undefined}>
          {t("order.list.ended")}
        </Link>
      </nav>
      {rows.length === 0 ? (
        <p role="status">{t("order.list.empty")}</p>
      ) : (
        <table className="order-cards">
          <caption>{t("order.list.caption", { page })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("order.party.protected_person")}</th>
              <th scope="col">{t("order.party.respondent")}</th>
              <th scope="col">{t("order.list.status")}</th>
              <th scope="col">{t("order.list.expires")}</th>
              <th scope="col">{t("order.list.nextCheck")}</th>
              {showRisk ? <th scope="col">{t("order.list.risk")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row" data-label={t("order.party.protected_person")}>
                  <Link to={`/orders/${row.id}`}>{row.protectedName}</Link>
                  {row.mine ? <span className="muted small"> · {t("order.list.mine")}</span> : null}
                </th>
                <td data-label={t("order.party.respondent")}>{row.respondentName}</td>
                <td data-label={t("order.list.status")}>{statusLabel(t, row.status)}</td>
                <td data-label={t("order.list.expires")} className="nowrap">
                  {formatDate(row.expiresAt)}
                </td>
                <td data-label={t("order.list.nextCheck")} className="nowrap">
                  {row.nextCheckDueAt ? formatDate(row.nextCheckDueAt) : "—"}
                </td>
                {showRisk ? <td data-label={t("order.list.risk")}>{row.riskLevel ? riskLabel(t, row.riskLevel) : "—"}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page > 1 || hasNext ? (
        <nav className="pager" aria-label={t("order.pager.label")}>
          {page > 1 ? <Link to={href({ ended, page: page - 1 })}>{t("order.pager.previous")}</Link> : null}
          {hasNext ? <Link to={href({ ended, page: page + 1 })}>{t("order.pager.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
