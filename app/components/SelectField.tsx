import { forwardRef, type ReactNode, type SelectHTMLAttributes } from "react";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  hint?: string;
  /** Already translated. */
  error?: string;
  children: ReactNode;
};

/** A labelled <select> with its hint and error wired for screen readers (the TextField of choices). */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ name, label, hint, error, id, children, ...select }, ref) {
  const selectId = id ?? `field-${name}`;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <select
        ref={ref}
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...select}
      >
        {children}
      </select>
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
});
