import { Form, useNavigation, useSubmit } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";

/**
 * A plain Remix <Form method="post"> — it works before JavaScript loads — that, once
 * hydrated, validates with react-hook-form (same zod schema as the action) before submitting.
 */
export function ValidatedForm<T extends FieldValues>({
  form,
  children,
  className,
  action,
}: {
  form: UseFormReturn<T>;
  children: ReactNode;
  className?: string;
  action?: string;
}) {
  const submit = useSubmit();
  const navigation = useNavigation();
  return (
    <Form
      method="post"
      action={action}
      className={className}
      noValidate
      aria-busy={navigation.state === "submitting"}
      onSubmit={(event) => {
        const element = event.currentTarget;
        void form.handleSubmit(() => submit(element, { method: "post" }))(event);
      }}
    >
      {children}
    </Form>
  );
}
