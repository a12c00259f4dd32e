import { recordAuditor } from "~/kit/audit.server";
import { callerActor, type Caller } from "~/kit/request.server";
import { fieldError, type CommandResult } from "~/kit/results";
import { recordChronology } from "~/modules/chronology/chronology.server";
import { deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { mayActOnPerson, visiblePersonFields, type PersonScopeFacts } from "~policies/person.policy";
import { mayMergePeople, mayUnmergePeople, type MergeFacts } from "~policies/person-merge.policy";
import type { Actor } from "~policies/roles";
import type { FullName } from "./duplicates";
import { findDuplicates, type DuplicateCandidate } from "./duplicates.server";
import { findPeopleMatching } from "./people.server";
import type { GuardianRelation } from "./people.schema";

/**
 * What links person records: guardians (child → guardian, with a relation) and merges of
 * duplicates (reversible: the merged record keeps all its data and only points to the survivor).
 */

const auditPerson = recordAuditor("person");
const FACTS = { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true } as const;

async function factsOf(id: string): Promise<MergeFacts | null> {
  const prisma = await getPrisma();
  return prisma.person.findUnique({ where: { id }, select: FACTS });
}

/** A name for a linked record, or null when the viewer may not see that record. */
async function visibleName(actor: Actor, facts: PersonScopeFacts): Promise<(FullName & { birthDate: string | null }) | null> {
  if (!mayActOnPerson(actor, "read", facts)) return null;
  const fields = visiblePersonFields(actor, facts).filter((field) => ["surname", "givenName", "patronymic", "birthDate"].includes(field));
  const prisma = await getPrisma();
  const row = (await prisma.person.findUniqueOrThrow({
    where: { id: facts.id },
    select: Object.fromEntries(["id", ...fields].map((f) => [f, true])),
  })) as Record<string, string | null>;
  return { surname: row.surname ?? null, givenName: row.givenName ?? null, patronymic: row.patronymic ?? null, birthDate: row.birthDate ?? null };
}

export type GuardianEntry = { id: string; relation: string; guardian: { id: string; name: (FullName & { birthDate: string | null }) | null } };

/** Guardians of a child; a guardian the viewer may not see is listed without a name or link. */
export async function listGuardians(actor: Actor, childId: string): Promise<GuardianEntry[]> {
  const prisma = await getPrisma();
  const links = await prisma.guardianship.findMany({ where: { childId }, orderBy: { createdAt: "asc" } });
  return Promise.all(
    links.map(async (link) => {
      const facts = await factsOf(link.guardianId);
      const name = facts ? await visibleName(actor, facts) : null;
      return { id: link.id, relation: link.relation, guardian: { id: name ? link.guardianId : "", name } };
    }),
  );
}

/** Add a guardian found by PIN among the people the user may see; audited as an update. The id is the guardianship's. */
export async function addGuardian(args: Caller & { childId: string; guardianPin: string; relation: GuardianRelation }): Promise<CommandResult> {
  const actor = callerActor(args);
  const child = await factsOf(args.childId);
  if (!child || child.mergedIntoId || !mayActOnPerson(actor, "update", child)) return deny(args.user, args.context, { type: "person", id: args.childId });
  const visible = (await findPeopleMatching({ kind: "pin", pin: args.guardianPin })).filter((person) => mayActOnPerson(actor, "read", person));
  if (visible.length !== 1) return fieldError("guardianPin", "people.error.guardianNotFound");
  const guardianId = visible[0].id;
  if (guardianId === child.id) return fieldError("guardianPin", "people.error.guardianSelf");
  const prisma = await getPrisma();
  if (await prisma.guardianship.findFirst({ where: { childId: child.id, guardianId }, select: { id: true } })) {
    return fieldError("guardianPin", "people.error.guardianExists");
  }
  const guardianshipId = newId();
  await prisma.$transaction(async (tx) => {
    await tx.guardianship.create({ data: { id: guardianshipId, childId: child.id, guardianId, relation: args.relation } });
    await recordChronology(
      { personId: child.id, recordType: "person", recordId: child.id, kind: "guardian.added", agencyId: actor.agencyId, authorUserId: actor.id },
      tx,
    );
  });
  await auditPerson(args, "person.update", child.id, ["guardians"]);
  return { ok: true, id: guardianshipId };
}

export type MergeView = {
  /** Likely duplicates of this record the supervisor could merge into it. */
  candidates: DuplicateCandidate[];
  /** Records merged into this one (not undone), for "undo merge". */
  merged: Array<{ mergeId: string; personId: string; name: (FullName & { birthDate: string | null }) | null; mergedAt: Date }>;
};

/** For a supervisor on a person page: duplicates to merge and merges to undo. Null for others. */
export async function mergeView(
  actor: Actor,
  person: { id: string } & FullName & { pin?: string | null; birthDate?: string | null },
): Promise<MergeView | null> {
  const survivor = await factsOf(person.id);
  if (!survivor || !actor.roles.includes("supervisor") || !mayMergePeople(actor, survivor, { ...survivor, id: "-" })) return null;
  const prisma = await getPrisma();
  const found = person.birthDate
    ? await findDuplicates(
        actor,
        { surname: person.surname, givenName: person.givenName, patronymic: person.patronymic, pin: person.pin ?? null, birthDate: person.birthDate },
        { excludeId: person.id },
      )
    : { candidates: [] };
  const candidates: DuplicateCandidate[] = [];
  for (const candidate of found.candidates) {
    const facts = await factsOf(candidate.id);
    if (facts && mayMergePeople(actor, survivor, facts)) candidates.push(candidate);
  }
  const merges = await prisma.personMerge.findMany({ where: { survivorId: person.id, revertedAt: null }, orderBy: { mergedAt: "desc" } });
  const merged = await Promise.all(
    merges.map(async (merge) => {
      const facts = await factsOf(merge.mergedId);
      return { mergeId: merge.id, personId: merge.mergedId, name: facts ? await visibleName(actor, facts) : null, mergedAt: merge.mergedAt };
    }),
  );
  return { candidates, merged };
}

/** Merge `duplicateId` into `survivorId`: nothing is deleted or moved; audited; reversible. */
export async function mergePeople(args: Caller & { survivorId: string; duplicateId: string }): Promise<string> {
  const actor = callerActor(args);
  const [survivor, duplicate] = await Promise.all([factsOf(args.survivorId), factsOf(args.duplicateId)]);
  if (!survivor || !duplicate || !mayMergePeople(actor, survivor, duplicate)) {
    return deny(args.user, args.context, { type: "person", id: args.duplicateId }, "merge");
  }
  const prisma = await getPrisma();
  const mergeId = newId();
  await prisma.$transaction(async (tx) => {
    // Conditional: two supervisors merging the same record at once — one wins.
    const moved = await tx.person.updateMany({ where: { id: duplicate.id, mergedIntoId: null }, data: { mergedIntoId: survivor.id } });
    if (moved.count !== 1) throw new Error("The record was merged meanwhile.");
    await tx.personMerge.create({ data: { id: mergeId, survivorId: survivor.id, mergedId: duplicate.id, mergedById: actor.id } });
    await recordChronology(
      { personId: survivor.id, recordType: "person", recordId: duplicate.id, kind: "person.merged", agencyId: actor.agencyId, authorUserId: actor.id },
      tx,
    );
  });
  await auditPerson(args, "person.merge", duplicate.id, ["mergedIntoId"], `survivor:${survivor.id}`);
  return mergeId;
}

/** Undo a merge: the merged record is listed and readable again on its own; audited. */
export async function unmergePeople(args: Caller & { survivorId: string; mergeId: string }): Promise<void> {
  const actor = callerActor(args);
  const prisma = await getPrisma();
  const merge = await prisma.personMerge.findFirst({ where: { id: args.mergeId, survivorId: args.survivorId, revertedAt: null } });
  const [survivor, merged] = merge ? await Promise.all([factsOf(merge.survivorId), factsOf(merge.mergedId)]) : [null, null];
  if (!merge || !survivor || !merged || !mayUnmergePeople(actor, survivor, merged)) {
    return deny(args.user, args.context, { type: "person_merge", id: args.mergeId }, "unmerge");
  }
  await prisma.$transaction(async (tx) => {
    await tx.person.updateMany({ where: { id: merged.id, mergedIntoId: survivor.id }, data: { mergedIntoId: null } });
    await tx.personMerge.update({ where: { id: merge.id }, data: { revertedAt: new Date(), revertedById: actor.id } });
    await recordChronology(
      { personId: survivor.id, recordType: "person", recordId: merged.id, kind: "person.unmerged", agencyId: actor.agencyId, authorUserId: actor.id },
      tx,
    );
  });
  await auditPerson(args, "person.unmerge", merged.id, ["mergedIntoId"], `survivor:${survivor.id}`);
}
