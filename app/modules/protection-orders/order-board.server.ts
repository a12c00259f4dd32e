import { auditBy } from "~/kit/audit.server";
import { callerActor, type Caller } from "~/kit/request.server";
import { deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import type { OrderStatus } from "~policies/protection-order.policy";
import type { Actor } from "~policies/roles";

/**
 * The police supervisor's board (decision 022): what needs attention in the district — orders not
 * served, checks overdue, expiring soon, violations this week, risk re-assessments due, and orders
 * with a programme condition. Pointers only (dates, status, the responsible officer): no names are
 * decrypted, so it stays fast at hundreds of thousands of orders. A supervisor of a regional police
 * department sees the same counts per district of the region.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const IN_FORCE: OrderStatus[] = ["served", "active", "extended"];
export const BOARD_LIST_LIMIT = 25;
/** Expiring "soon" on the board: the protected person should be told (the rule sets use 48 h). */
export const EXPIRING_WITHIN_HOURS = 48;

export type BoardItem = {
  id: string;
  status: OrderStatus;
  issuedAt: string;
  expiresAt: string;
  nextCheckDueAt: string | null;
  responsibleName: string;
  at: string | null;
};

export type BoardSection = { count: number; items: BoardItem[] };

export type DistrictBoard = {
  territoryId: string;
  inForce: number;
  notServed: BoardSection;
  checksOverdue: BoardSection;
  expiringSoon: BoardSection;
  violationsThisWeek: BoardSection;
  reassessmentDue: BoardSection;
  programmeCondition: BoardSection;
};

export type RegionRow = {
  territoryId: string;
  nameRu: string;
  nameKy: string;
  nameEn: string;
  inForce: number;
  notServed: number;
  checksOverdue: number;
  expiringSoon: number;
  violationsThisWeek: number;
};

export type Board = { kind: "district"; district: DistrictBoard } | { kind: "region"; districts: RegionRow[] };

const isPoliceSupervisor = (actor: Actor) =>
  actor.roles.includes("supervisor") && !actor.roles.some((role) => ["admin", "auditor", "analyst"].includes(role)) && actor.agencyType === "police_department";

export function mayOpenOrderBoard(actor: Actor): boolean {
  return isPoliceSupervisor(actor);
}

const ITEM_SELECT = { id: true, status: true, issuedAt: true, expiresAt: true, nextCheckDueAt: true, responsibleUserId: true } as const;

async function districtBoard(territoryId: string, now: Date): Promise<DistrictBoard> {
  const prisma = await getPrisma();
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_HOURS * 60 * 60 * 1000);
  const inForce = { territoryId, status: { in: IN_FORCE } };
  const where = {
    notServed: { territoryId, status: "issued" as const },
    checksOverdue: { ...inForce, nextCheckDueAt: { lt: now } },
    expiringSoon: { ...inForce, expiresAt: { gt: now, lte: soon } },
    reassessmentDue: { territoryId, status: { in: ["issued", ...IN_FORCE] as OrderStatus[] }, reassessmentDueAt: { not: null } },
    programmeCondition: { ...inForce, conditions: { some: { kind: "attend_programme" as const } } },
  };
  const section = async (
    key: keyof typeof where,
    orderBy: Record<string, "asc" | "desc">,
    at: (row: { expiresAt: Date; nextCheckDueAt: Date | null; issuedAt: Date }) => Date | null,
  ) => {
    const [count, rows] = await Promise.all([
      prisma.protectionOrder.count({ where: where[key] }),
      prisma.protectionOrder.findMany({ where: where[key], select: ITEM_SELECT, orderBy: [orderBy, { id: "asc" }], take: BOARD_LIST_LIMIT }),
    ]);
    return { count, rows: rows.map((row) => ({ ...row, at: at(row) })) };
  };
  const [total, notServed, checksOverdue, expiringSoon, reassessmentDue, programmeCondition, violations] = await Promise.all([
    prisma.protectionOrder.count({ where: inForce }),
    section("notServed", { issuedAt: "asc" }, (row) => row.issuedAt),
    section("checksOverdue", { nextCheckDueAt: "asc" }, (row) => row.nextCheckDueAt),
    section("expiringSoon", { expiresAt: "asc" }, (row) => row.expiresAt),
    section("reassessmentDue", { issuedAt: "asc" }, () => null),
    section("programmeCondition", { expiresAt: "asc" }, (row) => row.expiresAt),
    Promise.all([
      prisma.orderViolation.count({ where: { occurredAt: { gte: weekAgo }, order: { territoryId } } }),
      prisma.orderViolation.findMany({
        where: { occurredAt: { gte: weekAgo }, order: { territoryId } },
        select: { occurredAt: true, order: { select: ITEM_SELECT } },
        orderBy: [{ occurredAt: "desc" }, { id: "asc" }],
        take: BOARD_LIST_LIMIT,
      }),
    ]),
  ]);
  const sections = [notServed, checksOverdue, expiringSoon, reassessmentDue, programmeCondition];
  const officerIds = new Set([
    ...sections.flatMap((s) => s.rows.map((row) => row.responsibleUserId)),
    ...violations[1].map((row) => row.order.responsibleUserId),
  ]);
  const officers = await prisma.user.findMany({ where: { id: { in: [...officerIds] } }, select: { id: true, displayName: true } });
  const officerName = new Map(officers.map((officer) => [officer.id, officer.displayName]));
  const item = (
    row: { id: string; status: OrderStatus; issuedAt: Date; expiresAt: Date; nextCheckDueAt: Date | null; responsibleUserId: string },
    at: Date | null,
  ): BoardItem => ({
    id: row.id,
    status: row.status,
    issuedAt: row.issuedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    nextCheckDueAt: row.nextCheckDueAt?.toISOString() ?? null,
    responsibleName: officerName.get(row.responsibleUserId) ?? "",
    at: at?.toISOString() ?? null,
  });
  const toSection = (s: { count: number; rows: Array<Parameters<typeof item>[0] & { at: Date | null }> }): BoardSection => ({
    count: s.count,
    items: s.rows.map((row) => item(row, row.at)),
  });
  return {
    territoryId,
    inForce: total,
    notServed: toSection(notServed),
    checksOverdue: toSection(checksOverdue),
    expiringSoon: toSection(expiringSoon),
    reassessmentDue: toSection(reassessmentDue),
    programmeCondition: toSection(programmeCondition),
    violationsThisWeek: { count: violations[0], items: violations[1].map((row) => item(row.order, row.occurredAt)) },
  };
}

