import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { toBishkekDateTimeInput } from "~/kit/fields";
import { CodeOptions, OrderForm, orderLinks, RadioGroup, RiskChecklistFields, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { recordCheck } from "~/modules/protection-orders/order-commands.server";
import { riskFormView } from "~/modules/protection-orders/order-issue.server";
import { readOrder } from "~/modules/protection-orders/order-reads.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { CHECK_METHODS, CHECK_OUTCOMES, checkSchema, NOTE_MAX, PROTECTED_CONFIRMATIONS } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/** A compliance check, with the risk checklist filled in from the latest answers so re-assessing is quick. */
export async function loader(args: LoaderFunctionArgs) {
  const { caller, orderId, facts } = await orderFormRequest(args, "record_check");
  const [order, risk] = await Promise.all([readOrder(caller, orderId), riskFormView()]);
  const prefill = Object.fromEntries((order.risk?.items ?? []).map((item) => [item.code, item.answer]));
  return json({ orderId, version: facts.version, now: toBishkekDateTimeInput(new Date()), risk, prefill, prefilledAt: order.risk?.assessedAt ?? null });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, checkSchema, recordCheck);

export default function CheckPage() {
  const { orderId, version, now, risk, prefill, prefilledAt } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  return (
    <div className="page">
      <h1>{t("order.check.title")}</h1>
      <p className="lead">{t("order.check.intro")}</p>
      {risk ? (
        <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.check.submit")}>
          <TextField name="doneAt" type="datetime-local" label={t("order.field.doneAt")} defaultValue={values.doneAt ?? now} error={error("doneAt")} />
          <SelectField name="method" label={t("order.field.method")} defaultValue={values.method ?? ""} error={error("method")}>
            <CodeOptions codes={CHECK_METHODS} prefix="order.method" t={t} />
          </SelectField>
          <SelectField name="outcome" label={t("order.field.outcome")} defaultValue={values.outcome ?? ""} error={error("outcome")}>
            <CodeOptions codes={CHECK_OUTCOMES} prefix="order.outcome" t={t} />
          </SelectField>
          <TextAreaField
            name="note"
            label={`${t("order.field.note")} (${t("order.form.optional")})`}
            maxLength={NOTE_MAX}
            rows={3}
            defaultValue={values.note ?? ""}
            error={error("note")}
          />
          <RadioGroup
            id="field-protectedConfirmed"
            name="protectedConfirmed"
            legend={t("order.field.protectedConfirmed")}
            options={PROTECTED_CONFIRMATIONS.map((value) => ({ value, label: t(`order.confirmation.${value}` as MessageKey) }))}
            checked={values.protectedConfirmed}
            error={error("protectedConfirmed")}
          />
          <TextAreaField
            name="protectedStatement"
            label={`${t("order.field.protectedStatement")} (${t("order.form.optional")})`}
            maxLength={NOTE_MAX}
            rows={3}
            defaultValue={values.protectedStatement ?? ""}
            error={error("protectedStatement")}
          />
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
