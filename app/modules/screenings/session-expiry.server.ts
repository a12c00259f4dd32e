// Session time limit: when a screening session has expired, stopping it (with an alert after a risk answer), and the sweep.
import { recordAuditor } from "~/kit/audit.server";
import type { Caller } from "~/kit/request.server";
import { recordAudit } from "~/server/audit/audit.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { schoolPsychologists } from "./pathway-start.server";
import { parseAnswers, positiveSoFar } from "./screening-answers";
import type { ScreeningFacts } from "./screening-facts.server";

const audit = recordAuditor("screening");

/**
 * A session is one sitting: answers given on different days do not add up to one result (the
 * child's state changes), so a session not finished within this time is stopped and a new
 * screening is started instead (decision 016).
 */
export const SCREENING_SESSION_HOURS = 12;

/** Sessions started before this moment have expired. */
export function sessionCutoff(now: Date): Date {
  return new Date(now.getTime() - SCREENING_SESSION_HOURS * 60 * 60 * 1000);
}

export function sessionExpired(facts: Pick<ScreeningFacts, "status" | "startedAt">, now = new Date()): boolean {
  return facts.status === "in_progress" && facts.startedAt < sessionCutoff(now);
}

/**
 * Stops an expired session (status "abandoned", nothing else changes). If the child had already
 * answered a suicide-risk question "yes" or declined it, the school's psychologists and the
 * screener are alerted (pointer only): an unfinished screening must not hide a child at risk. Returns false when another request stopped or finished it first.
 */
export async function abandonExpired(
  facts: Pick<ScreeningFacts, "id" | "version" | "schoolAgencyId" | "screenerUserId">,
  by: Caller | null,
  now: Date,
): Promise<boolean> {
  const prisma = await getPrisma();
  const alerted = await prisma.$transaction(async (tx) => {
    const moved = await tx.screening.updateMany({
      where: { id: facts.id, version: facts.version, status: "in_progress" },
      data: { status: "abandoned", version: { increment: 1 } },
    });
    if (moved.count !== 1) return null;
    const row = await tx.screening.findUniqueOrThrow({ where: { id: facts.id }, select: { id: true, answers: true } });
    if (!positiveSoFar(parseAnswers(row.answers))) return [];
    // The school's psychologists and the screener: they may open the unfinished session (supervisors
    // see completed screenings only); the screener is alerted too, so a school without a psychologist
    // account still has someone who is told.
    const recipients = [...new Set([...(await schoolPsychologists(tx, facts.schoolAgencyId)), facts.screenerUserId])];
    await tx.screeningAlert.createMany({
      data: recipients.map((recipientUserId) => ({ id: newId(), screeningId: facts.id, recipientUserId, kind: "incomplete_positive", createdAt: now })),
    });
    return recipients;
  });
  if (alerted === null) return false;
  const purpose = alerted.length > 0 ? "expired:positive-answer" : "expired";
  if (by) await audit(by, "screening.abandon", facts.id, ["status"], purpose);
  else
    await recordAudit({
      actor: null,
      action: "screening.abandon",
      decision: "allowed",
      record: { type: "screening", id: facts.id },
      fields: ["status"],
      purpose: `scheduler:${purpose}`,
    });
  return true;
}

/**
 * The sweep's part (scripts/start.ts runs it with the overdue sweep): stops every session left
 * unfinished past SCREENING_SESSION_HOURS, so a paused session with a "yes" answer alerts the
 * psychologists even if nobody opens it again. Reads clear columns only (partial index
 * screening_in_progress_idx); safe to run on two servers at once (each stop is conditional).
 */
export async function stopExpiredSessions(options: { now?: Date; batchSize?: number } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = sessionCutoff(now);
  const prisma = await getPrisma();
  let stopped = 0;
  for (;;) {
    const rows = await prisma.screening.findMany({
      where: { status: "in_progress", startedAt: { lt: cutoff } },
      select: { id: true, version: true, schoolAgencyId: true, screenerUserId: true },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: options.batchSize ?? 100,
    });
    let progressed = 0;
    for (const row of rows) if (await abandonExpired(row, null, now)) progressed++;
    stopped += progressed;
    // Rows another server stopped first (or answered meanwhile) are skipped, not retried forever.
    if (rows.length < (options.batchSize ?? 100) || progressed === 0) return stopped;
  }
}
