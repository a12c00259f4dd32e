import type { Caller } from "~/kit/request.server";
import { actorOf } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { loadScreeningFactsMany } from "~/modules/screenings/screening-facts.server";
import { mayActOnPerson } from "~policies/person.policy";
import { mayActOnOrder } from "~policies/protection-order.policy";
import { mayActOnScreening } from "~policies/screening.policy";
import { mayActOnPlan, type PlanScopeFacts, type PlanStatus } from "~policies/support-plan.policy";
import type { Actor } from "~policies/roles";
import { chronologyKindKey } from "./chronology-kinds";

/**
 * The chronology of one person as this viewer may see it. Each entry is shown only if the
 * viewer may read its source record (the plan policy for plan events, the person policy for
 * person events); entries of unknown record types are hidden (deny by default). The caller has
 * already authorised reading the person itself (readPerson) and audits the read.
 */

export type ChronologyEntry = {
  id: string;
  kind: string;
  /** Catalogue key: "chronology.kind.<kind>" when known, else the generic label. */
  labelKey: string;
  occurredAt: string;
  recordType: string;
  recordId: string;
  agency: { nameRu: string; nameKy: string; nameEn: string } | null;
  author: string | null;
  /** A deadline still open (shown at its due date), not something that happened. */
  due?: boolean;
};

const LIMIT = 300;

/** Reads only (the caller audits the page), so the request context is optional. */
export async function personChronology(
  args: Pick<Caller, "user"> & Partial<Pick<Caller, "context">> & { personId: string; now?: Date },
): Promise<ChronologyEntry[]> {
  const prisma = await getPrisma();
  const actor = actorOf(args.user);
  // Events of records merged into this person (merge not undone) belong to its timeline too.
  const merged = await prisma.personMerge.findMany({ where: { survivorId: args.personId, revertedAt: null }, select: { mergedId: true } });
  const personIds = [args.personId, ...merged.map((merge) => merge.mergedId)];
  const events = await prisma.chronologyEvent.findMany({
    where: { personId: { in: personIds } },
    orderBy: [{ occurredAt: "desc" }, { id: "asc" }],
    take: LIMIT,
  });
  const visible = await visibleSources(actor, events);
  // A status-only viewer sees one "screening on file" row per screening (its first event): a row
  // per checklist, assessment or action would retrace the pathway, which is content.
  const statusOnlyShown = new Set<string>();
  const shown = [...events]
    .reverse()
    .filter((event) => {
      if (!visible.has(`${event.recordType}:${event.recordId}`)) return false;
      if (event.recordType !== "screening" || !visible.has(`screening-status-only:${event.recordId}`)) return true;
      if (statusOnlyShown.has(event.recordId)) return false;
      statusOnlyShown.add(event.recordId);
      return true;
    })
    .reverse();
  const agencyIds = [...new Set(shown.map((event) => event.agencyId))];
  const userIds = [...new Set(shown.map((event) => event.authorUserId))];
  const [agencies, users] = await Promise.all([
    prisma.agency.findMany({ where: { id: { in: agencyIds } }, select: { id: true, nameRu: true, nameKy: true, nameEn: true } }),
    prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
  ]);
  const agencyById = new Map(agencies.map(({ id, ...names }) => [id, names]));
  const userById = new Map(users.map((user) => [user.id, user.displayName]));
  const kindShown = (event: { kind: string; recordType: string; recordId: string }) =>
    event.recordType === "screening" && visible.has(`screening-status-only:${event.recordId}`) ? "screening.on_file" : event.kind;
  const happened: ChronologyEntry[] = shown.map((event) => ({
    id: event.id,
    kind: kindShown(event),
    labelKey: chronologyKindKey(kindShown(event)),
    occurredAt: event.occurredAt.toISOString(),
    recordType: event.recordType,
    recordId: event.recordId,
    agency: agencyById.get(event.agencyId) ?? null,
    author: userById.get(event.authorUserId) ?? null,
  }));
  const deadlines = await screeningDeadlines(actor, personIds, args.now ?? new Date());
  // Newest first, with open deadlines at their due dates (future ones on top).
  return [...deadlines, ...happened].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || a.id.localeCompare(b.id));
}

