import { getPrisma, type AppTransaction } from "~/server/db.server";

/**
 * Optimistic concurrency: a form carries the version it was loaded with; a write first moves the
 * version (`updateMany where {id, version}`), so a second writer holding an old version changes
 * nothing and is shown what changed. New versioned record types add their Prisma model here.
 */
export type VersionedModel = "supportPlan" | "supportPlanGoal" | "screening" | "protectionOrder";

type VersionDelegate = { updateMany(args: { where: { id: string; version: number }; data: { version: { increment: number } } }): Promise<{ count: number }> };

class StaleVersion extends Error {}

/** Moves `model`'s version inside the transaction; throws (rolling it back) when it is stale. */
async function moveVersion(tx: AppTransaction, model: VersionedModel, id: string, version: number): Promise<void> {
  // Every versioned model has an integer `version`; the delegate type is narrowed to that.
  const delegate = tx[model] as unknown as VersionDelegate;
  const moved = await delegate.updateMany({ where: { id, version }, data: { version: { increment: 1 } } });
  if (moved.count !== 1) throw new StaleVersion();
}

/** Runs `write` in one transaction after moving the record's version. `false`: the version was stale, nothing was written. */
export async function writeAtVersion(
  record: { model: VersionedModel; id: string; version: number },
  write: (tx: AppTransaction) => Promise<void>,
): Promise<boolean> {
  const prisma = await getPrisma();
  try {
    await prisma.$transaction(async (tx) => {
      await moveVersion(tx, record.model, record.id, record.version);
      await write(tx);
    });
    return true;
  } catch (error) {
    if (error instanceof StaleVersion) return false;
    throw error;
  }
}
