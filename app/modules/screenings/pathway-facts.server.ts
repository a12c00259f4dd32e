// Pathway facts and authorisation: the clear columns the pathway pages decide on, and the audited 404 when access is missing.
import { authorizeRecord, type Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import { pathwayAccess, type PathwayScopeFacts } from "./pathway-access";
import type { ScreeningResultCode } from "./pathway-rules";

export const PATHWAY_FACTS_SELECT = {
  id: true,
  personId: true,
  schoolAgencyId: true,
  territoryId: true,
  screenerUserId: true,
  status: true,
  result: true,
  findings: true,
  completedAt: true,
  checklistCompletedAt: true,
  assessmentDueAt: true,
  assessmentDoneAt: true,
  rescreenDueAt: true,
  version: true,
} as const;

export type PathwayFacts = PathwayScopeFacts & {
  personId: string;
  result: ScreeningResultCode | null;
  findings: string[];
  completedAt: Date | null;
  checklistCompletedAt: Date | null;
  assessmentDueAt: Date | null;
  assessmentDoneAt: Date | null;
  rescreenDueAt: Date | null;
  version: number;
};

export async function loadPathwayFacts(screeningId: string): Promise<PathwayFacts | null> {
  const prisma = await getPrisma();
  const [screening, assignments, targets] = await Promise.all([
    prisma.screening.findUnique({ where: { id: screeningId }, select: PATHWAY_FACTS_SELECT }),
    prisma.screeningAssignment.findMany({ where: { screeningId, removedAt: null }, select: { userId: true } }),
    prisma.screeningAction.findMany({ where: { screeningId, targetUserId: { not: null }, takenAt: { not: null } }, select: { targetUserId: true } }),
  ]);
  if (!screening) return null;
  return {
    ...screening,
    status: screening.status as PathwayFacts["status"],
    result: screening.result as ScreeningResultCode | null,
    assignedUserIds: assignments.map((a) => a.userId),
    referralTargetIds: targets.map((t) => t.targetUserId).filter((id): id is string => id !== null),
  };
}

export type PathwayAction = "read_status" | "read_content" | "record_checklist" | "record_assessment" | "act";

/** The screening's facts if the caller may do `action` on a completed screening; otherwise an audited 404. */
export function authorizePathway(caller: Caller, screeningId: string, action: PathwayAction): Promise<PathwayFacts> {
  return authorizeRecord(
    caller,
    { type: "screening", id: screeningId },
    () => loadPathwayFacts(screeningId),
    (actor, facts) => facts.status === "completed" && pathwayAccess(actor, facts).includes(action),
    `pathway:${action}`,
  );
}
