import { useEffect, type ReactNode } from "react";
import { zodResolver } from "@hookform/resolvers/zod";
import { Link, useActionData } from "@remix-run/react";
import { useForm, type FieldValues, type Path, type PathValue, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { ValidatedForm } from "~/components/ValidatedForm";
import { formatDate, localName, type MessageKey, type Translate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { Conflict, ConflictChange, FormActionData } from "~/kit/results";

/** Shared pieces of the support-plan pages (client-safe: no server imports at run time). */

/** What a plan form's action answered (nothing yet before the first post). */
type PlanFormActionData = FormActionData | undefined;

export function planStatusLabel(t: Translate, status: string, isProposal: boolean): string {
  const label = t(`plan.status.${status}` as MessageKey);
  return isProposal ? `${label} (${t("plan.proposal")})` : label;
}

export type PlanFormValues = Record<string, unknown>;

/** The same zod schema as the action, as a resolver over loosely typed form values (dynamic field names). */
export function planResolver(schema: z.ZodTypeAny): Resolver<PlanFormValues> {
  return zodResolver(schema) as unknown as Resolver<PlanFormValues>;
}

/** The translated error of a field: the browser's check first, then the server's answer. */
export function fieldErrorOf<T extends FieldValues>(t: Translate, form: UseFormReturn<T>, actionData: PlanFormActionData) {
  return (name: string): string | undefined => {
    const errors = form.formState.errors as Record<string, { message?: string } | undefined>;
    const key = (errors[name]?.message ?? actionData?.fieldErrors[name]) as MessageKey | undefined;
    return key ? t(key) : undefined;
  };
}

/** After a conflict the form carries the new version, so re-submitting is the user's decision. */
export function useConflictVersion<T extends FieldValues>(form: UseFormReturn<T>, actionData: PlanFormActionData) {
  const version = actionData?.conflict?.version;
  useEffect(() => {
    if (version !== undefined) form.setValue("version" as Path<T>, String(version) as PathValue<T, Path<T>>);
  }, [version, form]);
}

const PLAN_LABELS: Record<string, MessageKey> = {
  status: "plan.view.status",
  grounds: "plan.view.grounds",
  groundsOther: "plan.field.groundsOther",
  parentInvolvement: "plan.field.parentInvolvement",
  childView: "plan.field.childView",
  reviewIntervalMonths: "plan.field.reviewIntervalMonths",
  nextReviewDue: "plan.view.nextReview",
  isProposal: "plan.proposal",
  leadUserId: "plan.view.lead",
  territoryId: "plan.view.territory",
};
const GOAL_LABELS: Record<string, MessageKey> = {
  text: "plan.goal.text",
  responsibleAgencyId: "plan.goal.responsibleAgency",
  responsibleUserId: "plan.goal.responsibleUser",
  dueDate: "plan.goal.dueDate",
  status: "plan.goal.status",
  notDoneReason: "plan.goal.notDoneReason",
};

function conflictValue(t: Translate, kind: "plan" | "goal", change: ConflictChange): string {
  const { field, value } = change;
  if (value === null || value === "" || (Array.isArray(value) && value.length === 0)) return t("plan.conflict.none");
  if (field === "status") return t(`${kind === "plan" ? "plan.status" : "plan.goalStatus"}.${String(value)}` as MessageKey);
  if (field === "grounds" && Array.isArray(value)) return value.map((ground) => t(`plan.ground.${ground}` as MessageKey)).join(", ");
  if (field === "nextReviewDue" || field === "dueDate") return formatDate(String(value));
  if (field.endsWith("Id") || field === "isProposal") return t("plan.conflict.changed");
  return String(value);
}

/** "Someone else changed this": the current values of what the user tried to change. */
export function ConflictNotice({ t, conflict, kind = "plan" }: { t: Translate; conflict: Conflict | undefined; kind?: "plan" | "goal" }) {
  if (!conflict) return null;
  const labels = kind === "plan" ? PLAN_LABELS : GOAL_LABELS;
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>{t("plan.conflict.title")}</strong>
      </p>
      <p>{t("plan.conflict.text")}</p>
      <dl className="facts">
        {conflict.changes
          .filter((change) => labels[change.field])
          .map((change) => (
            <div key={change.field}>
              <dt>{t(labels[change.field])}</dt>
              <dd className="preserve-lines">{conflictValue(t, kind, change)}</dd>
            </div>
          ))}
      </dl>
    </div>
  );
}

/**
 * A plan form's state: react-hook-form over the action's zod schema; after a refusal it shows
 * exactly what was submitted (else `defaults`); `fixed` values always win; a versioned form
 * carries the version it was read at, or the current one after a conflict.
 */
export function usePlanForm({
  schema,
  defaults,
  version,
  fixed,
}: {
  schema: z.ZodTypeAny;
  defaults: PlanFormValues;
  version?: number;
  fixed?: PlanFormValues;
}) {
  const { t } = useTranslation();
  const actionData = useActionData() as PlanFormActionData;
  const form = useForm<PlanFormValues>({
    resolver: planResolver(schema),
    defaultValues: {
      ...(actionData?.values ?? defaults),
      ...fixed,
      ...(version === undefined ? {} : { version: String(actionData?.conflict?.version ?? version) }),
    },
  });
  useConflictVersion(form, actionData);
  return { t, form, actionData, error: fieldErrorOf(t, form, actionData) };
}

/** The frame of every plan form: conflict notice, form error, hidden version, the fields, submit and "back to the plan". */
export function PlanForm({
  plan,
  form,
  actionData,
  submitLabel,
  conflictKind,
  children,
}: {
  /** The plan the form belongs to: the form is versioned and links back to it. None for a new plan. */
  plan?: string;
  form: UseFormReturn<PlanFormValues>;
  actionData: PlanFormActionData;
  submitLabel: string;
  conflictKind?: "plan" | "goal";
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ConflictNotice t={t} conflict={actionData?.conflict} kind={conflictKind} />
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        {plan ? <input type="hidden" {...form.register("version")} /> : null}
        {children}
        <div className="actions">
          <button type="submit" className="button-primary">
            {submitLabel}
          </button>
          {plan ? <Link to={`/plans/${plan}`}>{t("plan.view.back")}</Link> : null}
        </div>
      </ValidatedForm>
    </>
  );
}

/** Staff to choose from, as "name — agency" in the user's language. */
export function UserOptions({ users }: { users: { id: string; displayName: string; agency: { nameRu: string; nameKy: string; nameEn: string } }[] }) {
  const { locale } = useTranslation();
  return (
    <>
      {users.map((user) => (
        <option key={user.id} value={user.id}>
          {`${user.displayName} — ${localName(user.agency, locale)}`}
        </option>
      ))}
    </>
  );
}
