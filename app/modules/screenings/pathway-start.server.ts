// Starting a completed screening's pathway: who is alerted (acute), which actions are suggested, what is sent after commit.
import { auditBy } from "~/kit/audit.server";
import type { RequestContext } from "~/kit/request.server";
import type { AuthorizedUser } from "~/server/authorization.server";
import type { SignedInUser } from "~/server/auth/session.server";
import type { AppTransaction } from "~/server/db.server";
import { newId } from "~/server/ids.server";
import { deliverAll, externalNotifier, type Notification, type Notifier } from "~/server/notify/notifier.server";
import { pathwayDeadlines, suggestedActions, type ScreeningResultCode } from "./pathway-rules";

/**
 * The pathways the system enforces after a screening (issue 5, decision 017): `startPathway` runs
 * inside the transaction that completes a screening (screening-completion.server.ts).
 */

/** What the completing code passes: the completed row (clear scope facts and result). */
export type CompletedScreening = {
  id: string;
  personId: string;
  schoolAgencyId: string;
  territoryId: string;
  screenerUserId: string;
  result: ScreeningResultCode | null;
  findings: readonly string[];
  completedAt?: Date | null;
};

export type PathwayStarted = {
  alertRecipients: string[];
  assessmentDueAt: Date | null;
  rescreenDueAt: Date | null;
  actions: number;
  notifications: Notification[];
  /**
   * Call after the transaction commits: the audit event for the pathway and the e-mail/SMS hook
   * (pointer only). The in-app alerts are already rows of the committed transaction.
   */
  afterCommit(options?: { notifier?: Notifier }): Promise<void>;
};

/**
 * The school's psychologists and the district's supervisors (active accounts, active agencies).
 * A supervisor employed by a school is school staff, not a district supervisor: never alerted
 * (the alert kind alone would tell them a pupil screened acute; decision 016, Access). Neither is a
 * police supervisor: a screening's pathway is a health and social one, police join by referral.
 */
/** Agencies whose supervisors get acute and overdue screening alerts: not schools, not police departments. */
export const receivesScreeningEscalations = (agencyType: string) => agencyType !== "school" && agencyType !== "police_department";

export async function acuteRecipients(client: Pick<AppTransaction, "user">, screening: { schoolAgencyId: string; territoryId: string }): Promise<string[]> {
  // Roles are filtered here, not in SQL: `roles: { has }` does not survive the PGlite adapter
  // (admin.server.ts); the candidates are one school's and one district's staff.
  const users = await client.user.findMany({
    where: { status: "active", OR: [{ agencyId: screening.schoolAgencyId }, { agency: { territoryId: screening.territoryId, status: "active" } }] },
    select: { id: true, roles: true, agencyId: true, agency: { select: { type: true } } },
    orderBy: { id: "asc" },
  });
  return users
    .filter(
      (user) =>
        (user.roles.includes("school_psychologist") && user.agencyId === screening.schoolAgencyId) ||
        (user.roles.includes("supervisor") && receivesScreeningEscalations(user.agency.type)),
    )
    .map((user) => user.id);
}

/** The school's active psychologist accounts (ids in a stable order). */
export async function schoolPsychologists(client: Pick<AppTransaction, "user">, schoolAgencyId: string): Promise<string[]> {
  // Roles are filtered in JS: `roles: { has }` does not survive the PGlite adapter.
  const staff = await client.user.findMany({
    where: { agencyId: schoolAgencyId, status: "active" },
    select: { id: true, roles: true },
    orderBy: { id: "asc" },
  });
  return staff.filter((user) => user.roles.includes("school_psychologist")).map((user) => user.id);
}

export const screeningHref = (screeningId: string) => `/screenings/${screeningId}`;

/**
 * Starts the pathway of a just-completed screening, inside the completing transaction (whose
 * update has written the deadlines, `pathwayDeadlines`): acute alerts (school psychologists,
 * district supervisors), suggested actions for the vulnerability findings. Idempotent per screening is the caller's concern
 * (it completes a screening once, under its version check).
 */
export async function startPathway(args: {
  tx: AppTransaction;
  screening: CompletedScreening;
  user: Pick<SignedInUser, "id"> & Partial<AuthorizedUser>;
  context?: RequestContext;
  now?: Date;
}): Promise<PathwayStarted> {
  const { tx, screening } = args;
  const completedAt = screening.completedAt ?? args.now ?? new Date();
  // The completing update already wrote these deadlines (one statement less on the hot path).
  const deadlines = pathwayDeadlines(screening.result, completedAt);
  const recipients = screening.result === "acute_positive" ? (await acuteRecipients(tx, screening)).filter((id) => id !== args.user.id) : [];
  if (recipients.length > 0) {
    await tx.screeningAlert.createMany({
      data: recipients.map((recipientUserId) => ({ id: newId(), screeningId: screening.id, recipientUserId, kind: "acute", createdAt: completedAt })),
    });
  }
  const actions = suggestedActions(screening.findings);
  if (actions.length > 0) {
    await tx.screeningAction.createMany({
      data: actions.map((action) => ({
        id: newId(),
        screeningId: screening.id,
        kind: action.kind,
        finding: action.finding,
        userId: args.user.id,
        createdAt: completedAt,
      })),
    });
  }
  const notifications: Notification[] = recipients.map((to) => ({ to, kind: "acute", link: screeningHref(screening.id) }));
  return {
    alertRecipients: recipients,
    assessmentDueAt: deadlines.assessmentDueAt,
    rescreenDueAt: deadlines.rescreenDueAt,
    actions: actions.length,
    notifications,
    async afterCommit(options = {}) {
      // The audit event and the external hook do not depend on each other: both at once.
      const audited =
        args.user.username && args.user.roles && args.user.agency
          ? auditBy(
              { user: args.user as AuthorizedUser, context: args.context },
              {
                action: "screening.pathway_start",
                record: { type: "screening", id: screening.id },
                fields: ["assessmentDueAt", "rescreenDueAt", "alerts", "actions"],
                purpose: `alerts:${recipients.length};actions:${actions.length}`,
              },
            )
          : Promise.resolve();
      await Promise.all([audited, deliverAll(options.notifier ?? externalNotifier(), notifications)]);
    },
  };
}
