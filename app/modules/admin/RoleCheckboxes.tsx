import type { UseFormReturn } from "react-hook-form";
import { CheckboxGroup } from "~/components/CheckboxGroup";
import { useTranslation } from "~/i18n/use-translation";
import { ROLES } from "~policies/roles";
import { roleField, type RoleField } from "./admin.schema";

/** One checkbox per role, in a fieldset with a legend; at least one must be ticked. */
export function RoleCheckboxes<T extends Partial<Record<RoleField, boolean | "on">>>({
  form,
  error,
  hint,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: UseFormReturn<T, any, any>;
  error?: string;
  hint?: string;
}) {
  const { t } = useTranslation();
  // react-hook-form's generics cannot see that T has the role fields; RoleField names them.
  const register = form.register as unknown as UseFormReturn<Record<RoleField, boolean>>["register"];
  return (
    <CheckboxGroup
      id="field-roles"
      legend={t("admin.field.roles")}
      hint={hint}
      error={error}
      items={ROLES.map((role) => ({ label: t(`role.${role}`), input: register(roleField(role)) }))}
    />
  );
}
