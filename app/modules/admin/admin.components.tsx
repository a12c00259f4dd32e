import { Form } from "@remix-run/react";
import { ConfirmButton } from "~/components/ConfirmButton";
import { localName, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";

/** Small pieces shared by the administration pages. */

type Named = { id: string; nameRu: string; nameKy: string; nameEn: string };

/** Groups rows under their parent's name, keeping the order they came in. */
function groupBy<T>(rows: readonly T[], parentOf: (row: T) => Named | null): { parent: Named | null; rows: T[] }[] {
  const groups: { parent: Named | null; rows: T[] }[] = [];
  for (const row of rows) {
    const parent = parentOf(row);
    const last = groups[groups.length - 1];
    if (last && last.parent?.id === parent?.id) last.rows.push(row);
    else groups.push({ parent, rows: [row] });
  }
  return groups;
}

/** Districts and cities as <option>s, in an <optgroup> per region. */
export function DistrictOptions({ districts }: { districts: readonly (Named & { parent: Named | null })[] }) {
  const { locale } = useTranslation();
  return (
    <>
      {groupBy(districts, (district) => district.parent).map((group) => (
        <optgroup key={group.parent?.id ?? "none"} label={group.parent ? localName(group.parent, locale) : ""}>
          {group.rows.map((district) => (
            <option key={district.id} value={district.id}>
              {localName(district, locale)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** Agencies as <option>s, in an <optgroup> per district; disabled agencies are marked (and can be left out). */
export function AgencyOptions({
  agencies,
  activeOnly = false,
  keep,
}: {
  agencies: readonly (Named & { status: "active" | "disabled"; territory: Named })[];
  activeOnly?: boolean;
  /** An agency to keep in the list even when disabled (the user's current one). */
  keep?: string;
}) {
  const { t, locale } = useTranslation();
  const shown = activeOnly ? agencies.filter((agency) => agency.status === "active" || agency.id === keep) : agencies;
  return (
    <>
      {groupBy(shown, (agency) => agency.territory).map((group) => (
        <optgroup key={group.parent?.id ?? "none"} label={group.parent ? localName(group.parent, locale) : ""}>
          {group.rows.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {localName(agency, locale)}
              {agency.status === "disabled" ? ` (${t("admin.status.disabled")})` : ""}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

export function StatusBadge({ status }: { status: "active" | "disabled" }) {
  const { t } = useTranslation();
  return <span className={status === "active" ? "badge" : "badge badge-off"}>{t(`admin.status.${status}`)}</span>;
}

/** The notice shown after a successful change (post-redirect-get carries it as ?done=…). */
export function DoneNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}

/**
 * The translated error for a field: react-hook-form's (browser validation) first, else the
 * action's (server validation, also what a browser without JavaScript gets).
 */
export function useFieldError(
  clientErrors: Partial<Record<string, { message?: unknown } | undefined>>,
  serverErrors: Partial<Record<string, string>> | undefined,
) {
  const { t } = useTranslation();
  return (name: string): string | undefined => {
    const key = (clientErrors[name]?.message ?? serverErrors?.[name]) as MessageKey | undefined;
    return key ? t(key) : undefined;
  };
}

/**
 * The access block of an agency or account page: a guarded "disable" (Radix dialog once
 * hydrated, a plain post before) while active — or a reason why it cannot be disabled —
 * and a plain "enable" post while disabled.
 */
export function AccessToggle({
  active,
  blockedReason,
  hint,
  disable,
  enableLabel,
}: {
  active: boolean;
  /** Already translated: shown instead of the button (e.g. one's own account). */
  blockedReason?: string;
  hint: string;
  disable: { label: string; title: string; description: string; cancelLabel: string };
  enableLabel: string;
}) {
  if (!active) {
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="enable" />
        <button type="submit" className="button-secondary">
          {enableLabel}
        </button>
      </Form>
    );
  }
  if (blockedReason) return <p className="muted">{blockedReason}</p>;
  return (
    <>
      <p className="muted">{hint}</p>
      <ConfirmButton
        intent="disable"
        label={disable.label}
        title={disable.title}
        description={disable.description}
        confirmLabel={disable.label}
        cancelLabel={disable.cancelLabel}
        danger
      />
    </>
  );
}
