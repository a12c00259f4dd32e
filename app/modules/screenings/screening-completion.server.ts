// Completing a screening: scoring, findings and deadlines written with the last answer, the chronology row, the pathway start.
import type { Caller } from "~/kit/request.server";
import { recordChronology } from "~/modules/chronology/chronology.server";
import type { AppTransaction } from "~/server/db.server";
import type { Session } from "./instrument-versions.server";
import { pathwayDeadlines } from "./pathway-rules";
import { startPathway } from "./pathway-start.server";
import type { StoredAnswers } from "./screening-answers";
import type { ScreeningFacts } from "./screening-facts.server";
import { scoreAsq, vulnerabilityFindings, type AsqResult } from "./scoring";

export type Completion = { result: AsqResult; findings: string[]; afterCommit: () => Promise<void> };

/**
 * Runs inside the transaction of the last answer (which has moved the version): one update
 * stores the answers with the result, findings and deadlines; then the chronology and the
 * pathway (alerts, suggested actions). `afterCommit` sends what must wait for the commit.
 */
export async function completeScreening(
  tx: AppTransaction,
  args: {
    by: Caller;
    facts: Pick<ScreeningFacts, "id" | "personId" | "schoolAgencyId" | "territoryId" | "screenerUserId">;
    session: Session;
    answers: StoredAnswers;
    otherWorry?: string;
    now: Date;
  },
): Promise<Completion> {
  const { facts, session, answers, now } = args;
  const result = scoreAsq(session.asq.definition, answers.asq);
  const findings = session.vulnerability ? vulnerabilityFindings(session.vulnerability.definition, answers.vulnerability) : [];
  const { assessmentDueAt, rescreenDueAt } = pathwayDeadlines(result, now);
  await tx.screening.update({
    where: { id: facts.id },
    data: {
      answers: JSON.stringify(answers),
      ...(args.otherWorry ? { otherWorry: args.otherWorry } : {}),
      status: "completed",
      completedAt: now,
      result,
      findings,
      assessmentDueAt,
      rescreenDueAt,
    },
  });
  await recordChronology(
    {
      personId: facts.personId,
      recordType: "screening",
      recordId: facts.id,
      kind: "screening.on_file",
      agencyId: facts.schoolAgencyId,
      authorUserId: args.by.user.id,
      at: now,
    },
    tx,
  );
  const started = await startPathway({
    tx,
    screening: {
      id: facts.id,
      personId: facts.personId,
      schoolAgencyId: facts.schoolAgencyId,
      territoryId: facts.territoryId,
      screenerUserId: facts.screenerUserId,
      result,
      findings,
      completedAt: now,
    },
    user: args.by.user,
    context: args.by.context,
    now,
  });
  return { result, findings, afterCommit: () => started.afterCommit() };
}
