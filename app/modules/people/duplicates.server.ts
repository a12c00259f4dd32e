import { getPrisma } from "~/server/db.server";
import { findCandidatesByBlindIndex } from "~/server/encryption/blind-index.server";
import { mayActOnPerson, personListWhere, visiblePersonFields, type PersonScopeFacts } from "~policies/person.policy";
import type { Actor } from "~policies/roles";
import { sameFullName, type DuplicateReason, type FullName } from "./duplicates";

/**
 * Likely duplicates of a person about to be created (or of an existing record, for merging):
 * - same PIN (blind index, anyone's records: a PIN is one person's, see decision 014);
 * - same surname + birth date (blind index), shown only when in the user's scope;
 * - same normalised full name and birth year among the records the user may list (clear
 *   birth_year narrows; those few names are decrypted and compared).
 * Merged records are never candidates. Out-of-scope matches are never shown: only the fact that
 * the PIN exists elsewhere is reported, so the user can use break-glass instead of a copy.
 */

export type DuplicateCandidate = FullName & { id: string; birthDate: string | null; reasons: DuplicateReason[] };
export type DuplicateCheck = { candidates: DuplicateCandidate[]; pinExistsOutOfScope: boolean };

const SCOPE = { id: true, ownerAgencyId: true, territoryId: true } as const;
const NOT_MERGED = { mergedIntoId: null } as const;

type Identity = FullName & { pin: string | null; birthDate: string };

export async function findDuplicates(actor: Actor, identity: Identity, options: { excludeId?: string } = {}): Promise<DuplicateCheck> {
  const prisma = await getPrisma();
  const reasons = new Map<string, { facts: PersonScopeFacts; reasons: Set<DuplicateReason> }>();
  const note = (facts: PersonScopeFacts, reason: DuplicateReason) => {
    if (facts.id === options.excludeId) return;
    const entry = reasons.get(facts.id) ?? { facts, reasons: new Set<DuplicateReason>() };
    entry.reasons.add(reason);
    reasons.set(facts.id, entry);
  };
  const scopeOf = (row: Record<string, unknown>): PersonScopeFacts => ({
    id: row.id as string,
    ownerAgencyId: row.ownerAgencyId as string,
    territoryId: (row.territoryId as string | null) ?? null,
  });

  if (identity.pin) {
    const rows = await findCandidatesByBlindIndex(prisma, {
      model: "Person",
      index: "pinIndex",
      input: { pin: identity.pin },
      select: SCOPE,
      where: NOT_MERGED,
    });
    for (const row of rows) note(scopeOf(row), "pin");
  }
  if (identity.surname) {
    const rows = await findCandidatesByBlindIndex(prisma, {
      model: "Person",
      index: "surnameBirthIndex",
      input: { surname: identity.surname, birthDate: identity.birthDate },
      select: SCOPE,
      where: NOT_MERGED,
    });
    for (const row of rows) note(scopeOf(row), "surname_birth");
  }
  // Name + year: only within what the user may list, so nothing out of scope is decrypted.
  const year = Number(identity.birthDate.slice(0, 4));
  const sameYear = await prisma.person.findMany({
    where: { AND: [personListWhere(actor), { birthYear: year }, NOT_MERGED] },
    select: { ...SCOPE, surname: true, givenName: true, patronymic: true },
    take: 5000,
  });
  for (const row of sameYear) if (sameFullName(row, identity)) note(scopeOf(row), "name_year");

  let pinExistsOutOfScope = false;
  const visible: Array<{ facts: PersonScopeFacts; reasons: DuplicateReason[] }> = [];
  for (const entry of reasons.values()) {
    if (mayActOnPerson(actor, "read", entry.facts)) visible.push({ facts: entry.facts, reasons: [...entry.reasons].sort() });
    else if (entry.reasons.has("pin")) pinExistsOutOfScope = true;
  }
  const candidates = await Promise.all(
    visible.map(async ({ facts, reasons: why }) => {
      const fields = visiblePersonFields(actor, facts).filter((field) => ["surname", "givenName", "patronymic", "birthDate"].includes(field));
      const select = Object.fromEntries(["id", ...fields].map((field) => [field, true]));
      const row = (await prisma.person.findUniqueOrThrow({ where: { id: facts.id }, select })) as unknown as FullName & {
        id: string;
        birthDate?: string | null;
      };
      return { id: row.id, surname: row.surname, givenName: row.givenName, patronymic: row.patronymic ?? null, birthDate: row.birthDate ?? null, reasons: why };
    }),
  );
  candidates.sort((a, b) => a.id.localeCompare(b.id));
  return { candidates, pinExistsOutOfScope };
}