/**
 * Open screening deadlines of these people for those who may see the screening's content: the
 * follow-up assessment and the re-screening at their due dates. Status viewers get none — a due
 * time 24 h or 72 h after completion would tell the result; their row stays "screening on file".
 * Clear columns only.
 */
async function screeningDeadlines(actor: Actor, personIds: string[], now: Date): Promise<ChronologyEntry[]> {
  const screenings = (await loadScreeningFactsMany({ personId: { in: personIds } })).filter(
    (s) => s.status === "completed" && mayActOnScreening(actor, "read_content", s),
  );
  const entries: ChronologyEntry[] = [];
  const entry = (kind: string, screeningId: string, at: Date): ChronologyEntry => ({
    id: `${screeningId}:${kind}`,
    kind,
    labelKey: chronologyKindKey(kind),
    occurredAt: at.toISOString(),
    recordType: "screening",
    recordId: screeningId,
    agency: null,
    author: null,
    due: true,
  });
  for (const screening of screenings) {
    if (screening.assessmentDueAt && !screening.assessmentDoneAt) {
      const overdue = screening.assessmentDueAt.getTime() < now.getTime();
      entries.push(entry(overdue ? "screening.follow_up_overdue" : "screening.follow_up_due", screening.id, screening.assessmentDueAt));
    }
    // A re-screen is done once a later screening of the child is completed.
    const rescreenAt = screening.rescreenDueAt;
    const rescreened = screenings.some((later) => later.completedAt && screening.completedAt && later.completedAt > screening.completedAt);
    if (rescreenAt && !rescreened) entries.push(entry("screening.rescreen_due", screening.id, rescreenAt));
  }
  return entries;
}

/** "recordType:recordId" of every source record this actor may read; loaded in two queries. */
async function visibleSources(actor: Actor, events: Array<{ recordType: string; recordId: string }>): Promise<Set<string>> {
  const prisma = await getPrisma();
  const ids = (type: string) => [...new Set(events.filter((event) => event.recordType === type).map((event) => event.recordId))];
  const visible = new Set<string>();
  const personIds = ids("person");
  if (personIds.length > 0) {
    const people = await prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, ownerAgencyId: true, territoryId: true } });
    for (const person of people) if (mayActOnPerson(actor, "read", person)) visible.add(`person:${person.id}`);
  }
  const planIds = ids("support_plan");
  if (planIds.length > 0) {
    const plans = await prisma.supportPlan.findMany({
      where: { id: { in: planIds } },
      select: {
        id: true,
        status: true,
        isProposal: true,
        leadUserId: true,
        leadAgencyId: true,
        territoryId: true,
        closureRequestedById: true,
        members: { select: { userId: true, removedAt: true } },
      },
    });
    for (const plan of plans) {
      const facts: PlanScopeFacts = { ...plan, status: plan.status as PlanStatus };
      if (mayActOnPlan(actor, "read", facts)) visible.add(`support_plan:${plan.id}`);
    }
  }
  // Screenings: shown as "screening on file" to whoever may see its status (screening policy).
  const screeningIds = ids("screening");
  if (screeningIds.length > 0) {
    for (const screening of await loadScreeningFactsMany({ id: { in: screeningIds } })) {
      if (mayActOnScreening(actor, "read_status", screening)) visible.add(`screening:${screening.id}`);
      // Without content access every screening event reads "screening on file" (which step it was is content).
      if (!mayActOnScreening(actor, "read_content", screening)) visible.add(`screening-status-only:${screening.id}`);
    }
  }
  const orderIds = ids("protection_order");
  if (orderIds.length > 0) {
    const orders = await prisma.protectionOrder.findMany({
      where: { id: { in: orderIds } },
      select: { id: true, status: true, issuingUserId: true, responsibleUserId: true, territoryId: true, involvesChild: true },
    });
    for (const order of orders) if (mayActOnOrder(actor, "read", order)) visible.add(`protection_order:${order.id}`);
  }
  return visible;
}
