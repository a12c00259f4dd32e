/**
 * Consent and assent for a school screening (decision 016). The rule is set for the whole
 * deployment (KAMKOR_SCREENING_CONSENT_RULE, read at start-up), not per school: it follows the
 * law and the ministry's order, and one rule keeps every school's records comparable.
 *
 * - "assent_guardian_informed" (default): the child's own agreement (assent) is required before
 *   any question; the guardian is informed afterwards — unless the guardian may be the danger,
 *   which the screener records instead. Guardian consent is not a precondition: waiting for it
 *   would delay help for the children most at risk.
 * - "assent_and_guardian_consent": the child's assent and the guardian's prior consent.
 *
 * Under every rule the acute pathway never waits for consent: an acute positive result starts
 * the safety pathway at once, whatever was recorded here.
 */
export const CONSENT_RULES = ["assent_guardian_informed", "assent_and_guardian_consent"] as const;
export type ConsentRule = (typeof CONSENT_RULES)[number];

export const DEFAULT_CONSENT_RULE: ConsentRule = "assent_guardian_informed";

/** What the screener records about the guardian, per rule. */
export const GUARDIAN_CHOICES: Record<ConsentRule, readonly GuardianChoice[]> = {
  assent_guardian_informed: ["will_be_informed", "not_informed_danger"],
  assent_and_guardian_consent: ["consented", "not_informed_danger"],
};
export type GuardianChoice = "will_be_informed" | "consented" | "not_informed_danger";

/** The clear consent category stored on the screening, e.g. "assent;guardian:will_be_informed". */
export function consentCategory(guardian: GuardianChoice): string {
  return `assent;guardian:${guardian}`;
}
