import type { AppLoadContext } from "@remix-run/node";
import { recordChronology } from "~/modules/chronology/chronology.server";
import type { AuditAction } from "~/server/audit/actions";
import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { actorOf, deny, type AuthorizedUser } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import type { MessageKey } from "~/i18n/i18n";
import { newId } from "~/server/ids.server";
import { mayActOnPerson, type PersonScopeFacts } from "~policies/person.policy";
import {
  mayActOnScreening,
  mayBeAssignedClinician,
  visibleScreeningFields,
  type ScreeningAction,
  type ScreeningField,
  type ScreeningScopeFacts,
  type ScreeningStatus,
} from "~policies/screening.policy";
import type { RoleName } from "~policies/roles";
import { getEnv } from "~/server/env.server";
import { consentCategory, GUARDIAN_CHOICES, type ConsentRule, type GuardianChoice } from "./consent";
import { ageOn, nextItem, outsideAgeRange, parseDefinition, type InstrumentDefinition, type InstrumentItem, type LocalisedText } from "./instruments";
import { pathwayDeadlines } from "./pathway-rules";
import { schoolPsychologists, startPathway } from "./pathways.server";
import type { AnswerInput, StartScreeningInput } from "./screenings.schema";
import { scoreAsq, vulnerabilityFindings, type AsqResult } from "./scoring";

/**
 * Screenings: start (consent/assent), one question at a time, completion with scoring and the
 * pathway, the result for this viewer, and what a person page may show. Every decision goes
 * through policies/screening.policy.ts; answers are read only for content viewers (selected
 * only then, so never decrypted for status viewers); every read and write is audited with the
 * field names and a purpose. Answers go to the server (encrypted) as they are given: nothing
 * readable is kept on the device (no answers in URLs, cookies or local storage).
 */

export type Context = Partial<AppLoadContext> | undefined;

const FACTS_SELECT = {
  id: true,
  personId: true,
  schoolAgencyId: true,
  territoryId: true,
  screenerUserId: true,
  asqVersionId: true,
  vulnerabilityVersionId: true,
  status: true,
  result: true,
  findings: true,
  startedAt: true,
  completedAt: true,
  assessmentDueAt: true,
  assessmentDoneAt: true,
  rescreenDueAt: true,
  version: true,
} as const;

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

