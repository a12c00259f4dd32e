import { allModelSpecs } from "~/server/encryption/registry";
import { demoCaseloadRows, demoStaffRows } from "~seeds/caseload";
import { demoAgencyCode, demoPersonRows } from "~seeds/demo";
import { demoOrderRows } from "~seeds/orders";
import { DEMO_PASSWORD, DEMO_USERS } from "~seeds/data/users";
import { buildUser, stableId } from "~seeds/factories";

/**
 * What the demo seed (seeds/demo.ts) writes, computed from the same seed modules, so tests
 * that count rows follow the seed as it grows instead of hard-coding its size.
 */

/** Every person row seedDemo inserts (DEMO_PEOPLE, the caseload children, the order parties), as plaintext. */
export function seededPersonRows() {
  return [...demoPersonRows(), ...demoCaseloadRows().people, ...demoOrderRows(new Date()).people];
}

/** Every staff account row seedDemo inserts (DEMO_USERS and DEMO_STAFF). */
async function seededUserRows() {
  const users = await Promise.all(
    DEMO_USERS.map((user) =>
      buildUser({
        username: user.username,
        displayName: user.displayName,
        roles: [user.role],
        agencyId: stableId("agency", demoAgencyCode(user.agencyType, user.districtKey)),
        password: DEMO_PASSWORD,
        enrolled: user.enrolled,
      }),
    ),
  );
  return [...users, ...(await demoStaffRows())];
}

let counts: Promise<Map<string, number>> | undefined;

/**
 * Per encrypted model of the registry: how many rows seedDemo writes with at least one
 * encrypted field set, i.e. how many rows hold ciphertext right after the seed (and so how
 * many `reencryptAll` has to rewrite after a rotation). Models the seed does not write are 0.
 */
export function seededEncryptedRowCounts(): Promise<Map<string, number>> {
  counts ??= (async () => {
    const caseload = demoCaseloadRows();
    // Which order rows hold ciphertext does not depend on the seeding time.
    const orders = demoOrderRows(new Date());
    const rows: Record<string, Record<string, unknown>[]> = {
      Person: seededPersonRows(),
      IncidentAccount: orders.incidents,
      ProtectionOrder: orders.orders,
      ProtectionOrderCondition: orders.conditions,
      OrderRiskAssessment: orders.assessments,
      ComplianceCheck: orders.checks,
      OrderViolation: orders.violations,
      OrderExtension: orders.extensions,
      SupportPlan: caseload.plans,
      SupportPlanMember: caseload.members,
      SupportPlanGoal: caseload.goals,
      SupportPlanReview: caseload.reviews,
      User: await seededUserRows(),
    };
    return new Map(
      allModelSpecs().map((spec) => {
        const fields = [...spec.encrypted.keys()];
        const withCiphertext = (rows[spec.model] ?? []).filter((row) => fields.some((field) => row[field] !== null && row[field] !== undefined));
        return [spec.model, withCiphertext.length];
      }),
    );
  })();
  return counts;
}
