import { redirect } from "@remix-run/node";
import { auditBy } from "~/kit/audit.server";
import { callerActor, type Caller } from "~/kit/request.server";
import { deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { blindIndexMatches, personBlindIndex } from "~/server/encryption/blind-index.server";
import { activeGrant } from "~/modules/break-glass/grants.server";
import { mayActOnPerson, PERSON_FIELDS, visiblePersonFields, type PersonField, type PersonScopeFacts } from "~policies/person.policy";
import type { PersonSearchCriteria } from "./people.schema";

/**
 * People: search by blind index and read one person, always through the person policy. Only
 * the fields a viewer may see are selected from the database, so hidden fields are never
 * decrypted nor sent; every search and read is audited with the field names.
 */

const SCOPE = { id: true, ownerAgencyId: true, territoryId: true } as const;

function selectOf(fields: readonly string[]): Record<string, true> {
  return Object.fromEntries(["id", ...fields].map((field) => [field, true]));
}

/**
 * Everyone whose identifying data matches the criteria exactly, whatever the viewer's scope:
 * blind-index candidates are decrypted and re-checked (an index can collide), and only the
 * clear scope facts are returned. Callers apply the policy before showing anything.
 */
export async function findPeopleMatching(criteria: PersonSearchCriteria): Promise<PersonScopeFacts[]> {
  const prisma = await getPrisma();
  if (criteria.kind === "pin") {
    // Merged records are never found: their survivor is (decision 014).
    const candidates = await prisma.person.findMany({
      where: { pinIndex: personBlindIndex.pin(criteria.pin), mergedIntoId: null },
      select: { ...SCOPE, pin: true },
    });
    return candidates.filter((person) => blindIndexMatches.pin(person.pin, criteria.pin)).map(({ pin: _pin, ...facts }) => facts);
  }
  const candidates = await prisma.person.findMany({
    where: { surnameBirthIndex: personBlindIndex.surnameBirth(criteria.surname, criteria.birthDate), mergedIntoId: null },
    select: { ...SCOPE, surname: true, birthDate: true },
  });
  return candidates
    .filter((person) => blindIndexMatches.surnameBirth(person.surname, person.birthDate, criteria.surname, criteria.birthDate))
    .map(({ surname: _surname, birthDate: _birthDate, ...facts }) => facts);
}

export type PersonSummary = { id: string; surname?: string; givenName?: string; patronymic?: string | null; birthDate?: string | null };

/** Search within what the user may see; audited with the criteria names (never values). */
export async function searchPeople(args: Caller & { criteria: PersonSearchCriteria }): Promise<PersonSummary[]> {
  const actor = callerActor(args);
  if (!mayActOnPerson(actor, "search", null)) await deny(args.user, args.context, { type: "person", id: "search" });
  const matches = await findPeopleMatching(args.criteria);
  const allowed = matches.filter((person) => mayActOnPerson(actor, "read", person));
  const prisma = await getPrisma();
  const summaryFields: PersonField[] = ["surname", "givenName", "patronymic", "birthDate"];
  const results = await Promise.all(
    allowed.map((person) => {
      const fields = visiblePersonFields(actor, person).filter((field) => summaryFields.includes(field));
      return prisma.person.findUniqueOrThrow({ where: { id: person.id }, select: selectOf(fields) }) as unknown as Promise<PersonSummary>;
    }),
  );
  await auditBy(args, {
    action: "person.search",
    fields: args.criteria.kind === "pin" ? ["pin"] : ["surname", "birthDate"],
    purpose: `results:${results.length}`,
  });
  return results;
}

export type PersonView = {
  person: Partial<Record<PersonField, string | null>> & { id: string };
  fields: PersonField[];
  hiddenFields: number;
  breakGlass: { grantId: string; expiresAt: Date } | null;
};

/**
 * One person for this viewer: 404 (audited) when missing or out of scope; a merged record the
 * viewer may read redirects to its survivor. `alsoShown` names what the page shows besides the
 * identity fields (e.g. "chronology", "guardians"), for the audit record of this read.
 */
export async function readPerson(args: Caller & { personId: string; alsoShown?: readonly string[] }): Promise<PersonView> {
  const prisma = await getPrisma();
  const actor = callerActor(args);
  const found = await prisma.person.findUnique({ where: { id: args.personId }, select: { ...SCOPE, mergedIntoId: true } });
  const facts = found ? { id: found.id, ownerAgencyId: found.ownerAgencyId, territoryId: found.territoryId } : null;
  const grant = facts ? await activeGrant({ userId: args.user.id, recordType: "person", recordId: args.personId }) : null;
  const access = { breakGlass: grant !== null };
  if (!facts || !mayActOnPerson(actor, "read", facts, access)) {
    return deny(args.user, args.context, { type: "person", id: args.personId });
  }
  if (found?.mergedIntoId) throw redirect(`/people/${found.mergedIntoId}`);
  const fields = visiblePersonFields(actor, facts, access);
  const person = (await prisma.person.findUniqueOrThrow({ where: { id: facts.id }, select: selectOf(fields) })) as unknown as PersonView["person"];
  await auditBy(args, {
    action: "person.read",
    record: { type: "person", id: facts.id },
    fields: [...fields, ...(args.alsoShown ?? [])],
    purpose: grant ? `break-glass:${grant.id}` : undefined,
  });
  return { person, fields, hiddenFields: PERSON_FIELDS.length - fields.length, breakGlass: grant ? { grantId: grant.id, expiresAt: grant.expiresAt } : null };
}