async function factsOf(rows: Row[]): Promise<ScreeningFacts[]> {
  if (rows.length === 0) return [];
  const prisma = await getPrisma();
  const ids = rows.map((row) => row.id);
  const [assignments, targets] = await Promise.all([
    prisma.screeningAssignment.findMany({ where: { screeningId: { in: ids }, removedAt: null }, select: { screeningId: true, userId: true } }),
    prisma.screeningAction.findMany({
      where: { screeningId: { in: ids }, targetUserId: { not: null }, takenAt: { not: null } },
      select: { screeningId: true, targetUserId: true },
    }),
  ]);
  return rows.map((row) => ({
    ...(row as unknown as Omit<ScreeningFacts, "assignedUserIds" | "referralTargetIds" | "status" | "result">),
    status: row.status as ScreeningStatus,
    result: row.result as AsqResult | null,
    assignedUserIds: assignments.filter((a) => a.screeningId === row.id).map((a) => a.userId),
    referralTargetIds: targets.filter((t) => t.screeningId === row.id).map((t) => t.targetUserId as string),
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
async function loadSessionFacts(screeningId: string, actorId: string): Promise<ScreeningFacts | null> {
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

/** The screening's facts if the user may do `action`; otherwise an audited 404. */
export async function authorizeScreening(user: AuthorizedUser, context: Context, screeningId: string, action: ScreeningAction): Promise<ScreeningFacts> {
  const facts = await loadScreeningFacts(screeningId);
  if (!facts || !mayActOnScreening(actorOf(user), action, facts)) return deny(user, context, { type: "screening", id: screeningId }, action);
  return facts;
}

async function audit(
  user: AuthorizedUser,
  context: Context,
  action: AuditAction,
  recordId: string,
  fields: readonly string[],
  purpose?: string,
  decision: "allowed" | "failed" = "allowed",
) {
  await recordAudit({ actor: auditActor(user), action, decision, record: { type: "screening", id: recordId }, fields, purpose, context });
}

function fullName(person: { surname?: string | null; givenName?: string | null; patronymic?: string | null } | null): string | null {
  if (!person) return null;
  return [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ") || null;
}

async function personFacts(personId: string): Promise<(PersonScopeFacts & { mergedIntoId: string | null }) | null> {
  const prisma = await getPrisma();
  return prisma.person.findUnique({ where: { id: personId }, select: { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true } });
}

async function childName(personId: string): Promise<string | null> {
  const prisma = await getPrisma();
  return fullName(await prisma.person.findUnique({ where: { id: personId }, select: { id: true, surname: true, givenName: true, patronymic: true } }));
}

// ---------------------------------------------------------------------------------------
// Instruments
// ---------------------------------------------------------------------------------------

export type InstrumentVersionRow = { id: string; instrument: string; version: number; definition: InstrumentDefinition };

/** The newest published, not retired version of an instrument. */
export async function currentInstrument(instrument: string): Promise<InstrumentVersionRow | null> {
  const prisma = await getPrisma();
  const row = await prisma.instrumentVersion.findFirst({ where: { instrument, retiredAt: null }, orderBy: { version: "desc" } });
  return row ? { id: row.id, instrument: row.instrument, version: row.version, definition: parseDefinition(row.definition) } : null;
}

/**
 * A published instrument version never changes (a changed text is a new version, decision 016),
 * so each is read and validated once per process: every answer needs its session's versions.
 */
const instrumentCache = new Map<string, Promise<InstrumentVersionRow>>();

function instrumentById(id: string): Promise<InstrumentVersionRow> {
  let cached = instrumentCache.get(id);
  if (!cached) {
    cached = (async () => {
      const prisma = await getPrisma();
      const row = await prisma.instrumentVersion.findUniqueOrThrow({ where: { id } });
      return { id: row.id, instrument: row.instrument, version: row.version, definition: parseDefinition(row.definition) };
    })();
    // A failed read (a missing row) is not remembered.
    cached.catch(() => instrumentCache.delete(id));
    instrumentCache.set(id, cached);
  }
  return cached;
}

// ---------------------------------------------------------------------------------------
// Answers (encrypted JSON in screening.answers; "other worry" text in its own column)
// ---------------------------------------------------------------------------------------

export type StoredAnswers = { asq: Record<string, string>; vulnerability: Record<string, string> };

export function parseAnswers(json: string | null | undefined): StoredAnswers {
  if (!json) return { asq: {}, vulnerability: {} };
  try {
    const value = JSON.parse(json) as Partial<StoredAnswers>;
    return { asq: { ...(value.asq ?? {}) }, vulnerability: { ...(value.vulnerability ?? {}) } };
  } catch {
    return { asq: {}, vulnerability: {} };
  }
}

type Session = { asq: InstrumentVersionRow; vulnerability: InstrumentVersionRow | null };

/** The next question of a session: ASQ first; after an acute ASQ result nothing more is asked. */
export function nextQuestion(
  session: Session,
  answers: StoredAnswers,
): { part: "asq" | "vulnerability"; instrument: InstrumentVersionRow; item: InstrumentItem } | null {
  const asqItem = nextItem(session.asq.definition, answers.asq);
  if (asqItem) return { part: "asq", instrument: session.asq, item: asqItem };
  // Acute positive: the session ends at once and the safety pathway starts (decision 016).
  if (scoreAsq(session.asq.definition, answers.asq) === "acute_positive") return null;
  if (!session.vulnerability) return null;
  const vulnerabilityItem = nextItem(session.vulnerability.definition, answers.vulnerability);
  return vulnerabilityItem ? { part: "vulnerability", instrument: session.vulnerability, item: vulnerabilityItem } : null;
}

/** Questions asked so far and the most that can still be asked, for "question n of about m". */
function progress(session: Session, answers: StoredAnswers): { answered: number; total: number } {
  const answered = Object.keys(answers.asq).length + Object.keys(answers.vulnerability).length;
  const asqTotal = session.asq.definition.items.filter(
    (item) => !item.askWhen || answers.asq[item.code] !== undefined || nextItem(session.asq.definition, answers.asq)?.code === item.code,
  ).length;
  const total = asqTotal + (session.vulnerability?.definition.items.length ?? 0);
  return { answered, total: Math.max(total, answered + 1) };
}

// ---------------------------------------------------------------------------------------
// Start
// ---------------------------------------------------------------------------------------

/** The consent rule in force (KAMKOR_SCREENING_CONSENT_RULE). */
export function screeningConsentRule(): ConsentRule {
  return getEnv().KAMKOR_SCREENING_CONSENT_RULE;
}

export type AgeBlock = { age: number; min: number; max: number };

/** Is the child outside this ASQ version's validated ages (then it is not used)? Unknown age: no block. */
async function asqAgeBlock(asq: InstrumentVersionRow | null, personId: string, now: Date): Promise<AgeBlock | null> {
  if (!asq) return null;
  const prisma = await getPrisma();
  const person = await prisma.person.findUnique({ where: { id: personId }, select: { id: true, birthDate: true, birthYear: true } });
  if (!person) return null;
  const exact = ageOn(person.birthDate, now);
  if (exact !== null) return outsideAgeRange(asq.definition, exact);
  if (!person.birthYear) return null;
  // A birth year alone: the child is one of two ages this year; block only when both are outside.
  const reached = now.getUTCFullYear() - person.birthYear;
  return outsideAgeRange(asq.definition, reached - 1) && outsideAgeRange(asq.definition, reached);
}

/** For /screenings/new: may this user screen this person (else audited 404), the child's name, and an age block. */
export async function newScreeningContext(args: {
  user: AuthorizedUser;
  context: Context;
  personId: string;
  now?: Date;
}): Promise<{ childName: string | null; rule: ConsentRule; ageBlock: AgeBlock | null }> {
  const person = await personFacts(args.personId);
  if (!person || person.mergedIntoId || !mayActOnScreening(actorOf(args.user), "start", null, person)) {
    return deny(args.user, args.context, { type: "person", id: args.personId }, "screening:start");
  }
  const [name, ageBlock] = await Promise.all([
    childName(person.id),
    currentInstrument("asq").then((asq) => asqAgeBlock(asq, person.id, args.now ?? new Date())),
  ]);
  return { childName: name, rule: screeningConsentRule(), ageBlock };
}

export type StartResult = { ok: true; id: string } | { ok: false; formError: MessageKey };

export async function startScreening(args: {
  user: AuthorizedUser;
  context: Context;
  input: StartScreeningInput;
  rule?: ConsentRule;
  now?: Date;
}): Promise<StartResult> {
  const person = await personFacts(args.input.personId);
  if (!person || person.mergedIntoId || !mayActOnScreening(actorOf(args.user), "start", null, person)) {
    return deny(args.user, args.context, { type: "person", id: args.input.personId }, "screening:start");
  }
  // The form's schema checks this too; a caller outside the form must not record a choice the rule does not offer.
  const rule = args.rule ?? screeningConsentRule();
  if (!(GUARDIAN_CHOICES[rule] as readonly string[]).includes(args.input.guardian)) return { ok: false, formError: "screening.error.guardian" };
  const now = args.now ?? new Date();
  const [asq, vulnerability] = await Promise.all([currentInstrument("asq"), currentInstrument("vulnerability")]);
  if (!asq) return { ok: false, formError: "screening.error.noInstrument" };
  // The ASQ is validated for its age range only; outside it the school psychologist decides what to do.
  if (await asqAgeBlock(asq, person.id, now)) return { ok: false, formError: "screening.error.age" };
  const prisma = await getPrisma();
  // A new screening replaces this screener's expired sessions of the child: they are stopped now
  // (with their alert, if a risk answer was "yes"), not left for the sweep.
  const expired = await prisma.screening.findMany({
    where: { personId: person.id, screenerUserId: args.user.id, status: "in_progress", startedAt: { lt: sessionCutoff(now) } },
    select: { id: true, version: true, schoolAgencyId: true, screenerUserId: true },
  });
  for (const stale of expired) await abandonExpired(stale, { user: args.user, context: args.context }, now);
  const id = newId();
  await prisma.screening.create({
    data: {
      id,
      personId: person.id,
      schoolAgencyId: args.user.agency.id,
      territoryId: args.user.agency.territoryId,
      screenerUserId: args.user.id,
      asqVersionId: asq.id,
      vulnerabilityVersionId: vulnerability?.id ?? null,
      consent: consentCategory(args.input.guardian as GuardianChoice),
      startedAt: now,
      answers: JSON.stringify({ asq: {}, vulnerability: {} } satisfies StoredAnswers),
      findings: [],
    },
  });
  await audit(args.user, args.context, "screening.start", id, ["consent", "instrumentVersions"], `person:${person.id}`);
  return { ok: true, id };
}

// ---------------------------------------------------------------------------------------
// One question per screen
// ---------------------------------------------------------------------------------------

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
export async function screeningStep(args: { user: AuthorizedUser; context: Context; screeningId: string; now?: Date }): Promise<StepState> {
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
  await audit(args.user, args.context, "screening.read", facts.id, ["answers"], "session:next-question");
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

async function sessionOf(facts: Pick<ScreeningFacts, "asqVersionId" | "vulnerabilityVersionId">): Promise<Session> {
  const [asq, vulnerability] = await Promise.all([
    instrumentById(facts.asqVersionId),
    facts.vulnerabilityVersionId ? instrumentById(facts.vulnerabilityVersionId) : null,
  ]);
  return { asq, vulnerability };
}

export type AnswerResult = { ok: true; completed: boolean } | { ok: false; error: MessageKey; status: 400 | 409 };

/**
 * A session is one sitting: answers given on different days do not add up to one result (the
 * child's state changes), so a session not finished within this time is stopped and a new
 * screening is started instead (decision 016).
 */
export const SCREENING_SESSION_HOURS = 12;

/** Sessions started before this moment have expired. */
function sessionCutoff(now: Date): Date {
  return new Date(now.getTime() - SCREENING_SESSION_HOURS * 60 * 60 * 1000);
}

export function sessionExpired(facts: Pick<ScreeningFacts, "status" | "startedAt">, now = new Date()): boolean {
  return facts.status === "in_progress" && facts.startedAt < sessionCutoff(now);
}

/** Did the child answer "yes" to (or decline) a suicide-risk question before the session stopped? */
function positiveSoFar(answers: StoredAnswers): boolean {
  return Object.values(answers.asq).some((answer) => answer === "yes" || answer === "declined");
}

/**
 * Stops an expired session (status "abandoned", nothing else changes). If the child had already
 * answered a suicide-risk question "yes" or declined it, the school's psychologists and the
 * screener are alerted (pointer only): an unfinished screening must not hide a child at risk. Returns false when another request stopped or finished it first.
 */
async function abandonExpired(
  facts: Pick<ScreeningFacts, "id" | "version" | "schoolAgencyId" | "screenerUserId">,
  by: { user: AuthorizedUser; context: Context } | null,
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
  if (by) await audit(by.user, by.context, "screening.abandon", facts.id, ["status"], purpose);
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
 * chronology and the pathway (pathways.server.ts) in the same transaction.
 */
export async function answerQuestion(args: {
  user: AuthorizedUser;
  context: Context;
  screeningId: string;
  input: AnswerInput;
  now?: Date;
}): Promise<AnswerResult> {
  const facts = await loadSessionFacts(args.screeningId, args.user.id);
  const actor = actorOf(args.user);
  if (!facts || (facts.screenerUserId !== actor.id && !mayActOnScreening(actor, "answer", facts))) {
    return deny(args.user, args.context, { type: "screening", id: args.screeningId }, "answer");
  }
  if (!mayActOnScreening(actor, "answer", facts)) {
    // The screener posting to a finished session (a second tab, the back button): a message, not a 404.
    if (facts.screenerUserId === actor.id && facts.status !== "in_progress") {
      await audit(args.user, args.context, "screening.answer", facts.id, [], "refused:finished", "failed");
      return { ok: false, error: "screening.error.finished", status: 409 };
    }
    return deny(args.user, args.context, { type: "screening", id: args.screeningId }, "answer");
  }
  const now = args.now ?? new Date();
  if (sessionExpired(facts, now)) {
    await abandonExpired(facts, { user: args.user, context: args.context }, now);
    await audit(args.user, args.context, "screening.answer", facts.id, [], "refused:expired", "failed");
    return { ok: false, error: "screening.error.expired", status: 409 };
  }
  const session = await sessionOf(facts);
  const prisma = await getPrisma();
  let completion: { result: AsqResult; findings: string[]; afterCommit?: () => Promise<void> } | null = null;
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
      const next = nextQuestion(session, answers);
      if (next) {
        await tx.screening.update({ where: { id: facts.id }, data: { answers: JSON.stringify(answers), ...(otherWorry ? { otherWorry } : {}) } });
        return;
      }
      const result = scoreAsq(session.asq.definition, answers.asq);
      const findings = session.vulnerability ? vulnerabilityFindings(session.vulnerability.definition, answers.vulnerability) : [];
      const { assessmentDueAt, rescreenDueAt } = pathwayDeadlines(result, now);
      await tx.screening.update({
        where: { id: facts.id },
        data: {
          answers: JSON.stringify(answers),
          ...(otherWorry ? { otherWorry } : {}),
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
          authorUserId: args.user.id,
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
        user: args.user,
        context: args.context,
        now,
      });
      completion = { result, findings, afterCommit: () => started.afterCommit() };
    });
  } catch (error) {
    if (error instanceof Refused) {
      await audit(args.user, args.context, "screening.answer", facts.id, [], error.reason, "failed");
      return { ok: false, error: error.error, status: error.status };
    }
    throw error;
  }
  const fields =
    answered.part === "vulnerability" && args.input.item === "other_worry" && args.input.answer === "text" ? ["answers", "otherWorry"] : ["answers"];
  const done = completion as { result: AsqResult; findings: string[]; afterCommit?: () => Promise<void> } | null;
  // Started together, the audit events go out in one group (audit.server.ts) — in this order.
  await Promise.all([
    audit(args.user, args.context, "screening.answer", facts.id, fields, `item:${args.input.item}`),
    ...(done ? [audit(args.user, args.context, "screening.complete", facts.id, ["result", "findings"], `result:${done.result}`), done.afterCommit?.()] : []),
  ]);
  return { ok: true, completed: done !== null };
}

// ---------------------------------------------------------------------------------------
// Result / status view
// ---------------------------------------------------------------------------------------

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
export async function readScreening(args: { user: AuthorizedUser; context: Context; screeningId: string; purpose?: string }): Promise<ScreeningView> {
  const facts = await authorizeScreening(args.user, args.context, args.screeningId, "read_status");
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
  await audit(args.user, args.context, "screening.read", facts.id, readFields, args.purpose ?? (content ? "result" : "status"));
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

// ---------------------------------------------------------------------------------------
// What a person page may show
// ---------------------------------------------------------------------------------------

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
export async function screeningLinksFor(args: { user: AuthorizedUser; personId: string; context?: Context }): Promise<ScreeningLinks> {
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
    await recordAudit({
      actor: auditActor(args.user),
      action: "screening.list",
      decision: "allowed",
      record: { type: "person", id: args.personId },
      fields: screenings.some((s) => s.result !== null) ? ["status", "followUp", "result"] : ["status", "followUp"],
      purpose: `results:${screenings.length}`,
      context: args.context,
    });
  }
  return { startHref, screenings };
}

// ---------------------------------------------------------------------------------------
// Assigned clinicians
// ---------------------------------------------------------------------------------------

/**
 * Who may be assigned: active school psychologists of the district's schools and service
 * providers of its health/NGO/crisis agencies (mayBeAssignedClinician) — never school staff.
 */
export async function clinicianChoices(args: { user: AuthorizedUser; context: Context; screeningId: string }): Promise<{ id: string; displayName: string }[]> {
  const facts = await authorizeScreening(args.user, args.context, args.screeningId, "assign_clinician");
  const prisma = await getPrisma();
  const users = await prisma.user.findMany({
    where: { status: "active", agency: { territoryId: facts.territoryId, status: "active" }, id: { notIn: [...facts.assignedUserIds, facts.screenerUserId] } },
    select: { id: true, displayName: true, roles: true, agency: { select: { type: true } } },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
  });
  return users.filter((user) => mayBeAssignedClinician(user.roles as RoleName[], user.agency.type)).map(({ id, displayName }) => ({ id, displayName }));
}

export async function assignClinician(args: {
  user: AuthorizedUser;
  context: Context;
  screeningId: string;
  userId: string;
}): Promise<{ ok: true } | { ok: false; error: MessageKey }> {
  const choices = await clinicianChoices(args);
  if (!choices.some((choice) => choice.id === args.userId)) return { ok: false, error: "screening.error.clinician" };
  const prisma = await getPrisma();
  await prisma.screeningAssignment.create({ data: { id: newId(), screeningId: args.screeningId, userId: args.userId, assignedById: args.user.id } });
  await audit(args.user, args.context, "screening.assign_clinician", args.screeningId, ["assignedClinicians"], `user:${args.userId}`);
  return { ok: true };
}

export type { ScreeningField };
