import { auditBy } from "~/kit/audit.server";
import { callerActor, type Caller } from "~/kit/request.server";
import type { LocalisedText } from "~/modules/screenings/instruments";
import { deny } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { mayActOnPerson } from "~policies/person.policy";
import { mayIssueOrders } from "~policies/protection-order.policy";
import { currentRiskInstrument, ruleSetAt } from "./order-facts.server";

/**
 * What the issue form needs: the two people's names (only when the officer may read both — else
 * an audited 404), the household's children the officer may read, the rule set in force now and
 * the current risk checklist. Reads are audited with the fields shown; break-glass never applies.
 */

type Name = { surname: string; givenName: string; patronymic: string | null };
const fullName = (person: Name) => [person.surname, person.givenName, person.patronymic].filter(Boolean).join(" ");
const NAME_FIELDS = ["surname", "givenName", "patronymic"] as const;

export type RiskItemView = { code: string; text: LocalisedText; critical: boolean };
export type RiskFormView = { instrumentVersionId: string; title: LocalisedText; items: RiskItemView[] } | null;

/** The current checklist as the forms show it (null when none is published). */
export async function riskFormView(): Promise<RiskFormView> {
  const instrument = await currentRiskInstrument();
  if (!instrument) return null;
  const { definition } = instrument;
  return {
    instrumentVersionId: instrument.id,
    title: definition.title,
    items: definition.items.map((item) => ({ code: item.code, text: item.text, critical: item.critical })),
  };
}

const SCOPE = { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true, surname: true, givenName: true, patronymic: true } as const;

/** A person the caller may read (not merged away), with the name; otherwise an audited 404. */
async function readableName(caller: Caller, personId: string): Promise<{ id: string; name: string }> {
  const prisma = await getPrisma();
  const scope = await prisma.person.findUnique({ where: { id: personId }, select: { id: true, ownerAgencyId: true, territoryId: true, mergedIntoId: true } });
  if (!scope || scope.mergedIntoId !== null || !mayActOnPerson(callerActor(caller), "read", scope)) {
    return deny(caller.user, caller.context, { type: "person", id: personId }, "protection_order.new");
  }
  const person = await prisma.person.findUniqueOrThrow({ where: { id: personId }, select: { id: true, surname: true, givenName: true, patronymic: true } });
  await auditBy(caller, { action: "person.read", record: { type: "person", id: personId }, fields: NAME_FIELDS, purpose: "protection_order.new" });
  return { id: personId, name: fullName(person) };
}

export type NewOrderForm = {
  protectedPerson: { id: string; name: string };
  respondent: { id: string; name: string } | null;
  children: { id: string; name: string }[];
  rule: { lawReference: string; defaultDays: number; minDays: number; maxDays: number } | null;
  risk: RiskFormView;
};

/** The issue form for a police officer; `respondentId` null: step 1 (choosing the respondent). */
export async function newOrderForm(caller: Caller, protectedId: string, respondentId: string | null, now = new Date()): Promise<NewOrderForm> {
  if (!mayIssueOrders(callerActor(caller))) return deny(caller.user, caller.context, { type: "area", id: "orders.new" });
  const protectedPerson = await readableName(caller, protectedId);
  if (!respondentId || respondentId === protectedId) return { protectedPerson, respondent: null, children: [], rule: null, risk: null };
  const respondent = await readableName(caller, respondentId);
  const prisma = await getPrisma();
  const links = await prisma.guardianship.findMany({ where: { guardianId: { in: [protectedId, respondentId] } }, select: { childId: true } });
  const childIds = [...new Set(links.map((link) => link.childId))].filter((id) => id !== protectedId && id !== respondentId);
  const actor = callerActor(caller);
  const candidates = childIds.length > 0 ? await prisma.person.findMany({ where: { id: { in: childIds } }, select: SCOPE }) : [];
  const children = candidates
    .filter((child) => child.mergedIntoId === null && mayActOnPerson(actor, "read", child))
    .map((child) => ({ id: child.id, name: fullName(child) }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
  for (const child of children) {
    await auditBy(caller, { action: "person.read", record: { type: "person", id: child.id }, fields: NAME_FIELDS, purpose: "protection_order.new" });
  }
  const [rule, risk] = await Promise.all([ruleSetAt(now), riskFormView()]);
  return {
    protectedPerson,
    respondent,
    children,
    rule: rule ? { lawReference: rule.lawReference, defaultDays: rule.defaultDays, minDays: rule.minDays, maxDays: rule.maxDays } : null,
    risk,
  };
}
