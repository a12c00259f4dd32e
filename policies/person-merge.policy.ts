import { personRelation, type PersonScopeFacts } from "./person.policy";
import type { Actor } from "./roles";

/**
 * Merging two person records (and undoing it) is a supervisor action, and only on records the
 * supervisor sees in their own right — own agency or own district — never under break-glass.
 * A record cannot be merged into itself, nor merged twice, nor into a merged record.
 */
export type MergeFacts = PersonScopeFacts & { mergedIntoId: string | null };

export function mayMergePeople(actor: Actor, survivor: MergeFacts, duplicate: MergeFacts): boolean {
  if (!actor.roles.includes("supervisor")) return false;
  if (survivor.id === duplicate.id || survivor.mergedIntoId !== null || duplicate.mergedIntoId !== null) return false;
  const inScope = (person: PersonScopeFacts) => ["own_agency", "territory_supervisor"].includes(personRelation(actor, person));
  return inScope(survivor) && inScope(duplicate);
}

/** Undoing a merge needs the same standing on both records as making it. */
export function mayUnmergePeople(actor: Actor, survivor: MergeFacts, merged: MergeFacts): boolean {
  if (!actor.roles.includes("supervisor") || merged.mergedIntoId !== survivor.id) return false;
  return mayMergePeople(actor, survivor, { ...merged, mergedIntoId: null });
}
