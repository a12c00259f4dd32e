import type { AppPrisma } from "~/server/db.server";
import type { Actor } from "~policies/roles";
import { planListWhere } from "~policies/support-plan.policy";

/**
 * The caseload's page of plan ids, fast. `planListWhere` (policies/support-plan.policy.ts) stays
 * the definition of which plans an actor may list; this module only *translates* its OR of
 * scopes into one SQL statement whose branches each walk one index and are each cut to the
 * rows the page can need (offset + limit), then merged, de-duplicated and paged:
 *
 *   SELECT id FROM ((branch 1 ORDER BY … LIMIT k) UNION (branch 2 …) …) ORDER BY … OFFSET o LIMIT n
 *
 * A single OR across a join (lead OR active member OR district) makes PostgreSQL scan and sort
 * every plan; per-branch index walks read at most k rows each. The global first k rows of a
 * union are always among the first k of its branches, so the page is exactly the page of
 * `findMany({ where: planListWhere(actor), orderBy: [nextReviewDue asc nulls last, id asc] })`
 * (tests/integration/caseload-query.test.ts checks it for every demo user on both engines).
 *
 * Only scope shapes listed below are translated; any other shape returns null and the caller
 * falls back to the Prisma query with `planListWhere` itself, so a policy change can never be
 * silently narrowed or widened here. Clear columns only: nothing is decrypted.
 */

/** Clear columns a scope may compare for equality, with the SQL cast of the parameter. */
const EQUALITY_COLUMNS: Record<string, { column: string; cast: string }> = {
  leadUserId: { column: "lead_user_id", cast: "text" },
  territoryId: { column: "territory_id", cast: "text" },
  isProposal: { column: "is_proposal", cast: "boolean" },
  status: { column: "status", cast: `"SupportPlanStatus"` },
};

const ORDER = "next_review_due ASC NULLS LAST, id ASC";

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** One scope of planListWhere: equalities on clear plan columns, or the actor's active memberships. */
type Scope = { kind: "equal"; conditions: Array<{ column: string; cast: string; value: string | boolean }> } | { kind: "member"; userId: string };

function translateScope(scope: unknown): Scope | null {
  if (!isPlainObject(scope)) return null;
  const keys = Object.keys(scope);
  if (keys.length === 0) return null;
  if (keys.length === 1 && keys[0] === "members") {
    // { members: { some: { userId, removedAt: null } } }
    const members = scope.members;
    if (!isPlainObject(members) || Object.keys(members).join() !== "some" || !isPlainObject(members.some)) return null;
    const some = members.some;
    if (Object.keys(some).sort().join() !== "removedAt,userId" || some.removedAt !== null || typeof some.userId !== "string") return null;
    return { kind: "member", userId: some.userId };
  }
  const conditions: Array<{ column: string; cast: string; value: string | boolean }> = [];
  for (const key of keys) {
    const spec = Object.hasOwn(EQUALITY_COLUMNS, key) ? EQUALITY_COLUMNS[key] : undefined;
    const value = scope[key];
    if (!spec || !(typeof value === "string" || typeof value === "boolean")) return null;
    if ((spec.cast === "boolean") !== (typeof value === "boolean")) return null;
    conditions.push({ ...spec, value });
  }
  return { kind: "equal", conditions };
}

/** planListWhere(actor) as a list of scopes (OR), "none" when it lists nothing, null when not translatable. */
export function planListScopes(actor: Actor): Scope[] | "none" | null {
  const where: Record<string, unknown> = planListWhere(actor);
  const keys = Object.keys(where).join();
  if (keys === "id") {
    const ids = (where.id as { in?: unknown }).in;
    return Array.isArray(ids) && ids.length === 0 ? "none" : null;
  }
  if (keys !== "OR" || !Array.isArray(where.OR) || where.OR.length === 0) return null;
  const scopes = where.OR.map(translateScope);
  return scopes.every((scope): scope is Scope => scope !== null) ? scopes : null;
}

export type Param = (value: unknown) => string;

export function paramBuilder(params: unknown[]): Param {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/** A boolean SQL predicate on the plan row `alias` equal to planListWhere(actor); null: not translatable. */
export function planListPredicate(actor: Actor, alias: string, param: Param): string | null {
  const scopes = planListScopes(actor);
  if (scopes === null) return null;
  if (scopes === "none") return "FALSE";
  const parts = scopes.map((scope) =>
    scope.kind === "member"
      ? `EXISTS (SELECT 1 FROM support_plan_member m WHERE m.plan_id = ${alias}.id AND m.user_id = ${param(scope.userId)}::text AND m.removed_at IS NULL)`
      : `(${scope.conditions.map((c) => `${alias}.${c.column} = ${param(c.value)}::${c.cast}`).join(" AND ")})`,
  );
  return `(${parts.join(" OR ")})`;
}

/** The SQL and parameters for one page, "empty" when the actor lists nothing, null when planListWhere has a shape not handled here. */
export function caseloadPageSql(actor: Actor, skip: number, take: number): { sql: string; params: unknown[] } | "empty" | null {
  const scopes = planListScopes(actor);
  if (scopes === null) return null;
  if (scopes === "none") return "empty";
  const params: unknown[] = [];
  const param = paramBuilder(params);
  const k = skip + take;
  // A plain name in ORDER BY names an output column first, so it is unambiguous in the join too.
  const branches = scopes.map((scope) => {
    const sql =
      scope.kind === "member"
        ? `SELECT p.id, p.next_review_due FROM support_plan_member m JOIN support_plan p ON p.id = m.plan_id WHERE m.user_id = ${param(scope.userId)}::text AND m.removed_at IS NULL`
        : `SELECT id, next_review_due FROM support_plan WHERE ${scope.conditions.map((c) => `${c.column} = ${param(c.value)}::${c.cast}`).join(" AND ")}`;
    return `(${sql} ORDER BY ${ORDER} LIMIT ${k})`;
  });
  return {
    sql: `SELECT id FROM (${branches.join(" UNION ")}) AS scope ORDER BY ${ORDER} OFFSET ${skip} LIMIT ${take}`,
    params,
  };
}

/** The ids of the caseload page in display order; null: the policy's shape needs the Prisma query. */
export async function caseloadPageIds(prisma: AppPrisma, actor: Actor, skip: number, take: number): Promise<string[] | null> {
  if (!Number.isSafeInteger(skip) || !Number.isSafeInteger(take) || skip < 0 || take < 1) throw new Error("caseloadPageIds: bad page bounds");
  const query = caseloadPageSql(actor, skip, take);
  if (query === null) return null;
  if (query === "empty") return [];
  const rows = await prisma.$queryRawUnsafe<Array<{ id: string }>>(query.sql, ...query.params);
  return rows.map((row) => row.id);
}
