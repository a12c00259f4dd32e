import { forwardRef, type InputHTMLAttributes } from "react";
import { FieldFrame, fieldIds, type FieldProps } from "./FieldFrame";

type Props = FieldProps<InputHTMLAttributes<HTMLInputElement>>;

/** A labelled input with its hint and error wired for screen readers. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ name, label, hint, error, id, ...input }, ref) {
  const ids = fieldIds(name, id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <input ref={ref} {...ids.control} {...input} />
    </FieldFrame>
  );
});
