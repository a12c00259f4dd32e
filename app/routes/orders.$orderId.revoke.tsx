import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/TextAreaField";
import { OrderForm, orderLinks, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { revokeOrder } from "~/modules/protection-orders/order-commands.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { NOTE_MAX, revokeSchema } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/**
 * Revocation with a reason. A page of its own (the form is the confirmation: it names what happens
 * and needs a reason), so it works before JavaScript loads and carries only the schema's fields.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { orderId, facts } = await orderFormRequest(args, "revoke");
  return json({ orderId, version: facts.version });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, revokeSchema, revokeOrder);

export default function RevokePage() {
  const { orderId, version } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.revoke.title")}</h1>
      <p className="notice notice-warning">{t("order.revoke.intro")}</p>
      <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.revoke.submit")} danger>
        <TextAreaField
          name="revocationReason"
          label={t("order.field.revocationReason")}
          maxLength={NOTE_MAX}
          rows={4}
          defaultValue={values.revocationReason ?? ""}
          error={error("revocationReason")}
        />
      </OrderForm>
    </div>
  );
}
