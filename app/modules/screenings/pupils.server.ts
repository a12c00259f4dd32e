import { auditActor, recordAudit } from "~/server/audit/audit.server";
import { actorOf, deny, type AuthorizedUser } from "~/server/authorization.server";
import { getPrisma } from "~/server/db.server";
import { mayActOnPerson, type PersonScopeFacts } from "~policies/person.policy";
import { mayListPupils } from "~policies/pupil-list.policy";
import { mayActOnScreening, type ScreeningStatus } from "~policies/screening.policy";
import { pupilFullName, pupilPage, type PupilsQuery } from "./pupils";
import { loadScreeningFactsMany } from "./screening-facts.server";
import type { RequestContext } from "~/kit/request.server";

/**
 * The school's pupil list (decision 018): the person records the viewer's school owns, for its
 * social pedagogues and psychologists, with the viewer's most recent screening of each child
 * that the screening policy lets them see (status and dates only — never the result) and a
 * start link. Names are encrypted, so the school's records are decrypted, filtered, sorted and
 * paged here; screenings are looked up for the shown page only. One audit event per view.
 */

export type PupilScreening = {
  id: string;
  href: string;
  status: ScreeningStatus;
  startedAt: string;
  completedAt: string | null;
};

export type PupilRow = {
  id: string;
  name: string;
  birthDate: string | null;
  /** The most recent screening this viewer may read the status of; null when none. */
  lastScreening: PupilScreening | null;
  /** `/screenings/new?personId=…` when the viewer may start a screening for this child. */
  startHref: string | null;
};

export type PupilList = {
  rows: PupilRow[];
  page: number;
  pageCount: number;
  total: number;
  from: number;
  to: number;
  /** May this viewer create person records (the empty state's "add a child" link)? */
  mayCreate: boolean;
};

export const PUPIL_LIST_FIELDS = ["surname", "givenName", "patronymic", "birthDate"] as const;

export async function listPupils(args: { user: AuthorizedUser; context: RequestContext; query: PupilsQuery }): Promise<PupilList> {
  const actor = actorOf(args.user);
  if (!mayListPupils(actor, { agencyType: args.user.agency.type })) return deny(args.user, args.context, { type: "area", id: "pupils" });
  const prisma = await getPrisma();

  // Every record the school owns (merged records are represented by their survivor). The
  // person policy is asked anyway, so a change of scope rules cannot widen this list.
  const records = await prisma.person.findMany({
    where: { ownerAgencyId: actor.agencyId, mergedIntoId: null },
    select: { id: true, ownerAgencyId: true, territoryId: true, surname: true, givenName: true, patronymic: true, birthDate: true },
  });
  const readable = records.filter((person) => mayActOnPerson(actor, "read", person));
  const window = pupilPage(readable, args.query.q, args.query.page);

  const shownIds = window.rows.map((person) => person.id);
  const screenings = shownIds.length > 0 ? await loadScreeningFactsMany({ personId: { in: shownIds } }) : [];
  // Newest first (loadScreeningFactsMany orders by start time); only what this viewer may read.
  const latest = new Map<string, (typeof screenings)[number]>();
  for (const facts of screenings) {
    if (latest.has(facts.personId) || !mayActOnScreening(actor, "read_status", facts)) continue;
    latest.set(facts.personId, facts);
  }
  // No re-screening date here: only a positive screen has one, and the list is read over shoulders.

  const rows = window.rows.map<PupilRow>((person) => {
    const facts = latest.get(person.id);
    const scope: PersonScopeFacts = { id: person.id, ownerAgencyId: person.ownerAgencyId, territoryId: person.territoryId };
    return {
      id: person.id,
      name: pupilFullName(person),
      birthDate: person.birthDate ?? null,
      lastScreening: facts
        ? {
            id: facts.id,
            href: `/screenings/${facts.id}`,
            status: facts.status,
            startedAt: facts.startedAt.toISOString(),
            completedAt: facts.completedAt?.toISOString() ?? null,
          }
        : null,
      startHref: mayActOnScreening(actor, "start", null, scope) ? `/screenings/new?personId=${person.id}` : null,
    };
  });

  await recordAudit({
    actor: auditActor(args.user),
    action: "screening.pupils_listed",
    decision: "allowed",
    record: { type: "agency", id: actor.agencyId },
    fields: rows.some((row) => row.lastScreening) ? [...PUPIL_LIST_FIELDS, "screeningStatus"] : [...PUPIL_LIST_FIELDS],
    purpose: "pupil-list",
    context: args.context,
  });

  return {
    rows,
    page: window.page,
    pageCount: window.pageCount,
    total: window.total,
    from: window.from,
    to: window.to,
    mayCreate: mayActOnPerson(actor, "create", null),
  };
}
