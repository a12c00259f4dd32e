import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import { toBishkekDateTimeInput } from "~/kit/fields";
import { OrderForm, orderLinks, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { serveOrder } from "~/modules/protection-orders/order-commands.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { NOTE_MAX, serveSchema } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/** Service on the respondent: from then the order is in force and checks are planned. */
export async function loader(args: LoaderFunctionArgs) {
  const { orderId, facts } = await orderFormRequest(args, "serve");
  return json({ orderId, version: facts.version, now: toBishkekDateTimeInput(new Date()) });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, serveSchema, serveOrder);

export default function ServePage() {
  const { orderId, version, now } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.serve.title")}</h1>
      <p className="lead">{t("order.serve.intro")}</p>
      <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.serve.submit")}>
        <TextField name="servedAt" type="datetime-local" label={t("order.field.servedAt")} defaultValue={values.servedAt ?? now} error={error("servedAt")} />
        <TextAreaField
          name="serviceNote"
          label={`${t("order.field.serviceNote")} (${t("order.form.optional")})`}
          maxLength={NOTE_MAX}
          rows={3}
          defaultValue={values.serviceNote ?? ""}
          error={error("serviceNote")}
        />
      </OrderForm>
    </div>
  );
}
