// Starting a screening: who may screen the child, the consent rule, the ASQ's age range, the instrument versions, the new session.
import { recordAuditor } from "~/kit/audit.server";
import type { Caller } from "~/kit/request.server";
import { formError, type CommandResult } from "~/kit/results";
import { getPrisma } from "~/server/db.server";
import { getEnv } from "~/server/env.server";
import { newId } from "~/server/ids.server";
import { consentCategory, GUARDIAN_CHOICES, type ConsentRule, type GuardianChoice } from "./consent";
import { currentInstrument, type InstrumentVersionRow } from "./instrument-versions.server";
import { ageOn, outsideAgeRange } from "./instruments";
import type { StoredAnswers } from "./screening-answers";
import { authorizeStart, childName } from "./screening-facts.server";
import type { StartScreeningInput } from "./screenings.schema";
import { abandonExpired, sessionCutoff } from "./session-expiry.server";

const audit = recordAuditor("screening");

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
export async function newScreeningContext(
  args: Caller & { personId: string; now?: Date },
): Promise<{ childName: string | null; rule: ConsentRule; ageBlock: AgeBlock | null }> {
  const person = await authorizeStart(args, args.personId);
  const [name, ageBlock] = await Promise.all([
    childName(person.id),
    currentInstrument("asq").then((asq) => asqAgeBlock(asq, person.id, args.now ?? new Date())),
  ]);
  return { childName: name, rule: screeningConsentRule(), ageBlock };
}

export async function startScreening(args: Caller & { input: StartScreeningInput; rule?: ConsentRule; now?: Date }): Promise<CommandResult> {
  const person = await authorizeStart(args, args.input.personId);
  // The form's schema checks this too; a caller outside the form must not record a choice the rule does not offer.
  const rule = args.rule ?? screeningConsentRule();
  if (!(GUARDIAN_CHOICES[rule] as readonly string[]).includes(args.input.guardian)) return formError("screening.error.guardian");
  const now = args.now ?? new Date();
  const [asq, vulnerability] = await Promise.all([currentInstrument("asq"), currentInstrument("vulnerability")]);
  if (!asq) return formError("screening.error.noInstrument");
  // The ASQ is validated for its age range only; outside it the school psychologist decides what to do.
  if (await asqAgeBlock(asq, person.id, now)) return formError("screening.error.age");
  const prisma = await getPrisma();
  // A new screening replaces this screener's expired sessions of the child: they are stopped now
  // (with their alert, if a risk answer was "yes"), not left for the sweep.
  const expired = await prisma.screening.findMany({
    where: { personId: person.id, screenerUserId: args.user.id, status: "in_progress", startedAt: { lt: sessionCutoff(now) } },
    select: { id: true, version: true, schoolAgencyId: true, screenerUserId: true },
  });
  for (const stale of expired) await abandonExpired(stale, args, now);
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
  await audit(args, "screening.start", id, ["consent", "instrumentVersions"], `person:${person.id}`);
  return { ok: true, id };
}
