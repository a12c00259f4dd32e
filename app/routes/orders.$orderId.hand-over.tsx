import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { localName } from "~/i18n/i18n";
import { OrderForm, orderLinks, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { handOverOrder } from "~/modules/protection-orders/order-commands.server";
import { districtOfficers } from "~/modules/protection-orders/order-officers.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { handOverSchema } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/** A police supervisor hands the order to another active police officer of the order's district. */
export async function loader(args: LoaderFunctionArgs) {
  const { orderId, facts } = await orderFormRequest(args, "hand_over");
  return json({ orderId, version: facts.version, officers: await districtOfficers(facts.territoryId, facts.responsibleUserId) });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, handOverSchema, handOverOrder);

export default function HandOverPage() {
  const { orderId, version, officers } = useLoaderData<typeof loader>();
  const { t, locale, actionData, values, error } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.handOver.title")}</h1>
      <p className="lead">{t("order.handOver.intro")}</p>
      {officers.length === 0 ? (
        <p role="status">{t("order.handOver.none")}</p>
      ) : (
        <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.handOver.submit")}>
          <SelectField
            name="responsibleUserId"
            label={t("order.field.responsibleUserId")}
            defaultValue={values.responsibleUserId ?? ""}
            error={error("responsibleUserId")}
          >
            <option value="">{t("order.form.choose")}</option>
            {officers.map((officer) => (
              <option key={officer.id} value={officer.id}>
                {`${officer.displayName} — ${localName(officer.agency, locale)}`}
              </option>
            ))}
          </SelectField>
        </OrderForm>
      )}
    </div>
  );
}
