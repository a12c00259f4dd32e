import { forwardRef, type TextareaHTMLAttributes } from "react";
import { FieldFrame, fieldIds, type FieldProps } from "./FieldFrame";

type Props = FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>;

/** A labelled textarea (four rows unless told) with its hint and error wired for screen readers. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, Props>(function TextAreaField({ name, label, hint, error, id, ...textarea }, ref) {
  const ids = fieldIds(name, id, hint, error);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} error={error}>
      <textarea ref={ref} {...ids.control} rows={4} {...textarea} />
    </FieldFrame>
  );
});
