import { mayActOnPerson, type PersonScopeFacts } from "./person.policy";
import { CASEWORK_ROLES, type Actor, type RoleName } from "./roles";

/**
 * Screening (ASQ + vulnerability module at school): the most confidential record in Kamkor.
 * Pure and synchronous; deny by default; admin, auditor and analyst are denied even alongside
 * a casework role (deny beats allow).
 *
 * Content (answers, result, findings, free text, checklist) — need to know, named people only:
 * - the screener;
 * - the school's psychologists: role school_psychologist in the screening's school agency;
 * - clinicians explicitly assigned (an active ScreeningAssignment) who may be clinicians at all
 *   (mayBeAssignedClinician: an assignment of school staff opens nothing).
 * Status only ("screening on file, follow-up due/done", never the result or answers):
 * - juvenile inspectors, social workers and supervisors of the screening's district, unless
 *   their agency is a school (a school director with the supervisor role is school staff);
 * - anyone a referral from this screening was sent to (a taken action naming them).
 * Supervisors of the parent region get neither: the overdue list on the alerts page gives them
 * pointers only (school, district, due time, screener — alerts.server.ts, decision 019).
 * Nothing: everyone else — in particular other staff of the school (teachers: a school user
 * who is neither social pedagogue nor school psychologist sees nothing, even if another rule
 * would let them see status), other schools, police officers, service providers.
 *
 * Actions:
 * - start: a social pedagogue or school psychologist employed by a school, who may read the
 *   person in their own scope (never under break-glass: a screening is not an emergency read;
 *   the screening's school is the screener's agency, whose psychologists get the acute alert);
 * - answer / complete: the screener only, while the session is in progress;
 * - read_content / read_status: as above (status viewers see completed screenings only);
 * - assign_clinician: the school's psychologists and the district's supervisors (not school
 *   staff), on a screening that is not abandoned.
 */

export const SCREENING_ACTIONS = ["start", "answer", "complete", "read_content", "read_status", "assign_clinician"] as const;
export type ScreeningAction = (typeof SCREENING_ACTIONS)[number];

/** "status" and "followUp" are the status view; the rest is content. */
export const SCREENING_FIELDS = [
  "status",
  "followUp",
  "childName",
  "result",
  "findings",
  "answers",
  "otherWorry",
  "consent",
  "instrumentVersions",
  "safetyChecklist",
] as const;
export type ScreeningField = (typeof SCREENING_FIELDS)[number];

export type ScreeningStatus = "in_progress" | "completed" | "abandoned";

/** The clear-text facts a decision needs; loading them decrypts nothing. */
export type ScreeningScopeFacts = {
  id: string;
  schoolAgencyId: string;
  territoryId: string;
  screenerUserId: string;
  status: ScreeningStatus;
  /** Users with an active (not removed) assignment. */
  assignedUserIds: readonly string[];
  /** Users a taken referral action of this screening names as its target. */
  referralTargetIds: readonly string[];
};

export type ScreeningRelation = "screener" | "school_psychologist" | "assigned_clinician" | "district_status" | "referral_target" | "none";

const NO_CASE_CONTENT: readonly RoleName[] = ["admin", "auditor", "analyst"];
export const SCREENER_ROLES: readonly RoleName[] = ["social_pedagogue", "school_psychologist"];
const STATUS_ROLES: readonly RoleName[] = ["juvenile_inspector", "social_worker", "supervisor"];
const CONTENT_RELATIONS: readonly ScreeningRelation[] = ["screener", "school_psychologist", "assigned_clinician"];
const CONTENT_FIELDS: readonly ScreeningField[] = ["result", "findings", "answers", "otherWorry", "consent", "instrumentVersions", "safetyChecklist"];

const has = (actor: Actor, roles: readonly RoleName[]) => actor.roles.some((role) => roles.includes(role));
const deniedOutright = (actor: Actor) => has(actor, NO_CASE_CONTENT) || !has(actor, CASEWORK_ROLES);
/** Staff of the screening's school other than its pedagogues and psychologists: no access at all. */
const isOtherSchoolStaff = (actor: Actor, screening: ScreeningScopeFacts) => actor.agencyId === screening.schoolAgencyId && !has(actor, SCREENER_ROLES);
/** District status (and the overdue view) is for district services; an unknown agency type gets none (deny by default). */
export const mayHaveDistrictStatus = (actor: Actor) => actor.agencyType !== undefined && actor.agencyType !== "school";

