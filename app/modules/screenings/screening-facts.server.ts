// Screening facts and authorisation: the clear columns the policy decides on, loaded for one or many screenings (and the child's, for starting one).
import { authorizeRecord, type Caller } from "~/kit/request.server";
import { versionConflict, type Refusal } from "~/kit/results";
import type { MessageKey } from "~/i18n/i18n";
import { getPrisma } from "~/server/db.server";
import type { PersonScopeFacts } from "~policies/person.policy";
import { mayActOnScreening, type ScreeningAction, type ScreeningScopeFacts, type ScreeningStatus } from "~policies/screening.policy";
import type { AsqResult } from "./scoring";

/**
 * Every decision goes through policies/screening.policy.ts on these facts; they never include
 * the answers (those are selected only for content viewers, so never decrypted for status viewers).
 */

/** The clear columns both the screening facts and the pathway facts (pathway-facts.server.ts) carry. */
export const SCOPE_SELECT = {
  id: true,
  personId: true,
  schoolAgencyId: true,
  territoryId: true,
  screenerUserId: true,
  status: true,
  result: true,
  findings: true,
  completedAt: true,
  assessmentDueAt: true,
  assessmentDoneAt: true,
  rescreenDueAt: true,
  version: true,
} as const;

const FACTS_SELECT = { ...SCOPE_SELECT, asqVersionId: true, vulnerabilityVersionId: true, startedAt: true } as const;

export type ScreeningFacts = ScreeningScopeFacts & {
  personId: string;
  asqVersionId: string;
  vulnerabilityVersionId: string | null;
  result: AsqResult | null;
  findings: string[];
  startedAt: Date;
  completedAt: Date | null;
  assessmentDueAt: Date | null;
  assessmentDoneAt: Date | null;
  rescreenDueAt: Date | null;
  version: number;
};

type Row = { id: string; status: string; result: string | null } & Record<string, unknown>;

/** Who holds access to each screening through an active assignment or a taken referral naming them. */
export async function grantsOf(screeningIds: string[]): Promise<(screeningId: string) => Pick<ScreeningScopeFacts, "assignedUserIds" | "referralTargetIds">> {
  const prisma = await getPrisma();
  const [assignments, targets] = await Promise.all([
    prisma.screeningAssignment.findMany({ where: { screeningId: { in: screeningIds }, removedAt: null }, select: { screeningId: true, userId: true } }),
    prisma.screeningAction.findMany({
      where: { screeningId: { in: screeningIds }, targetUserId: { not: null }, takenAt: { not: null } },
      select: { screeningId: true, targetUserId: true },
    }),
  ]);
  return (screeningId) => ({
    assignedUserIds: assignments.filter((a) => a.screeningId === screeningId).map((a) => a.userId),
    referralTargetIds: targets.filter((t) => t.screeningId === screeningId).map((t) => t.targetUserId as string),
  });
}

async function factsOf(rows: Row[]): Promise<ScreeningFacts[]> {
  if (rows.length === 0) return [];
  const grants = await grantsOf(rows.map((row) => row.id));
  return rows.map((row) => ({
    ...(row as unknown as Omit<ScreeningFacts, "assignedUserIds" | "referralTargetIds" | "status" | "result">),
    status: row.status as ScreeningStatus,
    result: row.result as AsqResult | null,
    ...grants(row.id),
  }));
}

export async function loadScreeningFacts(screeningId: string): Promise<ScreeningFacts | null> {
  const prisma = await getPrisma();
  const row = await prisma.screening.findUnique({ where: { id: screeningId }, select: FACTS_SELECT });
  return row ? ((await factsOf([row as unknown as Row]))[0] ?? null) : null;
}

/**
 * The facts for the session's own steps (each question and answer). While the session is in
 * progress the screener's rights come from being the screener alone (policies/screening.policy.ts
 * checks that before assignments or referrals, and a session in progress has no referrals), so
 * the two extra reads are skipped for them; anyone else gets the full facts.
 */
export async function loadSessionFacts(screeningId: string, actorId: string): Promise<ScreeningFacts | null> {
  const prisma = await getPrisma();
  const row = await prisma.screening.findUnique({ where: { id: screeningId }, select: FACTS_SELECT });
  if (!row) return null;
  if (row.screenerUserId === actorId && row.status === "in_progress") {
    return { ...(row as unknown as ScreeningFacts), status: "in_progress", assignedUserIds: [], referralTargetIds: [] };
  }
  return (await factsOf([row as unknown as Row]))[0] ?? null;
}

/** Scope facts of many screenings (chronology filter, lists); decrypts nothing. */
export async function loadScreeningFactsMany(where: { id?: { in: string[] }; personId?: { in: string[] } }): Promise<ScreeningFacts[]> {
  const prisma = await getPrisma();
  const rows = await prisma.screening.findMany({ where, select: FACTS_SELECT, orderBy: [{ startedAt: "desc" }, { id: "asc" }] });
  return factsOf(rows as unknown as Row[]);
}

/** The screening's facts if the caller may do `action`; otherwise an audited 404. */
export function authorizeScreening(caller: Caller, screeningId: string, action: ScreeningAction): Promise<ScreeningFacts> {
  return authorizeRecord(
    caller,
    { type: "screening", id: screeningId },
    () => loadScreeningFacts(screeningId),
    (actor, facts) => mayActOnScreening(actor, action, facts),
    action,
  );
}

/**
 * A refusal because the screening moved on since the page was loaded (another tab, a second
 * click, a finished or stopped session): 409 with the message `key` and the version it has now.
 */
export async function screeningChanged(screeningId: string, key: MessageKey): Promise<Refusal> {
  const prisma = await getPrisma();
  const row = await prisma.screening.findUnique({ where: { id: screeningId }, select: { version: true } });
  return versionConflict({ version: row?.version ?? 0, changes: [] }, key);
}

export type PersonFacts = PersonScopeFacts & { mergedIntoId: string | null };

export async function personFacts(personId: string): Promise<PersonFacts | null> {
  const prisma = await getPrisma();
  return prisma.person.findUnique({ where: { id: personId }, select: { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true } });
}

/** The person's facts if the caller may start a screening of them (never a merged record); otherwise an audited 404. */
export function authorizeStart(caller: Caller, personId: string): Promise<PersonFacts> {
  return authorizeRecord(
    caller,
    { type: "person", id: personId },
    () => personFacts(personId),
    (actor, person) => !person.mergedIntoId && mayActOnScreening(actor, "start", null, person),
    "screening:start",
  );
}

function fullName(person: { surname?: string | null; givenName?: string | null; patronymic?: string | null } | null): string | null {
  if (!person) return null;
  return [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ") || null;
}

export async function childName(personId: string): Promise<string | null> {
  const prisma = await getPrisma();
  return fullName(await prisma.person.findUnique({ where: { id: personId }, select: { id: true, surname: true, givenName: true, patronymic: true } }));
}
