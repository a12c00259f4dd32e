import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { ValidatedForm } from "~/components/ValidatedForm";
import { useTranslation } from "~/i18n/use-translation";
import { fieldErrorOf, planResolver, type PlanFormActionData, type PlanFormValues } from "~/modules/support-plans/PlanComponents";
import { PlanNarrativeFields } from "~/modules/support-plans/PlanNarrativeFields";
import { commandRefused, formRefused, idParam, submittedValues } from "~/modules/support-plans/plan-route.server";
import { openPlan } from "~/modules/support-plans/support-plan-commands.server";
import { openPlanSchema } from "~/modules/support-plans/support-plans.schema";
import { newPlanContext } from "~/modules/support-plans/support-plans.server";
import { requireArea } from "~/server/authorization.server";
import { parseForm } from "~/server/forms.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** Open a plan (inspector, social worker) or propose one (pedagogue) for a person the user may see. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const personId = idParam(new URL(request.url).searchParams.get("personId") ?? undefined);
  const { mode, childName } = await newPlanContext({ user, context, personId });
  return json({ personId, mode, childName });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const values = await submittedValues(request);
  const form = await parseForm(request, openPlanSchema);
  if (!form.ok) return formRefused(values, form.fieldErrors, form.formError);
  const result = await openPlan({ user, context, input: form.data });
  if (!result.ok) return commandRefused(result, values);
  throw redirect(`/plans/${result.id}`);
}

export default function NewPlan() {
  const { t } = useTranslation();
  const { personId, mode, childName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanFormActionData;
  const values = actionData?.values ?? {};
  const form = useForm<PlanFormValues>({
    resolver: planResolver(openPlanSchema),
    defaultValues: { reviewIntervalMonths: "3", groundsOther: "", parentInvolvement: "", childView: "", ...values, personId },
  });
  const error = fieldErrorOf(t, form, actionData);
  return (
    <div className="page">
      <h1>{t(mode === "open" ? "plan.new.title.open" : "plan.new.title.propose")}</h1>
      <p className="lead">{t(mode === "open" ? "plan.new.intro.open" : "plan.new.intro.propose")}</p>
      <dl className="facts">
        <div>
          <dt>{t("plan.new.for")}</dt>
          <dd>{childName}</dd>
        </div>
      </dl>
      <ValidatedForm form={form} className="stack page-form">
        {actionData?.formError ? (
          <p className="form-error" role="alert">
            {t(actionData.formError)}
          </p>
        ) : null}
        {error("personId") ? (
          <p className="form-error" role="alert">
            {error("personId")}
          </p>
        ) : null}
        <input type="hidden" {...form.register("personId")} />
        <PlanNarrativeFields t={t} form={form} error={error} />
        <div>
          <button type="submit" className="button-primary">
            {t(mode === "open" ? "plan.new.submit.open" : "plan.new.submit.propose")}
          </button>
        </div>
      </ValidatedForm>
    </div>
  );
}
