import type { LinksFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import type { Locale, MessageKey, Translate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { FormActionData } from "~/kit/results";
import type { LocalisedText } from "~/modules/screenings/instruments";
import orderStyles from "~/styles/orders.css";
import type { OrderStatus } from "~policies/protection-order.policy";
import type { ConditionKind } from "./orders.schema";
import { RISK_ANSWERS, RISK_LEVELS, type RiskAnswer, type RiskLevel } from "./risk-instrument";

/** Shared pieces of the protection-order pages (client-safe: types and plain components only). */

export const orderLinks: LinksFunction = () => [{ rel: "stylesheet", href: orderStyles }];

export const statusLabel = (t: Translate, status: OrderStatus) => t(`order.status.${status}` as MessageKey);
export const riskLabel = (t: Translate, level: RiskLevel) => t(`order.risk.${level}` as MessageKey);

/** The kind of a condition without its details (a checklist entry, a violated condition). */
export function conditionKindLabel(t: Translate, kind: ConditionKind): string {
  return t(kind === "no_approach" ? "order.condition.no_approach.label" : (`order.condition.${kind}` as MessageKey));
}

export function conditionLabel(t: Translate, condition: { kind: ConditionKind; distanceMetres: number | null; details: string | null }): string {
  if (condition.kind === "no_approach") return t("order.condition.no_approach", { metres: condition.distanceMetres ?? "—" });
  if (condition.kind === "other" && condition.details) return `${t("order.condition.other")}: ${condition.details}`;
  return t(`order.condition.${condition.kind}` as MessageKey);
}

export function localText(text: LocalisedText, locale: Locale): string {
  return text[locale].text;
}

/**
 * A form page's state after a refused post: what was typed (else nothing) and the translated
 * error of each field. Forms are uncontrolled, so they work the same before JavaScript loads.
 */
export function useOrderForm() {
  const { t, locale } = useTranslation();
  const actionData = useActionData() as FormActionData | undefined;
  const values = actionData?.values ?? {};
  const error = (name: string): string | undefined => {
    const key = actionData?.fieldErrors[name];
    return key ? t(key) : undefined;
  };
  return { t, locale, actionData, values, error };
}

/** The frame of every order form: the form's message, the hidden version, the fields, submit and "back to the order". */
export function OrderForm({
  orderId,
  version,
  actionData,
  submitLabel,
  danger = false,
  children,
}: {
  /** The order the form belongs to (versioned, links back); none for a new order. */
  orderId?: string;
  version?: number;
  actionData: FormActionData | undefined;
  submitLabel: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // After a conflict the form carries the version the order has now: re-submitting is the user's decision.
  const currentVersion = actionData?.conflict?.version ?? version;
  return (
    <Form method="post" className="stack page-form order-form" noValidate aria-busy={navigation.state === "submitting"}>
      {actionData?.formError ? (
        <p className="form-error" role="alert">
          {t(actionData.formError)}
        </p>
      ) : null}
      {currentVersion !== undefined ? <input type="hidden" name="version" value={currentVersion} /> : null}
      {children}
      <div className="actions">
        <button type="submit" className={danger ? "button-danger" : "button-primary"}>
          {submitLabel}
        </button>
        {orderId ? <Link to={`/orders/${orderId}`}>{t("order.page.back")}</Link> : null}
      </div>
    </Form>
  );
}

/** A group of radio buttons in a fieldset with a legend; the error is announced and linked to the group. */
export function RadioGroup({
  id,
  name,
  legend,
  options,
  checked,
  error,
  hint,
  className,
}: {
  id: string;
  name: string;
  legend: ReactNode;
  options: { value: string; label: string }[];
  checked: string | undefined;
  error?: string;
  hint?: string;
  className?: string;
}) {
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset className={className ?? "radio-group"} id={id} aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="radio-options">
        {options.map((option) => (
          <div className="choice" key={option.value}>
            <input type="radio" id={`${id}-${option.value}`} name={name} value={option.value} defaultChecked={checked === option.value} />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export type RiskFormData = { instrumentVersionId: string; title: LocalisedText; items: { code: string; text: LocalisedText; critical: boolean }[] };

/**
 * The risk checklist: one yes / no / unknown group per item (`risk_<code>`), critical items
 * marked in words, the "awaiting validation" note, and the optional professional judgement.
 * `prefill` (the latest answers) makes a re-assessment quick; what was just typed wins.
 */
export function RiskChecklistFields({
  risk,
  values,
  error,
  prefill,
  prefilledAt,
}: {
  risk: RiskFormData;
  values: Record<string, string>;
  error: (name: string) => string | undefined;
  prefill?: Record<string, RiskAnswer | null>;
  prefilledAt?: string;
}) {
  const { t, locale } = useTranslation();
  const answered = (code: string) => values[`risk_${code}`] ?? prefill?.[code] ?? undefined;
  const answerOptions = RISK_ANSWERS.map((answer) => ({ value: answer, label: t(`order.riskAnswer.${answer}` as MessageKey) }));
  const awaiting = risk.items.some((item) => item.text[locale].awaitingClinicalValidation);
  return (
    <fieldset className="risk-checklist" id="field-riskAnswers" aria-describedby={error("riskAnswers") ? "field-riskAnswers-error" : "risk-intro"}>
      <legend>{localText(risk.title, locale)}</legend>
      <input type="hidden" name="instrumentVersionId" value={risk.instrumentVersionId} />
      <p className="field-hint" id="risk-intro">
        {t("order.riskForm.intro")} {t("order.riskForm.criticalHint")}
      </p>
      {awaiting ? <p className="notice notice-warning">{t("order.riskForm.validation")}</p> : null}
      {prefilledAt ? <p className="notice">{prefilledAt}</p> : null}
      {error("riskAnswers") ? (
        <p className="field-error" id="field-riskAnswers-error" role="alert">
          {error("riskAnswers")}
        </p>
      ) : null}
      <ol className="risk-items">
        {risk.items.map((item) => (
          <li key={item.code} className={item.critical ? "risk-item risk-critical" : "risk-item"}>
            <RadioGroup
              id={`risk-${item.code}`}
              name={`risk_${item.code}`}
              className="radio-group radio-inline"
              legend={
                <>
                  {localText(item.text, locale)}
                  {item.critical ? <span className="badge badge-off risk-critical-mark">{t("order.riskForm.critical")}</span> : null}
                </>
              }
              options={answerOptions}
              checked={answered(item.code)}
            />
          </li>
        ))}
      </ol>
      <fieldset>
        <legend>{t("order.riskForm.judgement")}</legend>
        <p className="field-hint">{t("order.riskForm.judgementHint")}</p>
        <SelectField name="judgementLevel" label={t("order.field.judgementLevel")} defaultValue={values.judgementLevel ?? ""} error={error("judgementLevel")}>
          <option value="">{t("order.riskForm.noJudgement")}</option>
          {RISK_LEVELS.map((level) => (
            <option key={level} value={level}>
              {riskLabel(t, level)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          name="judgementReason"
          label={t("order.field.judgementReason")}
          defaultValue={values.judgementReason ?? ""}
          error={error("judgementReason")}
          rows={3}
        />
      </fieldset>
    </fieldset>
  );
}

/** Options of a select from a list of codes and their catalogue prefix. */
export function CodeOptions({ codes, prefix, t }: { codes: readonly string[]; prefix: string; t: Translate }) {
  return (
    <>
      <option value="">{t("order.form.choose")}</option>
      {codes.map((code) => (
        <option key={code} value={code}>
          {t(`${prefix}.${code}` as MessageKey)}
        </option>
      ))}
    </>
  );
}
