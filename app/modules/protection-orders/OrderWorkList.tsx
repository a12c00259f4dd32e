import { Link } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { OrderWork } from "./order-tasks.server";

/** Protection-order work on the home page: each item leads to the order page, where it is done. */
export function OrderWorkList({ work }: { work: OrderWork }) {
  const { t } = useTranslation();
  if (work.tasks.length === 0 && work.alerts.length === 0 && !work.board) return null;
  return (
    <div data-testid="order-work">
      <h3>{t("order.work.title")}</h3>
      {work.tasks.length > 0 || work.alerts.length > 0 ? (
        <ul className="result-list">
          {work.tasks.map((task) => (
            <li key={`${task.kind}-${task.orderId}`}>
              <Link to={`/orders/${task.orderId}`}>
                <strong>{t(`order.work.task.${task.kind}`)}</strong>
              </Link>
              <span className={task.kind === "check_overdue" ? "task-overdue" : "muted"}>
                {" · "}
                {formatDateTime(task.due)}
              </span>
            </li>
          ))}
          {work.alerts.map((alert) => (
            <li key={alert.id}>
              <Link to={`/orders/${alert.orderId}`}>
                <strong>{t(ALERT_KEYS[alert.kind as keyof typeof ALERT_KEYS] ?? "order.work.alert.other")}</strong>
              </Link>
              <span className="muted">
                {" · "}
                {formatDateTime(alert.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {work.board ? (
        <p>
          <Link to="/orders/board">{t("order.work.board")}</Link>
        </p>
      ) : null}
    </div>
  );
}

const ALERT_KEYS = {
  order_issued: "order.work.alert.order_issued",
  order_child: "order.work.alert.order_child",
  order_violation: "order.work.alert.order_violation",
  order_check_overdue: "order.work.alert.order_check_overdue",
  order_expiring: "order.work.alert.order_expiring",
  order_handed_over: "order.work.alert.order_handed_over",
} as const satisfies Record<string, string>;
