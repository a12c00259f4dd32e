import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { AgencyType } from "~/generated/prisma/enums.ts";
import { formatDate, localName } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import { OrderWorkList } from "~/modules/protection-orders/OrderWorkList";
import { orderWorkFor } from "~/modules/protection-orders/order-tasks.server";
import { ScreeningTaskList } from "~/modules/screenings/ScreeningTaskList";
import { auditScreeningTasksShown, screeningTasksFor } from "~/modules/screenings/alerts.server";
import { planHref } from "~/modules/support-plans/links";
import { taskInbox, type TaskKind } from "~/modules/tasks/tasks.server";
import { requireUser } from "~/server/auth/session.server";
import { actorOf } from "~/server/authorization.server";

/** Each role's landing page: who you are, where you work, and what your role does here. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [inbox, screeningTasks, orderWork] = await Promise.all([taskInbox(actorOf(user)), screeningTasksFor(actorOf(user)), orderWorkFor({ user, context })]);
  await auditScreeningTasksShown(user, context, screeningTasks);
  return json({
    inbox,
    screeningTasks,
    orderWork,
    displayName: user.displayName,
    roles: user.roles,
    agency: { type: user.agency.type, nameRu: user.agency.nameRu, nameKy: user.agency.nameKy, nameEn: user.agency.nameEn },
    territory: user.agency.territory,
  });
}

export default function Home() {
  const { t, locale } = useTranslation();
  const { displayName, roles, agency, territory, inbox, screeningTasks, orderWork } = useLoaderData<typeof loader>();
  const place = territory.parent ? `${localName(territory, locale)}, ${localName(territory.parent, locale)}` : localName(territory, locale);
  return (
    <div className="page">
      <p className="eyebrow">{t("home.title")}</p>
      <h1>{t("home.welcome", { name: displayName })}</h1>
      <dl className="facts">
        <div>
          <dt>{t(roles.length > 1 ? "home.roles" : "home.role")}</dt>
          <dd data-testid="home-role">{roles.map((role) => t(`role.${role}`)).join(", ")}</dd>
        </div>
        <div>
          <dt>{t("home.agency")}</dt>
          <dd>
            {localName(agency, locale)} <span className="muted">({t(`agencyType.${agency.type as AgencyType}`)})</span>
          </dd>
        </div>
        <div>
          <dt>{t("home.territory")}</dt>
          <dd>{place}</dd>
        </div>
      </dl>
      <TaskInbox inbox={inbox} screeningTasks={screeningTasks} orderWork={orderWork} />
      <section aria-labelledby="your-work">
        <h2 id="your-work">{t("home.yourWork")}</h2>
        <ul className="role-work">
          {roles.map((role) => (
            <li key={role}>{t(`roleWork.${role}`)}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

const KINDS: readonly TaskKind[] = ["review", "measure", "closure", "proposal"];

/** What is waiting for this user: counts per kind, then the tasks, most urgent first. */
function TaskInbox({ inbox, screeningTasks, orderWork }: Pick<ReturnType<typeof useLoaderData<typeof loader>>, "inbox" | "screeningTasks" | "orderWork">) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="tasks-heading" data-testid="task-inbox">
      <h2 id="tasks-heading">{t("tasks.title")}</h2>
      {inbox.counts.total === 0 ? (
        screeningTasks.length > 0 || orderWork.tasks.length > 0 || orderWork.alerts.length > 0 ? null : (
          <p className="muted">{t("tasks.none")}</p>
        )
      ) : (
        <>
          <ul className="task-counts">
            {KINDS.filter((kind) => inbox.counts[kind] > 0).map((kind) => (
              <li key={kind}>{t(`tasks.count.${kind}`, { count: inbox.counts[kind] })}</li>
            ))}
          </ul>
          <ul className="result-list">
            {inbox.tasks.map((task) => (
              <li key={`${task.kind}-${task.goalId ?? task.planId}`}>
                <strong>{t(`tasks.kind.${task.kind}`)}</strong>: <Link to={planHref(task.planId)}>{task.childName ?? t("tasks.childHidden")}</Link>
                {task.due ? (
                  <span className={task.overdue ? "task-overdue" : "muted"}>
                    {" · "}
                    {t(task.kind === "closure" ? "tasks.requested" : task.overdue ? "tasks.overdue" : "tasks.due", { date: formatDate(task.due) })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <ScreeningTaskList tasks={screeningTasks} />
      <OrderWorkList work={orderWork} />
    </section>
  );
}
