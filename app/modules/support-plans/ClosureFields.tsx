import type { UseFormReturn } from "react-hook-form";
import { SelectField } from "~/components/SelectField";
import { TextAreaField } from "~/components/TextAreaField";
import { localName, type MessageKey, type Translate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { PlanFormValues } from "./PlanComponents";
import { CLOSURE_REASONS, TEXT_MAX } from "./support-plans.schema";

/** Reason (closed list), justification ("other") and the district moved to ("moved"). */
export function ClosureFields({
  t,
  form,
  error,
  districts,
  optional = false,
}: {
  t: Translate;
  form: UseFormReturn<PlanFormValues>;
  error: (name: string) => string | undefined;
  districts: { id: string; nameRu: string; nameKy: string; nameEn: string }[];
  optional?: boolean;
}) {
  const { locale } = useTranslation();
  return (
    <>
      <SelectField {...form.register("closureReason")} label={t("plan.closure.reason")} error={error("closureReason")}>
        <option value="">{optional ? "—" : t("plan.choose")}</option>
        {CLOSURE_REASONS.map((reason) => (
          <option key={reason} value={reason}>
            {t(`plan.reason.${reason}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        {...form.register("closureJustification")}
        label={t("plan.closure.justification")}
        rows={3}
        maxLength={TEXT_MAX}
        error={error("closureJustification")}
      />
      <SelectField {...form.register("transferTerritoryId")} label={t("plan.closure.transferTerritory")} error={error("transferTerritoryId")}>
        <option value="">—</option>
        {districts.map((district) => (
          <option key={district.id} value={district.id}>
            {localName(district, locale)}
          </option>
        ))}
      </SelectField>
    </>
  );
}
