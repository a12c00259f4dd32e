import type { InputHTMLAttributes } from "react";

type Item = { label: string; input: InputHTMLAttributes<HTMLInputElement> & { name: string } };

/**
 * Related checkboxes in a fieldset with a legend; one error for the group, announced and
 * linked to the fieldset. Each checkbox posts its own field ("on" when ticked).
 */
export function CheckboxGroup({ id, legend, hint, error, items }: { id: string; legend: string; hint?: string; error?: string; items: Item[] }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className="checkbox-group" id={id} aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {items.map(({ label, input }) => {
        const inputId = input.id ?? `${id}-${input.name}`;
        return (
          <div className="choice" key={input.name}>
            <input type="checkbox" {...input} id={inputId} />
            <label htmlFor={inputId}>{label}</label>
          </div>
        );
      })}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
