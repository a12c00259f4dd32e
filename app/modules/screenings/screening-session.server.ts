// The screening session: the current question for the screener, and recording each answer (the last one completes the screening).
import { recordAuditor } from "~/kit/audit.server";
import type { Caller } from "~/kit/request.server";
import { formError, type CommandResult } from "~/kit/results";
import type { MessageKey } from "~/i18n/i18n";
import { actorOf, deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { mayActOnScreening } from "~policies/screening.policy";
import { sessionOf } from "./instrument-versions.server";
import type { LocalisedText } from "./instruments";
import { nextQuestion, parseAnswers, progress } from "./screening-answers";
import { completeScreening, type Completion } from "./screening-completion.server";
import { loadSessionFacts, screeningChanged } from "./screening-facts.server";
import type { AnswerInput } from "./screenings.schema";
import { abandonExpired, sessionExpired } from "./session-expiry.server";

/**
 * Answers go to the server (encrypted) as they are given: nothing readable is kept on the device
 * (no answers in URLs, cookies or local storage). Every read and write is audited with the field
 * names and a purpose.
 */

const audit = recordAuditor("screening");

export type QuestionView = {
  screeningId: string;
  version: number;
  part: "asq" | "vulnerability";
  instrumentVersionId: string;
  instrumentTitle: LocalisedText;
  item: { code: string; kind: "yes_no" | "free_text"; text: LocalisedText; maxLength: number | null };
  answered: number;
  total: number;
};

export type StepState =
  { kind: "question"; question: QuestionView } | { kind: "finished"; screeningId: string } | { kind: "expired"; screeningId: string; personId: string };

/** The screener's current question (audited content read: the answers are read to find it). */
export async function screeningStep(args: Caller & { screeningId: string; now?: Date }): Promise<StepState> {
  const facts = await loadSessionFacts(args.screeningId, args.user.id);
  const actor = actorOf(args.user);
  if (facts && facts.status !== "in_progress" && mayActOnScreening(actor, "read_status", facts)) return { kind: "finished", screeningId: facts.id };
  if (!facts || !mayActOnScreening(actor, "answer", facts)) return deny(args.user, args.context, { type: "screening", id: args.screeningId }, "answer");
  // Shown, not changed: a GET stores nothing; the next answer (or the sweep) stops the session.
  if (sessionExpired(facts, args.now)) return { kind: "expired", screeningId: facts.id, personId: facts.personId };
  const prisma = await getPrisma();
  const row = await prisma.screening.findUniqueOrThrow({ where: { id: facts.id }, select: { id: true, answers: true } });
  const session = await sessionOf(facts);
  const answers = parseAnswers(row.answers);
  const next = nextQuestion(session, answers);
  await audit(args, "screening.read", facts.id, ["answers"], "session:next-question");
  if (!next) return { kind: "finished", screeningId: facts.id };
  const { answered, total } = progress(session, answers);
  return {
    kind: "question",
    question: {
      screeningId: facts.id,
      version: facts.version,
      part: next.part,
      instrumentVersionId: next.instrument.id,
      instrumentTitle: next.instrument.definition.title,
      item: { code: next.item.code, kind: next.item.kind, text: next.item.text, maxLength: next.item.maxLength ?? null },
      answered: answered + 1,
      total,
    },
  };
}

/** A refused answer: 409 (a refusal with `conflict`) when the session moved on, else 400. */
export type AnswerResult = CommandResult<{ completed: boolean }>;

class Refused extends Error {
  constructor(
    readonly error: MessageKey,
    readonly status: 400 | 409,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Records one answer, in one transaction that first moves the screening's version while it is
 * still in progress (two posts of the same screen cannot both land). Refused without storing
 * anything: a finished screening, an item that is not the current question (answered twice,
 * skipped ahead), an instrument version other than the screening's (tampered or stale), an
 * answer the item does not accept. The last answer completes the screening: result, findings,
 * chronology and the pathway (screening-completion.server.ts) in the same transaction.
 */
export async function answerQuestion(args: Caller & { screeningId: string; input: AnswerInput; now?: Date }): Promise<AnswerResult> {
  const facts = await loadSessionFacts(args.screeningId, args.user.id);
  const actor = actorOf(args.user);
  if (!facts || (facts.screenerUserId !== actor.id && !mayActOnScreening(actor, "answer", facts))) {
    return deny(args.user, args.context, { type: "screening", id: args.screeningId }, "answer");
  }
  if (!mayActOnScreening(actor, "answer", facts)) {
    // The screener posting to a finished session (a second tab, the back button): a message, not a 404.
    if (facts.screenerUserId === actor.id && facts.status !== "in_progress") {
      await audit(args, "screening.answer", facts.id, [], "refused:finished", "failed");
      return screeningChanged(facts.id, "screening.error.finished");
    }
    return deny(args.user, args.context, { type: "screening", id: args.screeningId }, "answer");
  }
  const now = args.now ?? new Date();
  if (sessionExpired(facts, now)) {
    await abandonExpired(facts, args, now);
    await audit(args, "screening.answer", facts.id, [], "refused:expired", "failed");
    return screeningChanged(facts.id, "screening.error.expired");
  }
  const session = await sessionOf(facts);
  const prisma = await getPrisma();
  let completion: Completion | null = null;
  const answered: { part: "asq" | "vulnerability" } = { part: "asq" };
  try {
    await prisma.$transaction(async (tx) => {
      // Move the version and read the answers in one statement; no row means another post got there first.
      const [row] = await tx.screening.updateManyAndReturn({
        where: { id: facts.id, version: facts.version, status: "in_progress" },
        data: { version: { increment: 1 } },
        select: { id: true, answers: true },
      });
      if (!row) throw new Refused("screening.error.alreadyAnswered", 409, "refused:concurrent");
      const answers = parseAnswers(row.answers);
      const expected = nextQuestion(session, answers);
      const instrumentIds = [session.asq.id, session.vulnerability?.id].filter(Boolean);
      if (!instrumentIds.includes(args.input.instrumentVersionId)) throw new Refused("screening.error.version", 400, "refused:version");
      if (!expected) throw new Refused("screening.error.finished", 409, "refused:finished");
      if (expected.instrument.id !== args.input.instrumentVersionId || expected.item.code !== args.input.item) {
        const known = [...session.asq.definition.items, ...(session.vulnerability?.definition.items ?? [])].some((item) => item.code === args.input.item);
        const given = answers.asq[args.input.item] !== undefined || answers.vulnerability[args.input.item] !== undefined;
        if (given) throw new Refused("screening.error.alreadyAnswered", 409, "refused:answered-twice");
        if (known && expected.item.code === args.input.item) throw new Refused("screening.error.version", 400, "refused:version");
        throw new Refused("screening.error.notCurrent", 409, "refused:not-current");
      }
      const part = expected.part;
      answered.part = part;
      const item = expected.item;
      const answer = args.input.answer;
      let otherWorry: string | undefined;
      if (item.kind === "yes_no") {
        if (answer !== "yes" && answer !== "no" && answer !== "declined") throw new Refused("screening.error.answer", 400, "refused:answer");
        if (args.input.otherWorry !== undefined && args.input.otherWorry !== "") throw new Refused("screening.error.answer", 400, "refused:answer");
        answers[part][item.code] = answer;
      } else {
        if (answer !== "text" && answer !== "none" && answer !== "declined") throw new Refused("screening.error.answer", 400, "refused:answer");
        const text = answer === "text" ? (args.input.otherWorry ?? "").trim() : "";
        if (text.length > (item.maxLength ?? 2000)) throw new Refused("screening.error.tooLong", 400, "refused:answer");
        // The text itself goes to its own encrypted column; the answers keep only that it was given.
        answers[part][item.code] = text ? "text" : answer;
        if (text) otherWorry = text;
      }
      if (nextQuestion(session, answers)) {
        await tx.screening.update({ where: { id: facts.id }, data: { answers: JSON.stringify(answers), ...(otherWorry ? { otherWorry } : {}) } });
        return;
      }
      completion = await completeScreening(tx, { by: args, facts, session, answers, otherWorry, now });
    });
  } catch (error) {
    if (error instanceof Refused) {
      await audit(args, "screening.answer", facts.id, [], error.reason, "failed");
      return error.status === 409 ? screeningChanged(facts.id, error.error) : formError(error.error);
    }
    throw error;
  }
  const fields =
    answered.part === "vulnerability" && args.input.item === "other_worry" && args.input.answer === "text" ? ["answers", "otherWorry"] : ["answers"];
  const done = completion as Completion | null;
  // Started together, the audit events go out in one group (audit.server.ts) — in this order.
  await Promise.all([
    audit(args, "screening.answer", facts.id, fields, `item:${args.input.item}`),
    ...(done ? [audit(args, "screening.complete", facts.id, ["result", "findings"], `result:${done.result}`), done.afterCommit()] : []),
  ]);
  return { ok: true, completed: done !== null };
}
