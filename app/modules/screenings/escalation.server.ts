import { recordAudit } from "~/server/audit/audit.server";
import { getPrisma, type AppTransaction } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { deliverAll, externalNotifier, type Notification, type Notifier } from "~/server/notify/notifier.server";
import { acuteRecipients, receivesScreeningEscalations, screeningHref } from "./pathway-start.server";

/**
 * The overdue sweep (decision 019): a safety assessment not done by its due time is escalated
 * once — `ScreeningAlert` rows of kind `assessment_overdue` for the district's supervisors, the
 * school's psychologists and the supervisors of the parent region (never a school's staff with a
 * supervisor role: acuteRecipients, regionalSupervisors), an audit event and the
 * e-mail/SMS hook (pointer only). Run by the server's scheduler and `npm run screenings:escalate`.
 *
 * Safe with several servers sweeping at once: each screening is claimed by a conditional update
 * (`overdue_escalated_at IS NULL`) inside the transaction that writes its alerts, so exactly one
 * run writes them; the others see count 0 and skip.
 */

export const ESCALATION_ALERT_KIND = "assessment_overdue";
/** Where a regional supervisor is sent: they may not open a screening outside their district. */
export const OVERDUE_LIST_HREF = "/screenings/alerts";

export type EscalationResult = {
  /** Screenings this run escalated. */
  escalated: number;
  /** Candidates another run claimed first (or finished meanwhile). */
  skipped: number;
  /** In-app alert rows written. */
  alerts: number;
  /** External notifications the gateway refused. */
  notifyFailed: number;
};

export type EscalationOptions = {
  now?: Date;
  /** Candidates read per query; the sweep continues until a batch comes back short. */
  batchSize?: number;
  notifier?: Notifier;
  /** Who ran it, for the audit purpose: the scheduler or the command line. */
  source?: "scheduler" | "command_line";
};

export async function escalateOverdueAssessments(options: EscalationOptions = {}): Promise<EscalationResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 100;
  const prisma = await getPrisma();
  const result: EscalationResult = { escalated: 0, skipped: 0, alerts: 0, notifyFailed: 0 };
  for (;;) {
    // The first three conditions are the predicate of screening_open_deadline_idx: the sweep reads
    // only open, not yet escalated deadlines however many screenings are stored.
    const candidates = await prisma.screening.findMany({
      where: {
        assessmentDoneAt: null,
        overdueEscalatedAt: null,
        assessmentDueAt: { not: null, lt: now },
        status: "completed",
        result: { in: ["acute_positive", "non_acute_positive"] },
      },
      select: { id: true, schoolAgencyId: true, territoryId: true },
      orderBy: [{ assessmentDueAt: "asc" }, { id: "asc" }],
      take: batchSize,
    });
    for (const screening of candidates) {
      const outcome = await escalateOne(screening, now);
      if (!outcome) {
        result.skipped++;
        continue;
      }
      result.escalated++;
      result.alerts += outcome.recipients.length;
      // After commit, as the acute pathway: a rolled-back claim never notifies.
      await recordAudit({
        actor: null,
        action: "screening.overdue_escalated",
        decision: "allowed",
        record: { type: "screening", id: screening.id },
        fields: ["overdueEscalatedAt", "alerts"],
        purpose: `${options.source ?? "command_line"}:alerts:${outcome.recipients.length}`,
      });
      result.notifyFailed += await deliverAll(options.notifier ?? externalNotifier(), outcome.notifications);
    }
    // Claimed rows leave the predicate, so each pass makes progress; a short batch was the last.
    if (candidates.length < batchSize) return result;
  }
}

type Candidate = { id: string; schoolAgencyId: string; territoryId: string };

/** Claims and alerts one screening in one transaction; null if another run (or the assessment) got there first. */
async function escalateOne(screening: Candidate, now: Date): Promise<{ recipients: string[]; notifications: Notification[] } | null> {
  const prisma = await getPrisma();
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.screening.updateMany({
      where: { id: screening.id, overdueEscalatedAt: null, assessmentDoneAt: null },
      data: { overdueEscalatedAt: now },
    });
    if (claimed.count !== 1) return null;
    const local = await acuteRecipients(tx, screening);
    const regional = (await regionalSupervisors(tx, screening.territoryId)).filter((id) => !local.includes(id));
    const recipients = [...local, ...regional];
    if (recipients.length > 0) {
      await tx.screeningAlert.createMany({
        data: recipients.map((recipientUserId) => ({ id: newId(), screeningId: screening.id, recipientUserId, kind: ESCALATION_ALERT_KIND, createdAt: now })),
      });
    }
    const notifications: Notification[] = [
      ...local.map((to) => ({ to, kind: "overdue" as const, link: screeningHref(screening.id) })),
      ...regional.map((to) => ({ to, kind: "overdue" as const, link: OVERDUE_LIST_HREF })),
    ];
    return { recipients, notifications };
  });
}

/**
 * Active supervisors of active agencies whose territory is the parent (region) of the screening's
 * district — not of a school nor a police department (receivesScreeningEscalations, decision 016).
 */
async function regionalSupervisors(tx: AppTransaction, territoryId: string): Promise<string[]> {
  const territory = await tx.territory.findUnique({ where: { id: territoryId }, select: { parentId: true } });
  if (!territory?.parentId) return [];
  // Roles filtered here, not in SQL (`roles: { has }` does not survive the PGlite adapter, as in acuteRecipients).
  const users = await tx.user.findMany({
    where: { status: "active", agency: { territoryId: territory.parentId, status: "active" } },
    select: { id: true, roles: true, agency: { select: { type: true } } },
    orderBy: { id: "asc" },
  });
  return users.filter((user) => user.roles.includes("supervisor") && receivesScreeningEscalations(user.agency.type)).map((user) => user.id);
}
