/**
 * The chronology kinds this version knows how to name. A module that records a new kind adds
 * it here and a "chronology.kind.<kind>" message; an unknown kind shows a generic label.
 */
export const CHRONOLOGY_KINDS = [
  "support_plan.opened",
  "support_plan.proposed",
  "support_plan.accepted",
  "support_plan.activated",
  "support_plan.member_added",
  "support_plan.member_removed",
  "support_plan.goal_added",
  "support_plan.goal_updated",
  "support_plan.review_recorded",
  "support_plan.closure_requested",
  "support_plan.closure_approved",
  "support_plan.closure_returned",
  "support_plan.reopened",
  "support_plan.transferred",
  "person.created",
  "person.merged",
  "person.unmerged",
  "guardian.added",
  "screening.on_file",
  "screening.checklist_completed",
  "screening.assessment_recorded",
  "screening.action_taken",
  "screening.action_dismissed",
  // Deadlines (not stored events): shown at their due date while open.
  "screening.follow_up_due",
  "screening.follow_up_overdue",
  "screening.rescreen_due",
] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

const KNOWN: ReadonlySet<string> = new Set(CHRONOLOGY_KINDS);

export function chronologyKindKey(kind: string): string {
  return KNOWN.has(kind) ? `chronology.kind.${kind}` : "chronology.kind.other";
}
