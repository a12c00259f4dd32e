import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { signedIn } from "~/kit/request.server";
import { planStatusLabel } from "~/modules/support-plans/PlanComponents";
import { caseloadQuerySchema } from "~/modules/support-plans/support-plans.schema";
import { listCaseload } from "~/modules/support-plans/support-plans.server";

export { planLinks as links } from "~/modules/support-plans/plan-links";

/** The user's caseload: 50 plans a page, the child's name only where the plan policy allows. */
export async function loader(args: LoaderFunctionArgs) {
  const caller = await signedIn(args, "plans");
  const query = caseloadQuerySchema.safeParse(Object.fromEntries(new URL(args.request.url).searchParams));
  const page = query.success ? query.data.page : 1;
  const { rows, hasNext } = await listCaseload({ ...caller, page });
  return json({ rows, page, hasNext });
}

export default function Caseload() {
  const { t } = useTranslation();
  const { rows, page, hasNext } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t("plan.caseload.title")}</h1>
      <p className="lead">{t("plan.caseload.intro")}</p>
      {rows.length === 0 ? (
        <p role="status">{t("plan.caseload.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("plan.caseload.child")}</th>
                <th scope="col">{t("plan.caseload.status")}</th>
                <th scope="col">{t("plan.caseload.lead")}</th>
                <th scope="col">{t("plan.caseload.nextReview")}</th>
                <th scope="col">{t("plan.caseload.myRole")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={`/plans/${row.id}`}>{row.childName ?? `${t("plan.caseload.open")} (${t("plan.childHidden")})`}</Link>
                  </td>
                  <td>{planStatusLabel(t, row.status, row.isProposal)}</td>
                  <td>{row.leadDisplayName}</td>
                  <td className="nowrap">{row.nextReviewDue ? formatDate(row.nextReviewDue) : "—"}</td>
                  <td>{t(`plan.relation.${row.myRelation}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page > 1 || hasNext ? (
        <nav className="pager" aria-label={t("plan.pager.label")}>
          {page > 1 ? <Link to={`/plans?page=${page - 1}`}>{t("plan.pager.previous")}</Link> : null}
          {hasNext ? <Link to={`/plans?page=${page + 1}`}>{t("plan.pager.next")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
