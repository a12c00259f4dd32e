import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formAction } from "~/kit/form-action.server";
import { idParam, signedIn } from "~/kit/request.server";
import { PlanForm, usePlanForm } from "~/modules/support-plans/PlanComponents";
import { PlanNarrativeFields } from "~/modules/support-plans/PlanNarrativeFields";
import { openPlan } from "~/modules/support-plans/plan-lifecycle.server";
import { proposalGrounds } from "~/modules/screenings/pathway-commands.server";
import { openPlanSchema } from "~/modules/support-plans/support-plans.schema";
import { newPlanContext } from "~/modules/support-plans/support-plans.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** Open a plan (inspector, social worker) or propose one (pedagogue) for a person the user may see. */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "plans");
  const params = new URL(args.request.url).searchParams;
  const personId = idParam(params.get("personId"));
  const { mode, childName } = await newPlanContext({ ...caller, personId });
  // A screening's "propose a support plan" names its action; the grounds it found are read on the server and ticked in advance.
  const fromScreeningAction = params.get("fromScreeningAction");
  const grounds = fromScreeningAction ? await proposalGrounds({ ...caller, actionId: idParam(fromScreeningAction), personId }) : [];
  return json({ personId, mode, childName, grounds });
}

export async function action(args: ActionFunctionArgs) {
  const caller = await signedIn(args, "plans");
  return formAction(args.request, { schema: openPlanSchema, run: (input) => openPlan({ ...caller, input }), next: (plan) => `/plans/${plan.id}` });
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