async function regionRows(regionId: string, now: Date): Promise<RegionRow[]> {
  const prisma = await getPrisma();
  const districts = await prisma.territory.findMany({
    where: { parentId: regionId },
    select: { id: true, nameRu: true, nameKy: true, nameEn: true },
    orderBy: { nameRu: "asc" },
  });
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const soon = new Date(now.getTime() + EXPIRING_WITHIN_HOURS * 60 * 60 * 1000);
  return Promise.all(
    districts.map(async (district) => {
      const inForce = { territoryId: district.id, status: { in: IN_FORCE } };
      const [total, notServed, checksOverdue, expiringSoon, violationsThisWeek] = await Promise.all([
        prisma.protectionOrder.count({ where: inForce }),
        prisma.protectionOrder.count({ where: { territoryId: district.id, status: "issued" } }),
        prisma.protectionOrder.count({ where: { ...inForce, nextCheckDueAt: { lt: now } } }),
        prisma.protectionOrder.count({ where: { ...inForce, expiresAt: { gt: now, lte: soon } } }),
        prisma.orderViolation.count({ where: { occurredAt: { gte: weekAgo }, order: { territoryId: district.id } } }),
      ]);
      return {
        territoryId: district.id,
        nameRu: district.nameRu,
        nameKy: district.nameKy,
        nameEn: district.nameEn,
        inForce: total,
        notServed,
        checksOverdue,
        expiringSoon,
        violationsThisWeek,
      };
    }),
  );
}

/** The board for a police supervisor: their district, or every district of their region. Others: audited 404. */
export async function orderBoard(caller: Caller, now = new Date()): Promise<Board> {
  const actor = callerActor(caller);
  if (!mayOpenOrderBoard(actor)) return deny(caller.user, caller.context, { type: "area", id: "orders.board" });
  const prisma = await getPrisma();
  const territory = await prisma.territory.findUniqueOrThrow({ where: { id: actor.territoryId }, select: { kind: true } });
  const board: Board =
    territory.kind === "region"
      ? { kind: "region", districts: await regionRows(actor.territoryId, now) }
      : { kind: "district", district: await districtBoard(actor.territoryId, now) };
  await auditBy(caller, { action: "protection_order.board", fields: ["status", "dates"], purpose: board.kind });
  return board;
}
