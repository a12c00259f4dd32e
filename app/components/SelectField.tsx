import { forwardRef, type ReactNode, type SelectHTMLAttributes } from "react";
import { FieldFrame, fieldIds, type FieldProps } from "./FieldFrame";

type Props = FieldProps<SelectHTMLAttributes<HTMLSelectElement>> & { children: ReactNode };

/** A labelled <select> with its hint and error wired for screen readers (the TextField of choices). */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ name, label, hint, error, id, children, ...select }, ref) {
  const ids = fieldIds(name, id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <select ref={ref} {...ids.control} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
});
