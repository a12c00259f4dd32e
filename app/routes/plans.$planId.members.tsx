import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { SelectField } from "~/components/SelectField";
import { TextField } from "~/components/TextField";
import { ValidatedForm } from "~/components/ValidatedForm";
import { localName } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { ConflictNotice, fieldErrorOf, planResolver, useConflictVersion, type PlanFormActionData, type PlanFormValues } from "~/modules/support-plans/PlanComponents";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import { addMember } from "~/modules/support-plans/support-plan-commands.server";
import { addMemberSchema, ROLE_MAX } from "~/modules/support-plans/support-plans.schema";
import { authorizePlan, memberChoices } from "~/modules/support-plans/support-plans.server";
import { requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** The lead adds a team member (any agency of the district) with their role in the plan. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const facts = await authorizePlan(user, context, planId, "add_member");
  return json({ planId, version: facts.version, users: await memberChoices(facts) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const values = await submittedValues(request);
  const form = await parseForm(request, addMemberSchema);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError);
  const result = await addMember({ user, context, planId, input: form.data });
  if (!result.ok) return commandRefused(result, values);
  throw redirect(`/plans/${planId}?saved`);
}

export default function AddMember() {
  const { t, locale } = useTranslation();
  const { planId, version, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const form = useForm<PlanFormValues>({
    resolver: planResolver(addMemberSchema),
    defaultValues: { userId: "", roleInPlan: "", ...actionData?.values, version: String(actionData?.conflict?.version ?? version) },
  });
  useConflictVersion(form, actionData);
  const error = fieldErrorOf(t, form, actionData);
  return (
    <div className="page">
      <h1>{t("plan.member.title")}</h1>
      <ConflictNotice t={t} conflict={actionData?.conflict} />
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <input type="hidden" {...form.register("version")} />
        <SelectField {...form.register("userId")} label={t("plan.member.user")} error={error("userId")}>
          <option value="">{t("plan.choose")}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {`${user.displayName} — ${localName(user.agency, locale)}`}
            </option>
          ))}
        </SelectField>
        <TextField {...form.register("roleInPlan")} label={t("plan.member.role")} hint={t("plan.member.roleHint")} maxLength={ROLE_MAX} error={error("roleInPlan")} />
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("plan.member.submit")}
          </button>
          <Link to={`/plans/${planId}`}>{t("plan.view.back")}</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}
