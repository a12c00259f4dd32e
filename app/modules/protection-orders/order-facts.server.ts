import { authorizeRecord, type Caller } from "~/kit/request.server";
import { getPrisma } from "~/server/db.server";
import { mayActOnOrder, type OrderAction, type OrderScopeFacts } from "~policies/protection-order.policy";
import { type OrderRuleSet } from "./order-rules";
import { parseRiskInstrument, type RiskInstrument } from "./risk-instrument";

/** Protection orders: the clear facts policies decide on, authorisation, and the reference data (rule sets, checklist). */

export type OrderFacts = OrderScopeFacts & {
  version: number;
  issuedAt: Date;
  servedAt: Date | null;
  expiresAt: Date;
  riskLevel: "standard" | "medium" | "high";
  ruleSetId: string;
  issuingAgencyId: string;
  violationCount: number;
};

const FACTS_SELECT = {
  id: true,
  status: true,
  issuingUserId: true,
  responsibleUserId: true,
  territoryId: true,
  involvesChild: true,
  version: true,
  issuedAt: true,
  servedAt: true,
  expiresAt: true,
  riskLevel: true,
  ruleSetId: true,
  issuingAgencyId: true,
  violationCount: true,
} as const;

export async function loadOrderFacts(orderId: string): Promise<OrderFacts | null> {
  const prisma = await getPrisma();
  return prisma.protectionOrder.findUnique({ where: { id: orderId }, select: FACTS_SELECT });
}

/** The order's facts if the caller may do `action`; otherwise an audited 404. */
export function authorizeOrder(caller: Caller, orderId: string, action: OrderAction): Promise<OrderFacts> {
  return authorizeRecord(
    caller,
    { type: "protection_order", id: orderId },
    () => loadOrderFacts(orderId),
    (actor, facts) => mayActOnOrder(actor, action, facts),
    action,
  );
}

export type RuleSetRow = OrderRuleSet & { id: string };

function ruleSetOf(row: {
  id: string;
  code: string;
  lawReference: string;
  validFrom: Date;
  defaultDays: number;
  minDays: number;
  maxDays: number;
  maxTotalDays: number;
  checkStandardDays: number;
  checkMediumDays: number;
  checkHighDays: number;
  expiryNoticeHours: number;
}): RuleSetRow {
  return {
    id: row.id,
    code: row.code,
    lawReference: row.lawReference,
    validFrom: row.validFrom,
    defaultDays: row.defaultDays,
    minDays: row.minDays,
    maxDays: row.maxDays,
    maxTotalDays: row.maxTotalDays,
    checkEveryDays: { standard: row.checkStandardDays, medium: row.checkMediumDays, high: row.checkHighDays },
    expiryNoticeHours: row.expiryNoticeHours,
  };
}

/** The rule set in force at `at` (the latest valid from then or before). */
export async function ruleSetAt(at: Date): Promise<RuleSetRow | null> {
  const prisma = await getPrisma();
  const row = await prisma.orderRuleSet.findFirst({ where: { validFrom: { lte: at } }, orderBy: { validFrom: "desc" } });
  return row ? ruleSetOf(row) : null;
}

// Rule sets and checklist versions never change once orders point at them (a change is a new
// row), so each is read once per process.
const ruleSetCache = new Map<string, Promise<RuleSetRow>>();
const instrumentCache = new Map<string, Promise<RiskInstrumentRow>>();

function cached<T>(cache: Map<string, Promise<T>>, id: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(id);
  if (!hit) {
    hit = load();
    // A failed read is not remembered.
    hit.catch(() => cache.delete(id));
    cache.set(id, hit);
  }
  return hit;
}

export function ruleSetById(id: string): Promise<RuleSetRow> {
  return cached(ruleSetCache, id, async () => ruleSetOf(await (await getPrisma()).orderRuleSet.findUniqueOrThrow({ where: { id } })));
}

export type RiskInstrumentRow = { id: string; definition: RiskInstrument };

export const RISK_INSTRUMENT = "order-risk";

export function riskInstrumentById(id: string): Promise<RiskInstrumentRow> {
  return cached(instrumentCache, id, async () => {
    const row = await (await getPrisma()).instrumentVersion.findUniqueOrThrow({ where: { id } });
    if (row.instrument !== RISK_INSTRUMENT) throw new Error(`instrument_version ${id} is not the order risk checklist`);
    return { id: row.id, definition: parseRiskInstrument(row.definition) };
  });
}

/** The newest published checklist version (what a new assessment uses). */
export async function currentRiskInstrument(): Promise<RiskInstrumentRow | null> {
  const prisma = await getPrisma();
  const row = await prisma.instrumentVersion.findFirst({
    where: { instrument: RISK_INSTRUMENT, retiredAt: null },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  return row ? riskInstrumentById(row.id) : null;
}
