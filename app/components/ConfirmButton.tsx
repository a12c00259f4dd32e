import * as Dialog from "@radix-ui/react-dialog";
import { Form, useSubmit } from "@remix-run/react";
import { useRef, useState, type ReactNode } from "react";

/**
 * A one-button form for a destructive action (disable, reset TOTP). Before JavaScript loads
 * it is a plain form and the button submits directly; once hydrated the button opens a
 * confirmation dialog (@radix-ui/react-dialog: focus trap, Escape, focus returns to the
 * button) and only the dialog's confirm button submits. No Radix overlay: it injects a
 * <style> element, which our CSP (style-src 'self') refuses; a plain backdrop does the job.
 */
export function ConfirmButton({
  intent,
  label,
  title,
  description,
  confirmLabel,
  cancelLabel,
  danger = false,
  fields,
  children,
}: {
  intent: string;
  label: string;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel: string;
  danger?: boolean;
  /** Extra hidden fields posted with the intent (e.g. a record id and its version). */
  fields?: Record<string, string>;
  /** Inputs shown above the button (e.g. a comment), posted with the form. */
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const buttonClass = danger ? "button-danger" : "button-secondary";
  return (
    <Form method="post" ref={formRef} className="confirm-form" onSubmit={(event) => event.preventDefault()}>
      <input type="hidden" name="intent" value={intent} />
      {fields ? Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />) : null}
      {children}
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <button type="submit" className={buttonClass}>
            {label}
          </button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <div className="dialog-backdrop">
            <Dialog.Content className="dialog">
              <Dialog.Title className="dialog-title">{title}</Dialog.Title>
              <Dialog.Description>{description}</Dialog.Description>
              <div className="dialog-actions">
                <button
                  type="button"
                  className={danger ? "button-danger" : "button-primary"}
                  onClick={() => {
                    setOpen(false);
                    if (formRef.current) submit(formRef.current, { method: "post" });
                  }}
                >
                  {confirmLabel}
                </button>
                <Dialog.Close asChild>
                  <button type="button" className="button-secondary">
                    {cancelLabel}
                  </button>
                </Dialog.Close>
              </div>
            </Dialog.Content>
          </div>
        </Dialog.Portal>
      </Dialog.Root>
    </Form>
  );
}
