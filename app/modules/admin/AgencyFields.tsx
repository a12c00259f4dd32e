import type { UseFormReturn } from "react-hook-form";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { useTranslation } from "~/i18n/use-translation";
import { DistrictOptions } from "./admin.components";
import { AGENCY_TYPES } from "./admin.schema";

type Named = { id: string; nameRu: string; nameKy: string; nameEn: string };
type AgencyValues = { type: string; territoryId: string; nameRu: string; nameKy: string; nameEn: string };

/** The fields of the agency form (create and edit): type, district, names in three languages. */
export function AgencyFields<T extends AgencyValues>({
  form,
  districts,
  error,
}: {
  form: UseFormReturn<T>;
  districts: readonly (Named & { parent: Named | null })[];
  error: (name: string) => string | undefined;
}) {
  const { t } = useTranslation();
  // react-hook-form's generics cannot see that T has these keys; the names are checked by AgencyValues.
  const register = form.register as unknown as UseFormReturn<AgencyValues>["register"];
  return (
    <>
      <SelectField {...register("type")} label={t("admin.field.agencyType")} error={error("type")}>
        <option value="">{t("admin.select.choose")}</option>
        {AGENCY_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`agencyType.${type}`)}
          </option>
        ))}
      </SelectField>
      <SelectField {...register("territoryId")} label={t("admin.field.district")} error={error("territoryId")}>
        <option value="">{t("admin.select.choose")}</option>
        <DistrictOptions districts={districts} />
      </SelectField>
      <TextField {...register("nameRu")} label={t("admin.field.nameRu")} lang="ru" error={error("nameRu")} autoComplete="off" />
      <TextField {...register("nameKy")} label={t("admin.field.nameKy")} lang="ky" error={error("nameKy")} autoComplete="off" />
      <TextField {...register("nameEn")} label={t("admin.field.nameEn")} lang="en" error={error("nameEn")} autoComplete="off" />
    </>
  );
}
