import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import { toBishkekDateTimeInput } from "~/kit/fields";
import { CodeOptions, conditionLabel, OrderForm, orderLinks, RadioGroup, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { recordViolation } from "~/modules/protection-orders/order-commands.server";
import { readOrder } from "~/modules/protection-orders/order-reads.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { NOTE_MAX, VIOLATION_ACTIONS, violationSchema } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/** A violation of one of the order's conditions: what happened and the action taken; a re-assessment follows. */
export async function loader(args: LoaderFunctionArgs) {
  const { caller, orderId, facts } = await orderFormRequest(args, "record_violation");
  const order = await readOrder(caller, orderId);
  return json({ orderId, version: facts.version, conditions: order.conditions, now: toBishkekDateTimeInput(new Date()) });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, violationSchema, recordViolation);

export default function ViolationPage() {
  const { orderId, version, conditions, now } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.violation.title")}</h1>
      <p className="lead">{t("order.violation.intro")}</p>
      <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.violation.submit")}>
        <RadioGroup
          id="field-conditionId"
          name="conditionId"
          legend={t("order.field.conditionId")}
          options={conditions.map((condition) => ({ value: condition.id, label: conditionLabel(t, condition) }))}
          checked={values.conditionId}
          error={error("conditionId")}
        />
        <TextField
          name="occurredAt"
          type="datetime-local"
          label={t("order.field.occurredAt")}
          defaultValue={values.occurredAt ?? now}
          error={error("occurredAt")}
        />
        <TextAreaField
          name="description"
          label={t("order.field.description")}
          maxLength={NOTE_MAX}
          rows={4}
          defaultValue={values.description ?? ""}
          error={error("description")}
        />
        <SelectField name="action" label={t("order.field.action")} defaultValue={values.action ?? ""} error={error("action")}>
          <CodeOptions codes={VIOLATION_ACTIONS} prefix="order.action" t={t} />
        </SelectField>
      </OrderForm>
    </div>
  );
}
