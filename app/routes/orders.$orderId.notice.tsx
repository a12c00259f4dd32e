import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { toBishkekDateTimeInput } from "~/kit/fields";
import { CodeOptions, OrderForm, orderLinks, RadioGroup, useOrderForm } from "~/modules/protection-orders/OrderComponents";
import { recordNotice } from "~/modules/protection-orders/order-commands.server";
import { orderCommandAction, orderFormRequest } from "~/modules/protection-orders/order-route.server";
import { NOTICE_KINDS, NOTICE_METHODS, noticeSchema } from "~/modules/protection-orders/orders.schema";

export const links = orderLinks;

/**
 * The protected person was told the order was served or ends soon. The suggested text carries the
 * end date and the duty line only: never anything about the respondent.
 */
export async function loader(args: LoaderFunctionArgs) {
  const { orderId, facts } = await orderFormRequest(args, "notify_protected");
  return json({
    orderId,
    version: facts.version,
    served: facts.servedAt !== null,
    expiresAt: facts.expiresAt.toISOString(),
    now: toBishkekDateTimeInput(new Date()),
  });
}

export const action = (args: ActionFunctionArgs) => orderCommandAction(args, noticeSchema, recordNotice);

export default function NoticePage() {
  const { orderId, version, served, expiresAt, now } = useLoaderData<typeof loader>();
  const { t, actionData, values, error } = useOrderForm();
  const kinds = NOTICE_KINDS.filter((kind) => kind !== "served" || served);
  const date = formatDate(expiresAt);
  return (
    <div className="page">
      <h1>{t("order.noticePage.title")}</h1>
      <p className="lead">{t("order.noticePage.intro")}</p>
      <section aria-labelledby="script-heading" className="notice-script">
        <h2 id="script-heading">{t("order.noticePage.script")}</h2>
        {served ? (
          <blockquote>
            <p>
              <strong>{t("order.notice.served")}:</strong> {t("order.noticePage.scriptServed", { date })}
            </p>
          </blockquote>
        ) : null}
        <blockquote>
          <p>
            <strong>{t("order.notice.expiring")}:</strong> {t("order.noticePage.scriptExpiring", { date })}
          </p>
        </blockquote>
      </section>
      <OrderForm orderId={orderId} version={version} actionData={actionData} submitLabel={t("order.noticePage.submit")}>
        <RadioGroup
          id="field-kind"
          name="kind"
          legend={t("order.field.noticeKind")}
          options={kinds.map((kind) => ({ value: kind, label: t(`order.notice.${kind}` as MessageKey) }))}
          checked={values.kind ?? (kinds.length === 1 ? kinds[0] : undefined)}
          error={error("kind")}
        />
        <SelectField name="method" label={t("order.field.noticeMethod")} defaultValue={values.method ?? ""} error={error("method")}>
          <CodeOptions codes={NOTICE_METHODS} prefix="order.noticeMethod" t={t} />
        </SelectField>
        <TextField name="toldAt" type="datetime-local" label={t("order.field.toldAt")} defaultValue={values.toldAt ?? now} error={error("toldAt")} />
      </OrderForm>
    </div>
  );
}
