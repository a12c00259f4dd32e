import { getPrisma, type AppTransaction } from "~/server/db.server";
import { newId } from "~/server/ids.server";

/**
 * The per-person chronology: every module adds its events here, and the person page shows
 * them filtered by what the viewer may see of each source record. An entry holds no content —
 * only what happened (a catalogue key), when, by which agency and author, and which record.
 */
export type ChronologyInput = {
  personId: string;
  recordType: string;
  recordId: string;
  /** Catalogue key suffix under "chronology.kind.", e.g. "support_plan.opened". */
  kind: string;
  agencyId: string;
  authorUserId: string;
  at?: Date;
};

/** Pass a transaction client to record the event atomically with the change it describes. */
export async function recordChronology(input: ChronologyInput, client?: Pick<AppTransaction, "chronologyEvent">): Promise<void> {
  const target = client ?? (await getPrisma());
  await target.chronologyEvent.create({
    data: {
      id: newId(),
      personId: input.personId,
      recordType: input.recordType,
      recordId: input.recordId,
      kind: input.kind,
      occurredAt: input.at ?? new Date(),
      agencyId: input.agencyId,
      authorUserId: input.authorUserId,
    },
  });
}
