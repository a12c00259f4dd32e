import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { refusedFields } from "~/kit/form-action.server";
import { callerActor, signedIn } from "~/kit/request.server";
import type { FormActionData } from "~/kit/results";
import type { DuplicateCandidate } from "~/modules/people/duplicates.server";
import { personCreateSchema } from "~/modules/people/people.schema";
import { createPerson } from "~/modules/people/person-create.server";
import { deny } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";
import { mayActOnPerson } from "~policies/person.policy";

/** Create a person: validate, look for likely duplicates, ask, then create (post-redirect-get). */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "people");
  if (!mayActOnPerson(callerActor(caller), "create", null)) await deny(caller.user, caller.context, { type: "person", id: "create" });
  return json({});
}

type Prompt = { candidates: DuplicateCandidate[]; pinBlocked: boolean; pinExistsOutOfScope: boolean };
/** A refused form, or the duplicates prompt (409) with what was typed. */
type ActionData = FormActionData & { prompt?: Prompt };

const FIELDS = ["surname", "givenName", "patronymic", "birthDate", "sex", "pin", "address", "phone", "notes"] as const;

export async function action(args: ActionFunctionArgs) {
  const caller = await signedIn(args, "people");
  const { request } = args;
  const values = Object.fromEntries(FIELDS.map((field) => [field, ""])) as Record<string, string>;
  const raw = await request
    .clone()
    .formData()
    .catch(() => null);
  for (const field of FIELDS) {
    const value = raw?.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 4000);
  }
  const form = await parseForm(request, personCreateSchema);
  if (!form.ok) return refusedFields(values, form.fieldErrors, form.formError);
  const outcome = await createPerson({ ...caller, input: form.data });
  if (outcome.kind !== "prompt") throw redirect(`/people/${outcome.personId}`);
  return json<ActionData>({ values, fieldErrors: {}, prompt: outcome }, 409);
}

export default function NewPerson() {
  const { t } = useTranslation();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const values = data?.values ?? {};
  const error = (name: string) => {
    const key = data?.fieldErrors[name];
    return key ? t(key) : undefined;
  };
  const prompt = data?.prompt;
  const text = (name: (typeof FIELDS)[number], label: MessageKey, extra: Record<string, string> = {}) => (
    <TextField name={name} label={t(label)} defaultValue={values[name] ?? ""} autoComplete="off" error={error(name)} {...extra} />
  );
  return (
    <div className="page">
      <h1>{t("people.newTitle")}</h1>
      <p>{t("people.newIntro")}</p>
      <Form method="post" className="stack" noValidate>
        {data?.formError ? (
          <p className="form-error" role="alert">
            {t(data.formError)}
          </p>
        ) : null}
        {text("surname", "people.surname")}
        {text("givenName", "people.givenName")}
        {text("patronymic", "people.patronymic")}
        {text("birthDate", "people.birthDate", { hint: t("people.birthDateHint"), inputMode: "numeric" })}
        <SelectField name="sex" label={t("people.sex")} defaultValue={values.sex ?? ""} error={error("sex")}>
          <option value="">{t("people.sexChoose")}</option>
          <option value="female">{t("person.sex.female")}</option>
          <option value="male">{t("person.sex.male")}</option>
        </SelectField>
        {text("pin", "people.pinOptional", { inputMode: "numeric" })}
        {text("address", "people.address")}
        {text("phone", "people.phone", { inputMode: "tel" })}
        <div className="field">
          <label htmlFor="field-notes">{t("people.notes")}</label>
          <textarea
            id="field-notes"
            name="notes"
            rows={3}
            defaultValue={values.notes ?? ""}
            aria-invalid={error("notes") ? true : undefined}
            aria-describedby={error("notes") ? "field-notes-error" : undefined}
          />
          {error("notes") ? (
            <p className="field-error" id="field-notes-error" role="alert">
              {error("notes")}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button-primary">
            {t("people.save")}
          </button>
        </div>
        {/* After the save button: Enter in a field must not answer the prompt. */}
        {prompt ? (
          <section aria-labelledby="duplicates-heading" className="notice notice-warning">
            <h2 id="duplicates-heading">{t("people.duplicates.title")}</h2>
            {prompt.candidates.length > 0 ? (
              <>
                <p>{t("people.duplicates.intro")}</p>
                <ul className="result-list" data-testid="duplicate-candidates">
                  {prompt.candidates.map((candidate) => (
                    <li key={candidate.id}>
                      <strong>{[candidate.surname, candidate.givenName, candidate.patronymic].filter(Boolean).join(" ")}</strong>
                      {candidate.birthDate ? <span> · {formatDate(candidate.birthDate)}</span> : null}
                      <span className="muted"> ({candidate.reasons.map((reason) => t(`people.duplicates.reason.${reason}`)).join(", ")})</span>{" "}
                      <button type="submit" name="candidateId" value={candidate.id} className="button-secondary">
                        {t("people.duplicates.same")}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {prompt.pinExistsOutOfScope ? (
              <p role="alert">
                {t("people.duplicates.pinElsewhere")} <Link to="/break-glass">{t("people.emergencyLink")}</Link>
              </p>
            ) : prompt.pinBlocked ? (
              <p role="alert">{t("people.duplicates.pinBlocked")}</p>
            ) : (
              <button type="submit" name="choice" value="different" className="button-primary">
                {t("people.duplicates.different")}
              </button>
            )}
          </section>
        ) : null}
      </Form>
    </div>
  );
}
