import type { ReactNode } from "react";

/** What every labelled field takes besides its control's own attributes. */
export type FieldProps<ControlAttributes> = ControlAttributes & {
  name: string;
  label: string;
  hint?: string;
  /** Already translated. */
  error?: string;
};

export type FieldIds = {
  hintId?: string;
  errorId?: string;
  /** Spread on the control: its id, name and the screen-reader wiring of hint and error. */
  control: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };
};

/** The ids of one field: the control's own (`field-<name>` unless given), its hint's and its error's. */
export function fieldIds(name: string, id: string | undefined, hint: string | undefined, error: string | undefined): FieldIds {
  const controlId = id ?? `field-${name}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return {
    hintId,
    errorId,
    control: { id: controlId, name, "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined },
  };
}

/** Label, hint and error around one control: the frame TextField, SelectField and TextAreaField share. */
export function FieldFrame({ ids, label, hint, error, children }: { ids: FieldIds; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={ids.control.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={ids.errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
