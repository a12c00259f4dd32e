// Pathway facts and authorisation: the clear columns the pathway pages decide on, and the audited 404 when access is missing.
import { authorizeRecord, type Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import { pathwayAccess } from "./pathway-access";
import { grantsOf, SCOPE_SELECT, type ScreeningFacts } from "./screening-facts.server";

const PATHWAY_FACTS_SELECT = { ...SCOPE_SELECT, checklistCompletedAt: true } as const;

/** The screening facts the pathway decides on: no instrument versions, plus the acute checklist's completion. */
export type PathwayFacts = Omit<ScreeningFacts, "asqVersionId" | "vulnerabilityVersionId" | "startedAt"> & { checklistCompletedAt: Date | null };

export async function loadPathwayFacts(screeningId: string): Promise<PathwayFacts | null> {
  const prisma = await getPrisma();
  const [screening, grants] = await Promise.all([
    prisma.screening.findUnique({ where: { id: screeningId }, select: PATHWAY_FACTS_SELECT }),
    grantsOf([screeningId]),
  ]);
  if (!screening) return null;
  return {
    ...screening,
    status: screening.status as PathwayFacts["status"],
    result: screening.result as PathwayFacts["result"],
    ...grants(screeningId),
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
