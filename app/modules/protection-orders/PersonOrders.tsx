import { Link } from "@remix-run/react";
import { formatDate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { OrderStatus } from "~policies/protection-order.policy";
import { statusLabel } from "./OrderComponents";

type PersonOrder = { id: string; status: OrderStatus; role: "protected_person" | "respondent" | "child"; issuedAt: string; expiresAt: string; repeat: boolean };

/** The person page's protection orders (as far as the viewer may see them) and, for police officers, "issue an order". */
export function PersonOrders({ personId, orders, mayIssue }: { personId: string; orders: PersonOrder[]; mayIssue: boolean }) {
  const { t } = useTranslation();
  if (orders.length === 0 && !mayIssue) return null;
  return (
    <section aria-labelledby="orders-heading">
      <h2 id="orders-heading">{t("order.person.title")}</h2>
      {orders.length === 0 ? (
        <p className="muted">{t("order.person.none")}</p>
      ) : (
        <ul className="result-list">
          {orders.map((order) => (
            <li key={order.id}>
              <Link to={`/orders/${order.id}`}>{t("order.person.item", { date: formatDate(order.issuedAt) })}</Link>
              <span className="muted">
                {" · "}
                {t(`order.party.${order.role}`)} · {statusLabel(t, order.status)} · {t("order.person.until", { date: formatDate(order.expiresAt) })}
              </span>
              {order.repeat ? <span className="badge badge-off"> {t("order.person.repeat")}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {mayIssue ? (
        <p>
          <Link to={`/orders/new?protectedId=${personId}`} className="button-link">
            {t("order.person.issue")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
