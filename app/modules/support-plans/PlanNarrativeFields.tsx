import type { UseFormReturn } from "react-hook-form";
import { CheckboxGroup } from "~/components/CheckboxGroup";
import { TextAreaField } from "~/components/TextAreaField";
import { TextField } from "~/components/TextField";
import type { MessageKey, Translate } from "~/i18n/i18n";
import type { PlanFormValues } from "./PlanComponents";
import { GROUNDS, NOTE_MAX, TEXT_MAX } from "./support-plans.schema";

/** Grounds, other ground, family involvement, the child's view and the review interval. */
export function PlanNarrativeFields({ t, form, error }: { t: Translate; form: UseFormReturn<PlanFormValues>; error: (name: string) => string | undefined }) {
  return (
    <>
      <CheckboxGroup
        id="grounds"
        legend={t("plan.field.grounds")}
        error={error("grounds")}
        items={GROUNDS.map((ground) => ({
          label: t(`plan.ground.${ground}` as MessageKey),
          // defaultChecked renders the ticks in the HTML, so they are there before JavaScript loads.
          input: { ...form.register(`ground_${ground}`), value: "on", defaultChecked: Boolean(form.formState.defaultValues?.[`ground_${ground}`]) },
        }))}
      />
      <TextAreaField {...form.register("groundsOther")} label={t("plan.field.groundsOther")} maxLength={TEXT_MAX} rows={2} error={error("groundsOther")} />
      <TextAreaField
        {...form.register("parentInvolvement")}
        label={t("plan.field.parentInvolvement")}
        maxLength={NOTE_MAX}
        error={error("parentInvolvement")}
      />
      <TextAreaField {...form.register("childView")} label={t("plan.field.childView")} maxLength={NOTE_MAX} error={error("childView")} />
      <TextField
        {...form.register("reviewIntervalMonths")}
        type="number"
        min={1}
        max={12}
        inputMode="numeric"
        label={t("plan.field.reviewIntervalMonths")}
        hint={t("plan.field.reviewIntervalHint")}
        error={error("reviewIntervalMonths")}
      />
    </>
  );
}
