// Reading screenings for pages: one screening's result or status for this viewer, and what a person page may list.
import { auditBy, recordAuditor } from "~/kit/audit.server";
import type { Caller, RequestContext } from "~/kit/request.server";
import { actorOf, type AuthorizedUser } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { mayActOnPerson } from "~policies/person.policy";
import { mayActOnScreening, visibleScreeningFields, type ScreeningStatus } from "~policies/screening.policy";
import { sessionOf, type InstrumentVersionRow } from "./instrument-versions.server";
import type { LocalisedText } from "./instruments";
import { parseAnswers } from "./screening-answers";
import { authorizeScreening, childName, loadScreeningFactsMany, personFacts, type ScreeningFacts } from "./screening-facts.server";
import type { AsqResult } from "./scoring";

const audit = recordAuditor("screening");

export type FollowUp = "due" | "overdue" | "done" | "none";

export function followUpOf(facts: Pick<ScreeningFacts, "assessmentDueAt" | "assessmentDoneAt">, now = new Date()): FollowUp {
  if (facts.assessmentDoneAt) return "done";
  if (!facts.assessmentDueAt) return "none";
  return facts.assessmentDueAt.getTime() < now.getTime() ? "overdue" : "due";
}

export type AnswerView = { code: string; text: LocalisedText; answer: string };

export type ScreeningView = {
  id: string;
  personId: string;
  access: "content" | "status";
  status: ScreeningStatus;
  followUp: FollowUp;
  childName: string | null;
  mayOpenPerson: boolean;
  isScreener: boolean;
  completedAt: string | null;
  /** Content viewers only (null for status viewers). */
  content: {
    result: AsqResult | null;
    findings: string[];
    consent: string;
    startedAt: string;
    instruments: { id: string; instrument: string; version: number; title: LocalisedText; awaitingValidation: boolean }[];
    answers: AnswerView[];
    otherWorry: string | null;
  } | null;
  mayAssignClinician: boolean;
};

/**
 * One screening for this viewer: audited 404 when out of scope; content viewers get the result,
 * findings and answers (selected and decrypted only for them); status viewers get "on file,
 * follow-up due/done". `purpose` is recorded with the read (e.g. "result").
 */
export async function readScreening(args: Caller & { screeningId: string; purpose?: string }): Promise<ScreeningView> {
  const facts = await authorizeScreening(args, args.screeningId, "read_status");
  const actor = actorOf(args.user);
  const fields = visibleScreeningFields(actor, facts);
  const content = mayActOnScreening(actor, "read_content", facts);
  const person = await personFacts(facts.personId);
  const mayOpenPerson = person !== null && mayActOnPerson(actor, "read", person);
  const showName = fields.includes("childName") || mayOpenPerson;
  const name = showName ? await childName(facts.personId) : null;
  let contentView: ScreeningView["content"] = null;
  const readFields: string[] = ["status", "followUp", ...(showName ? ["childName"] : [])];
  if (content) {
    const prisma = await getPrisma();
    const row = await prisma.screening.findUniqueOrThrow({ where: { id: facts.id }, select: { id: true, answers: true, otherWorry: true, consent: true } });
    const session = await sessionOf(facts);
    const answers = parseAnswers(row.answers);
    const answerViews: AnswerView[] = [];
    for (const [part, instrument] of [
      ["asq", session.asq],
      ["vulnerability", session.vulnerability],
    ] as const) {
      if (!instrument) continue;
      for (const item of instrument.definition.items) {
        const answer = answers[part][item.code];
        if (answer !== undefined) answerViews.push({ code: item.code, text: item.text, answer });
      }
    }
    const instruments = [session.asq, session.vulnerability].filter((i): i is InstrumentVersionRow => i !== null);
    contentView = {
      result: facts.status === "completed" ? facts.result : null,
      findings: facts.status === "completed" ? [...facts.findings] : [],
      consent: row.consent,
      startedAt: facts.startedAt.toISOString(),
      instruments: instruments.map((i) => ({
        id: i.id,
        instrument: i.instrument,
        version: i.version,
        title: i.definition.title,
        awaitingValidation: i.definition.items.some((item) => Object.values(item.text).some((t) => t.awaitingClinicalValidation)),
      })),
      answers: answerViews,
      otherWorry: row.otherWorry ?? null,
    };
    readFields.push("result", "findings", "answers", "consent", "instrumentVersions", ...(row.otherWorry ? ["otherWorry"] : []));
  }
  await audit(args, "screening.read", facts.id, readFields, args.purpose ?? (content ? "result" : "status"));
  return {
    id: facts.id,
    personId: facts.personId,
    access: content ? "content" : "status",
    status: facts.status,
    followUp: followUpOf(facts),
    childName: name,
    mayOpenPerson,
    isScreener: facts.screenerUserId === actor.id,
    completedAt: facts.completedAt?.toISOString() ?? null,
    content: contentView,
    mayAssignClinician: mayActOnScreening(actor, "assign_clinician", facts),
  };
}

export type ScreeningLink = {
  id: string;
  href: string;
  access: "content" | "status";
  status: ScreeningStatus;
  followUp: FollowUp;
  startedAt: string;
  completedAt: string | null;
  /** Content viewers only. */
  result: AsqResult | null;
};

export type ScreeningLinks = { startHref: string | null; screenings: ScreeningLink[] };

/**
 * For the person page (owned elsewhere): a start link when this user may screen the person, and
 * the person's screenings this user may see — status only, or with the result for content
 * viewers. Reads clear columns only; audited (screening.list) when anything is listed.
 */
export async function screeningLinksFor(args: { user: AuthorizedUser; personId: string; context?: RequestContext }): Promise<ScreeningLinks> {
  const actor = actorOf(args.user);
  const person = await personFacts(args.personId);
  const startHref = person && !person.mergedIntoId && mayActOnScreening(actor, "start", null, person) ? `/screenings/new?personId=${person.id}` : null;
  const all = await loadScreeningFactsMany({ personId: { in: [args.personId] } });
  const screenings = all
    .filter((facts) => mayActOnScreening(actor, "read_status", facts))
    .map<ScreeningLink>((facts) => {
      const content = mayActOnScreening(actor, "read_content", facts);
      return {
        id: facts.id,
        href: `/screenings/${facts.id}`,
        access: content ? "content" : "status",
        status: facts.status,
        followUp: followUpOf(facts),
        startedAt: facts.startedAt.toISOString(),
        completedAt: facts.completedAt?.toISOString() ?? null,
        result: content && facts.status === "completed" ? facts.result : null,
      };
    });
  if (screenings.length > 0) {
    await auditBy(
      { user: args.user, context: args.context },
      {
        action: "screening.list",
        record: { type: "person", id: args.personId },
        fields: screenings.some((s) => s.result !== null) ? ["status", "followUp", "result"] : ["status", "followUp"],
        purpose: `results:${screenings.length}`,
      },
    );
  }
  return { startHref, screenings };
}
