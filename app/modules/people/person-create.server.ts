import { recordAuditor } from "~/kit/audit.server";
import { callerActor, type Caller, type CommandArgs } from "~/kit/request.server";
import { recordChronology } from "~/modules/chronology/chronology.server";
import { deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { mayActOnPerson } from "~policies/person.policy";
import { findDuplicates, type DuplicateCandidate } from "./duplicates.server";
import type { PersonCreateInput, PersonIdentityInput } from "./people.schema";

const auditPerson = recordAuditor("person");

/** Not a CommandResult: "prompt" is neither a success nor a refusal, it asks the user a question. */
export type CreateOutcome =
  | { kind: "created"; personId: string }
  | { kind: "same"; personId: string }
  /** Candidates to choose from; `pinBlocked`: a PIN match forbids "different person" (decision 014). */
  | { kind: "prompt"; candidates: DuplicateCandidate[]; pinBlocked: boolean; pinExistsOutOfScope: boolean };

const IDENTITY_FIELDS = ["surname", "givenName", "patronymic", "birthDate", "sex", "pin", "address", "phone", "notes"] as const;

/**
 * Create a person, never silently next to a likely duplicate: the first submit looks for
 * candidates; the user then says "same person" (nothing created) or "different person"
 * (created, with one recorded decision per candidate shown). Candidates are looked up again
 * on every submit, so a forged answer cannot skip the prompt.
 */
export async function createPerson(args: CommandArgs<PersonCreateInput>): Promise<CreateOutcome> {
  const actor = callerActor(args);
  if (!mayActOnPerson(actor, "create", null)) return deny(args.user, args.context, { type: "person", id: "create" });
  const { choice, candidateId, ...identity } = args.input;
  const check = await findDuplicates(actor, identity);
  const pinBlocked = check.pinExistsOutOfScope || check.candidates.some((candidate) => candidate.reasons.includes("pin"));
  const prompt: CreateOutcome = { kind: "prompt", candidates: check.candidates, pinBlocked, pinExistsOutOfScope: check.pinExistsOutOfScope };

  // A "same person" button sends the candidate's id.
  if (choice === "same" || candidateId) {
    const chosen = check.candidates.find((candidate) => candidate.id === candidateId);
    return chosen ? { kind: "same", personId: chosen.id } : prompt;
  }
  if (pinBlocked) return prompt;
  if (choice === "check" && check.candidates.length > 0) return prompt;

  const personId = await insertPerson(args, identity, check.candidates);
  await auditPerson(
    args,
    "person.create",
    personId,
    IDENTITY_FIELDS.filter((field) => identity[field] !== null && identity[field] !== undefined),
    check.candidates.length > 0 ? `duplicates-declined:${check.candidates.length}` : undefined,
  );
  return { kind: "created", personId };
}

async function insertPerson(caller: Caller, identity: PersonIdentityInput, declined: DuplicateCandidate[]): Promise<string> {
  const prisma = await getPrisma();
  const actor = callerActor(caller);
  const personId = newId();
  const now = new Date();
  await prisma.$transaction(async (tx) => {
    await tx.person.create({
      data: {
        id: personId,
        ...identity,
        birthYear: Number(identity.birthDate.slice(0, 4)),
        // The district of the creating agency: where the person is worked with.
        territoryId: actor.territoryId,
        ownerAgencyId: actor.agencyId,
        createdById: actor.id,
      },
    });
    if (declined.length > 0) {
      await tx.duplicateDecision.createMany({
        data: declined.map((candidate) => ({
          id: newId(),
          personId,
          candidateId: candidate.id,
          verdict: "different_person" as const,
          userId: actor.id,
          decidedAt: now,
        })),
      });
    }
    await recordChronology(
      { personId, recordType: "person", recordId: personId, kind: "person.created", agencyId: actor.agencyId, authorUserId: actor.id, at: now },
      tx,
    );
  });
  return personId;
}