/** The strongest relation wins: screener, school psychologist, assigned clinician, then status. */
export function screeningRelation(actor: Actor, screening: ScreeningScopeFacts): ScreeningRelation {
  if (deniedOutright(actor) || isOtherSchoolStaff(actor, screening)) return "none";
  if (screening.screenerUserId === actor.id) return "screener";
  if (has(actor, ["school_psychologist"]) && actor.agencyId === screening.schoolAgencyId) return "school_psychologist";
  if (screening.assignedUserIds.includes(actor.id) && mayBeAssignedClinician(actor.roles, actor.agencyType)) return "assigned_clinician";
  if (has(actor, STATUS_ROLES) && actor.territoryId === screening.territoryId && mayHaveDistrictStatus(actor)) return "district_status";
  if (screening.referralTargetIds.includes(actor.id)) return "referral_target";
  return "none";
}

/**
 * May this actor do this action? `screening` is null for "start", which needs the person's
 * scope facts instead (`person`).
 */
export function mayActOnScreening(
  actor: Actor,
  action: ScreeningAction,
  screening: ScreeningScopeFacts | null,
  person: PersonScopeFacts | null = null,
): boolean {
  if (deniedOutright(actor)) return false;
  // Only at a school: the screening's school is the screener's agency, and its psychologists assess.
  if (action === "start") return has(actor, SCREENER_ROLES) && actor.agencyType === "school" && person !== null && mayActOnPerson(actor, "read", person);
  if (!screening) return false;
  const relation = screeningRelation(actor, screening);
  switch (action) {
    case "answer":
    case "complete":
      return relation === "screener" && screening.status === "in_progress";
    case "read_content":
      return CONTENT_RELATIONS.includes(relation);
    case "read_status":
      if (CONTENT_RELATIONS.includes(relation)) return true;
      return (relation === "district_status" || relation === "referral_target") && screening.status === "completed";
    case "assign_clinician":
      return (
        screening.status !== "abandoned" &&
        (relation === "school_psychologist" ||
          (has(actor, ["supervisor"]) && actor.territoryId === screening.territoryId && mayHaveDistrictStatus(actor) && relation !== "none"))
      );
    default:
      return false;
  }
}

/** The fields this actor may see; empty when it may not see the screening at all. */
export function visibleScreeningFields(actor: Actor, screening: ScreeningScopeFacts): ScreeningField[] {
  if (!mayActOnScreening(actor, "read_status", screening)) return [];
  const fields = new Set<ScreeningField>(["status", "followUp"]);
  const relation = screeningRelation(actor, screening);
  // The team must know whom it helps; a referral names the child to its recipient. District
  // status viewers get the child's name only through the person policy (decided by the module).
  if (CONTENT_RELATIONS.includes(relation) || relation === "referral_target") fields.add("childName");
  if (mayActOnScreening(actor, "read_content", screening)) for (const field of CONTENT_FIELDS) fields.add(field);
  return SCREENING_FIELDS.filter((field) => fields.has(field));
}

/** Agency types whose service providers are clinicians (health, psychological, NGO, crisis, shelter). */
export const CLINICIAN_AGENCY_TYPES: readonly string[] = ["health_facility", "psychological_service", "ngo", "crisis_centre", "shelter"];
/** Police and social services read status through their own rules, never the answers. */
const NEVER_CLINICIAN: readonly RoleName[] = [...NO_CASE_CONTENT, "police_officer", "juvenile_inspector", "social_worker"];

/**
 * May this user be assigned as a clinician? A school psychologist (of a school), or a service
 * provider of a health/NGO/crisis agency — never a service provider employed by a school (school
 * staff would read the answers), nor anyone with a police, social-services or admin role.
 * The district is the caller's filter (clinicianChoices).
 */
export function mayBeAssignedClinician(roles: readonly RoleName[], agencyType: string | undefined): boolean {
  if (roles.some((role) => NEVER_CLINICIAN.includes(role))) return false;
  if (roles.includes("school_psychologist") && agencyType === "school") return true;
  return roles.includes("service_provider") && agencyType !== undefined && CLINICIAN_AGENCY_TYPES.includes(agencyType);
}
