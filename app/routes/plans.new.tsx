import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlanForm, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { PlanNarrativeFields } from "~/modules/support-plans/PlanNarrativeFields";
import { idParam, planFormAction } from "~/modules/support-plans/plan-route.server";
import { openPlan } from "~/modules/support-plans/support-plan-commands.server";
import { proposalGrounds } from "~/modules/screenings/pathway-commands.server";
import { openPlanSchema } from "~/modules/support-plans/support-plans.schema";
import { newPlanContext } from "~/modules/support-plans/support-plans.server";
import { requireArea } from "~/server/authorization.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** Open a plan (inspector, social worker) or propose one (pedagogue) for a person the user may see. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  const params = new URL(request.url).searchParams;
  const personId = idParam(params.get("personId") ?? undefined);
  const { mode, childName } = await newPlanContext({ user, context, personId });
  // A screening's "propose a support plan" names its action; the grounds it found are read on the server and ticked in advance.
  const fromScreeningAction = params.get("fromScreeningAction");
  const grounds = fromScreeningAction ? await proposalGrounds({ user, context, actionId: idParam(fromScreeningAction), personId }) : [];
  return json({ personId, mode, childName, grounds });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireArea(request, context, "plans");
  return planFormAction(request, { schema: openPlanSchema, run: (input) => openPlan({ user, context, input }), next: (planId) => `/plans/${planId}` });
}

export default function NewPlan() {
  const { personId, mode, childName, grounds } = useLoaderData<typeof loader>();
  const { t, form, actionData, error } = usePlanForm({
    schema: openPlanSchema,
    defaults: {
      reviewIntervalMonths: "3",
      groundsOther: "",
      parentInvolvement: "",
      childView: "",
      ...Object.fromEntries(grounds.map((ground) => [`ground_${ground}`, "on"])),
    },
    fixed: { personId },
  });
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
      <PlanForm form={form} actionData={actionData} submitLabel={t(mode === "open" ? "plan.new.submit.open" : "plan.new.submit.propose")}>
        {error("personId") ? (
          <p className="form-error" role="alert">
            {error("personId")}
          </p>
        ) : null}
        <input type="hidden" {...form.register("personId")} />
        <PlanNarrativeFields t={t} form={form} error={error} />
      </PlanForm>
    </div>
  );
}
