import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Fact } from "~/components/Fact";
import { TextField } from "~/components/TextField";
import { formatDateTime } from "~/i18n/i18n";
import { toBishkekDateTimeInput } from "~/kit/fields";
import { OrderForm, orderLinks, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { extendOrder } from "~/modules/protection-orders/order-commands.server";
import { ruleSetById } from "~/modules/protection-orders/order-facts.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { latestExtension } from "~/modules/protection-orders/order-rules";
import { extendSchema, REFERENCE_MAX } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/** An extension by decision: a later end, within the total the order's rule set allows. */
export async function loader(args: LoaderFunctionArgs) {
  const { orderId, facts } = await orderFormRequest(args, "extend");
  const rule = await ruleSetById(facts.ruleSetId);
  const latest = latestExtension(rule, facts.issuedAt);
  return json({
    orderId,
    version: facts.version,
    expiresAt: facts.expiresAt.toISOString(),
    latest: latest.toISOString(),
    latestInput: toBishkekDateTimeInput(latest),
    lawReference: rule.lawReference,
  });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, extendSchema, extendOrder);

export default function ExtendPage() {
  const { orderId, version, expiresAt, latest, latestInput, lawReference } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.extend.title")}</h1>
      <p className="lead">{t("order.extend.intro")}</p>
      <dl className="facts">
        <Fact label={t("order.extend.current")}>{formatDateTime(expiresAt)}</Fact>
        <Fact label={t("order.extend.latest")}>{formatDateTime(latest)}</Fact>
        <Fact label={t("order.page.lawReference")}>{lawReference}</Fact>
      </dl>
      <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.extend.submit")}>
        <TextField
          name="newExpiresAt"
          type="datetime-local"
          max={latestInput}
          label={t("order.field.newExpiresAt")}
          hint={`${t("order.extend.latest")}: ${formatDateTime(latest)}`}
          defaultValue={values.newExpiresAt ?? ""}
          error={error("newExpiresAt")}
        />
        <TextField
          name="decisionReference"
          label={t("order.field.decisionReference")}
          maxLength={REFERENCE_MAX}
          autoComplete="off"
          defaultValue={values.decisionReference ?? ""}
          error={error("decisionReference")}
        />
      </OrderForm>
    </div>
  );
}
