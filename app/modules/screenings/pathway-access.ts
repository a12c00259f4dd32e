import type { Actor } from "~policies/roles";
import { mayActOnScreening, screeningRelation, type ScreeningScopeFacts } from "~policies/screening.policy";

/**
 * What an actor may do on a screening's pathway, derived from the screening policy
 * (policies/screening.policy.ts): content readers (screener, the school's psychologists,
 * assigned clinicians) see the pathway in full and take the suggested actions; the screener
 * and the school's psychologists record the acute checklist; the school's psychologists and
 * assigned clinicians record the safety assessment; status viewers (district inspectors,
 * social workers, supervisors, referral recipients) see "screening on file, follow-up due/done".
 */

export type PathwayScopeFacts = ScreeningScopeFacts;
export type PathwayAccess = "read_status" | "read_content" | "record_checklist" | "record_assessment" | "act";

export function pathwayAccess(actor: Actor, facts: PathwayScopeFacts): PathwayAccess[] {
  const access: PathwayAccess[] = [];
  if (!mayActOnScreening(actor, "read_status", facts)) return access;
  access.push("read_status");
  if (!mayActOnScreening(actor, "read_content", facts)) return access;
  access.push("read_content", "act");
  const relation = screeningRelation(actor, facts);
  if (relation === "screener" || relation === "school_psychologist") access.push("record_checklist");
  if (relation === "school_psychologist" || relation === "assigned_clinician") access.push("record_assessment");
  return access;
}
