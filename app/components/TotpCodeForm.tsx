import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import type { MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { totpCodeSchema } from "~/modules/auth/sign-in.schema";

/** The six-digit code form used by both the TOTP step and enrolment. */
export function TotpCodeForm({ submitLabel, serverError }: { submitLabel: string; serverError?: MessageKey }) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: "" } });
  const clientError = form.formState.errors.code?.message as MessageKey | undefined;
  const error = clientError ?? serverError;
  return (
    <ValidatedForm form={form} className="stack">
      <TextField
        {...form.register("code")}
        label={t("totp.code")}
        hint={t("totp.codeHint")}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="input-code"
        error={error ? t(error) : undefined}
      />
      <button type="submit" className="button-primary">
        {submitLabel}
      </button>
    </ValidatedForm>
  );
}
