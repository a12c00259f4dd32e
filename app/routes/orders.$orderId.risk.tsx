import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDateTime } from "~/i18n/i18n";
import { OrderForm, orderLinks, RiskChecklistFields, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { assessRisk } from "~/modules/protection-orders/order-commands.server";
import { riskFormView } from "~/modules/protection-orders/order-issue.server";
import { readOrder } from "~/modules/protection-orders/order-reads.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { riskSchema } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/** A risk re-assessment (after a violation, or when the officer or supervisor sees a change). */
export async function loader(args: LoaderFunctionArgs) {
  const { caller, orderId, facts } = await orderFormRequest(args, "assess_risk");
  const [order, risk] = await Promise.all([readOrder(caller, orderId), riskFormView()]);
  const prefill = Object.fromEntries((order.risk?.items ?? []).map((item) => [item.code, item.answer]));
  return json({ orderId, version: facts.version, risk, prefill, prefilledAt: order.risk?.assessedAt ?? null });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, riskSchema, assessRisk);

export default function RiskPage() {
  const { orderId, version, risk, prefill, prefilledAt } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.riskPage.title")}</h1>
      {risk ? (
        <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.riskPage.submit")}>
          <RiskChecklistFields
            risk={risk}
            values={values}
            error={error}
            prefill={prefill}
            prefilledAt={prefilledAt ? t("order.riskForm.prefilled", { date: formatDateTime(prefilledAt) }) : undefined}
          />
        </OrderForm>
      ) : (
        <p className="form-error" role="alert">
          {t("order.riskForm.unavailable")}
        </p>
      )}
    </div>
  );
}
