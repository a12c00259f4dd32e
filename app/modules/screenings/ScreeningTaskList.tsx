import { Link } from "@remix-run/react";
import { formatDate, type MessageKey } from "~/i18n/i18n";
import { useTranslation } from "~/i18n/use-translation";
import type { ScreeningTask } from "./alerts.server";

/** Screening deadlines in the task inbox (render with `screeningTasksFor`'s data); nothing when there are none. */
export function ScreeningTaskList({ tasks }: { tasks: ScreeningTask[] }) {
  const { t } = useTranslation();
  if (tasks.length === 0) return null;
  return (
    <ul className="result-list" data-testid="screening-tasks">
      {tasks.map((task) => (
        <li key={`${task.kind}-${task.screeningId}`}>
          <strong>{t(`pathway.task.${task.kind}` as MessageKey)}</strong>: <Link to={task.href}>{task.childName ?? t("pathway.onFile")}</Link>
          {task.due && task.kind !== "screening_checklist" ? (
            <span className={task.overdue ? "task-overdue" : "muted"}>
              {" · "}
              {t(task.overdue ? "tasks.overdue" : "tasks.due", { date: formatDate(task.due) })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
