import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { SelectField } from "~/components/SelectField";
import { ValidatedForm } from "~/components/ValidatedForm";
import { localName } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { ConflictNotice, fieldErrorOf, planResolver, useConflictVersion, type PlanFormActionData, type PlanFormValues } from "~/modules/support-plans/PlanComponents";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import { transferPlan } from "~/modules/support-plans/support-plan-commands.server";
import { transferSchema } from "~/modules/support-plans/support-plans.schema";
import { authorizePlan, transferChoices } from "~/modules/support-plans/support-plans.server";
import { requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** Hand the plan to a lead worker in another district (lead or district supervisor). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const facts = await authorizePlan(user, context, planId, "transfer");
  return json({ planId, version: facts.version, leads: await transferChoices(facts) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const planId = idParam(params.planId);
  const values = await submittedValues(request);
  const form = await parseForm(request, transferSchema);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError);
  const result = await transferPlan({ user, context, planId, input: form.data });
  if (!result.ok) return commandRefused(result, values);
  // The previous lead may no longer see the plan: back to the caseload.
  throw redirect("/plans");
}

export default function TransferPage() {
  const { t, locale } = useTranslation();
  const { planId, version, leads } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const form = useForm<PlanFormValues>({
    resolver: planResolver(transferSchema),
    defaultValues: { leadUserId: "", ...actionData?.values, version: String(actionData?.conflict?.version ?? version) },
  });
  useConflictVersion(form, actionData);
  const error = fieldErrorOf(t, form, actionData);
  return (
    <div className="page">
      <h1>{t("plan.transfer.title")}</h1>
      <p className="lead">{t("plan.transfer.intro")}</p>
      <ConflictNotice t={t} conflict={actionData?.conflict} />
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        <input type="hidden" {...form.register("version")} />
        <SelectField {...form.register("leadUserId")} label={t("plan.transfer.lead")} error={error("leadUserId")}>
          <option value="">{t("plan.choose")}</option>
          {leads.map((lead) => (
            <option key={lead.id} value={lead.id}>
              {`${lead.displayName} — ${localName(lead.agency, locale)}`}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button-primary">
            {t("plan.transfer.submit")}
          </button>
          <Link to={`/plans/${planId}`}>{t("plan.view.back")}</Link>
        </div>
      </ValidatedForm>
    </div>
  );
}
