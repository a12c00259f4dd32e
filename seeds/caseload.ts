import type { Prisma, AgencyType, SupportPlanGround } from "~/generated/prisma/client.ts";
import { DEMO_DISTRICTS } from "./data/agencies";
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_USERS, type DemoUser } from "./data/users";
import { buildUser, stableId } from "./factories";

/**
 * The demo caseload: 60 synthetic children with support plans in every state (proposals,
 * drafts, active plans with goals in every status and reviews with risk ratings, closure
 * requested, closed as rehabilitated) across the three demo districts, with teams spanning
 * school, police, social services, health and NGO. Deterministic: ids from stableId, dates
 * relative to a fixed anchor (never Date.now()), so every run and both engines agree.
 */

export const DEMO_ANCHOR = new Date(Date.UTC(2026, 10, 20, 4, 0, 0));
const DAY = 24 * 60 * 60 * 1000;
const at = (days: number, hours = 0) => new Date(DEMO_ANCHOR.getTime() + days * DAY + hours * 60 * 60 * 1000);
const day = (days: number) => new Date(Date.UTC(DEMO_ANCHOR.getUTCFullYear(), DEMO_ANCHOR.getUTCMonth(), DEMO_ANCHOR.getUTCDate() + days));

export const CASELOAD_SIZE = 60;
type DistrictKey = (typeof DEMO_DISTRICTS)[number]["key"];

// Name parts are put together at random; no child shares a full name with a demo staff account.
const SURNAMES = [
  "Абдыраев",
  "Бейшеналиев",
  "Жээнбеков",
  "Исмаилов",
  "Калыков",
  "Мамбетов",
  "Ниязов",
  "Осмоналиев",
  "Садыков",
  "Турдубаев",
  "Усенов",
  "Шаршеев",
  "Эсенгулов",
  "Акматов",
  "Байматов",
  "Дуйшеев",
  "Жумалиев",
  "Кадыров",
  "Молдокматов",
  "Райымбеков",
];
const MALE = [
  "Нурсултан",
  "Бекзат",
  "Эрмек",
  "Азамат",
  "Тилек",
  "Адилет",
  "Байэл",
  "Жанболот",
  "Канат",
  "Мирлан",
  "Нурбол",
  "Санжар",
  "Улан",
  "Эльдар",
  "Арсен",
];
const FEMALE = [
  "Айжамал",
  "Бегимай",
  "Гулзат",
  "Жаркын",
  "Зарина",
  "Каныкей",
  "Мээрим",
  "Нуриза",
  "Асель",
  "Салтанат",
  "Толгонай",
  "Уулкан",
  "Чынара",
  "Элиза",
  "Адина",
];
const FATHERS = ["Бакыт", "Талант", "Мирбек", "Эркин", "Алмаз", "Нурлан", "Руслан", "Жыргалбек", "Кубан", "Максат"];
const CITY: Record<DistrictKey, string> = { "bishkek-len": "г. Бишкек", osh: "г. Ош", sokuluk: "с. Сокулук" };
const DISTRICT_OF = (i: number): DistrictKey => (["bishkek-len", "bishkek-len", "osh", "sokuluk"] as const)[i % 4];

const LEADS: Record<DistrictKey, string[]> = {
  "bishkek-len": ["inspector", "socialworker", "inspector2", "socialworker2"],
  osh: ["inspector-osh", "socialworker-osh"],
  sokuluk: ["inspector-sokuluk", "socialworker-sokuluk"],
};
const PROPOSER: Record<DistrictKey, string> = { "bishkek-len": "pedagogue", osh: "pedagogue-osh", sokuluk: "pedagogue-sokuluk" };
const SUPERVISOR: Record<DistrictKey, string> = { "bishkek-len": "supervisor", osh: "supervisor-osh", sokuluk: "supervisor-sokuluk" };
/** Team members from other agencies (school, police, social services, health, NGO). */
const TEAM: Record<DistrictKey, string[]> = {
  "bishkek-len": ["pedagogue", "psychologist", "officer", "nurse", "ngoworker", "provider", "socialworker", "inspector"],
  osh: ["pedagogue-osh", "socialworker-osh", "inspector-osh"],
  sokuluk: ["pedagogue-sokuluk", "socialworker-sokuluk", "inspector-sokuluk"],
};
const ROLE_IN_PLAN: Record<string, string> = {
  pedagogue: "Социальный педагог: посещаемость и связь с классным руководителем",
  psychologist: "Школьный психолог: еженедельные встречи с ребёнком",
  officer: "Участковый: проверки безопасности по месту жительства",
  nurse: "Медицинская сестра ЦСМ: наблюдение за здоровьем",
  ngoworker: "Общественный фонд: кружки и наставник",
  provider: "Кризисный центр: консультации для семьи",
  socialworker: "Социальный работник: работа с семьёй",
  inspector: "Инспектор ИДН: профилактические беседы",
};
const GROUNDS: SupportPlanGround[][] = [
  ["school_absence"],
  ["family_crisis", "parents_abroad"],
  ["antisocial_behaviour"],
  ["victim_of_violence"],
  ["offence_below_age", "substance_use"],
  ["victim_of_racket", "school_absence"],
  ["suicide_risk"],
  ["parents_abroad"],
  ["other"],
  ["family_crisis"],
];
const GOAL_TEXTS = [
  "Ежедневное посещение школы; еженедельная сверка с классным руководителем",
  "Консультации психолога раз в неделю, план безопасности",
  "Занятия в кружке по выбору ребёнка два раза в неделю",
  "Встречи с родителями или опекуном раз в месяц",
  "Помощь в получении документов и пособия",
];

const pad = (value: number, size = 2) => String(value).padStart(size, "0");
const allStaff = (): DemoUser[] => [...DEMO_USERS, ...DEMO_STAFF];
function agencyCode(type: AgencyType, districtKey: string): string {
  return `${districtKey}-${type.replaceAll("_", "-")}`;
}
function agencyOf(username: string): string {
  const user = allStaff().find((candidate) => candidate.username === username);
  if (!user) throw new Error(`Unknown demo user ${username}`);
  return stableId("agency", agencyCode(user.agencyType, user.districtKey));
}
const userId = (username: string) => stableId("user", username);

export type CaseloadRows = {
  people: Prisma.PersonCreateManyInput[];
  plans: Prisma.SupportPlanCreateManyInput[];
  members: Prisma.SupportPlanMemberCreateManyInput[];
  goals: Prisma.SupportPlanGoalCreateManyInput[];
  reviews: Prisma.SupportPlanReviewCreateManyInput[];
  chronology: Prisma.ChronologyEventCreateManyInput[];
};

/** Every row of the demo caseload, as plaintext (the encrypting client encrypts on insert). */
export function demoCaseloadRows(): CaseloadRows {
  const rows: CaseloadRows = { people: [], plans: [], members: [], goals: [], reviews: [], chronology: [] };
  const event = (personId: string, recordType: string, recordId: string, kind: string, author: string, occurredAt: Date) =>
    rows.chronology.push({
      id: stableId("chronology", `${recordId}:${kind}:${rows.chronology.length}`),
      personId,
      recordType,
      recordId,
      kind,
      occurredAt,
      agencyId: agencyOf(author),
      authorUserId: userId(author),
    });

  for (let i = 0; i < CASELOAD_SIZE; i++) {
    const district = DISTRICT_OF(i);
    const territoryId = stableId("territory", DEMO_DISTRICTS.find((d) => d.key === district)!.code);
    const female = i % 2 === 0;
    const surnameRoot = SURNAMES[i % SURNAMES.length];
    const father = FATHERS[(i * 3) % FATHERS.length];
    const year = 2008 + ((i * 7) % 9);
    const month = ((i * 5) % 12) + 1;
    const dayOfMonth = ((i * 11) % 28) + 1;
    const birthDate = `${year}-${pad(month)}-${pad(dayOfMonth)}`;
    const state = i % 10;
    const lead = state === 0 ? PROPOSER[district] : LEADS[district][Math.floor(i / 4) % LEADS[district].length];
    const personId = stableId("person", `caseload-${i}`);
    const created = at(-200 + i * 2);
    rows.people.push({
      id: personId,
      surname: female ? `${surnameRoot}а` : surnameRoot,
      givenName: female ? FEMALE[i % FEMALE.length] : MALE[i % MALE.length],
      patronymic: female ? `${father}овна` : `${father}ович`,
      pin: `${female ? 1 : 2}${pad(dayOfMonth)}${pad(month)}${year}999${pad(20 + i)}`,
      birthDate,
      address: `${CITY[district]}, ул. Демо-Садовая, д. ${i + 1}`,
      phone: i % 3 === 0 ? null : `+996 555 100 ${pad(i, 3)}`,
      notes: i % 5 === 0 ? "Демо-запись: семья переехала в этом году." : null,
      sex: female ? "female" : "male",
      birthYear: year,
      territoryId,
      ownerAgencyId: agencyOf(lead),
      createdById: userId(lead),
    });
    event(personId, "person", personId, "person.created", lead, created);

    const planId = stableId("plan", `caseload-${i}`);
    const status = state <= 1 ? "draft" : state === 7 ? "closure_requested" : state === 8 ? "closed" : "active";
    const opened = at(-190 + i * 2);
    const reviewDue = { 2: at(5), 3: at(40), 4: at(-3), 5: at(60), 6: at(10), 7: null, 8: null, 9: at(-20) } as Record<number, Date | null>;
    const closing = state === 7 || state === 8;
    rows.plans.push({
      id: planId,
      personId,
      status,
      isProposal: state === 0,
      grounds: GROUNDS[i % GROUNDS.length],
      groundsOther: GROUNDS[i % GROUNDS.length].includes("other") ? "Ребёнок часто остаётся без присмотра вечером" : null,
      leadUserId: userId(lead),
      leadAgencyId: agencyOf(lead),
      territoryId,
      reviewIntervalMonths: i % 6 === 0 ? 2 : 3,
      nextReviewDue: state >= 2 ? (reviewDue[state] ?? null) : null,
      parentInvolvement: state === 0 ? null : "Мать приходит на встречи, отец на заработках за границей",
      childView: state === 0 ? null : "Хочет заниматься спортом и не менять школу",
      closureReason: closing ? "rehabilitated" : null,
      closureJustification: closing ? "Все цели выполнены, посещаемость полная, риск низкий" : null,
      closureRequestedAt: closing ? at(-6) : null,
      closureRequestedById: closing ? userId(lead) : null,
      closureDecisionComment: state === 8 ? "Согласовано" : null,
      closedAt: state === 8 ? at(-2) : null,
      closedById: state === 8 ? userId(SUPERVISOR[district]) : null,
      version: 1,
      createdById: userId(lead),
      createdAt: opened,
      updatedAt: opened,
    });
    event(personId, "support_plan", planId, state === 0 ? "support_plan.proposed" : "support_plan.opened", lead, opened);
    if (state === 0) continue;

    // Team: two or three members from other agencies than the lead's.
    const team = TEAM[district].filter((username) => username !== lead && agencyOf(username) !== agencyOf(lead));
    const size = state === 1 ? 1 : 2 + (i % 2);
    const members = Array.from({ length: Math.min(size, team.length) }, (_, k) => team[(i + k) % team.length]).filter((v, k, all) => all.indexOf(v) === k);
    members.forEach((username, k) => {
      const added = at(-188 + i * 2, k + 1);
      rows.members.push({
        id: stableId("plan-member", `caseload-${i}-${username}`),
        planId,
        userId: userId(username),
        agencyId: agencyOf(username),
        roleInPlan: ROLE_IN_PLAN[username.replace(/-(osh|sokuluk)$/, "")] ?? "Участник команды",
        addedById: userId(lead),
        addedAt: added,
        removedAt: null,
      });
      event(personId, "support_plan", planId, "support_plan.member_added", lead, added);
    });
    if (status === "draft") continue;
    event(personId, "support_plan", planId, "support_plan.activated", lead, at(-187 + i * 2));

    // Goals in every status; the closing plans have every goal assessed (rehabilitated needs it).
    const statuses = closing ? (["done", "done", "not_done"] as const) : (["planned", "in_progress", "done", "not_done"] as const);
    for (let g = 0; g < 3; g++) {
      const goalStatus = statuses[(i + g) % statuses.length];
      const responsible = g === 0 ? lead : members[g % members.length];
      const named = g !== 2 || i % 3 !== 0;
      rows.goals.push({
        id: stableId("plan-goal", `caseload-${i}-${g}`),
        planId,
        text: GOAL_TEXTS[(i + g) % GOAL_TEXTS.length],
        responsibleAgencyId: agencyOf(responsible),
        responsibleUserId: named ? userId(responsible) : null,
        dueDate: day([-10, 7, 30][g] + (i % 5)),
        status: goalStatus,
        notDoneReason: goalStatus === "not_done" ? "Семья отказалась от участия" : null,
        version: 1,
        createdAt: at(-186 + i * 2, g),
        updatedAt: at(-186 + i * 2, g),
      });
      event(personId, "support_plan", planId, "support_plan.goal_added", lead, at(-186 + i * 2, g));
    }
    // Reviews with risk ratings.
    const reviewCount = closing ? 2 : i % 3;
    for (let r = 0; r < reviewCount; r++) {
      const reviewed = day(-90 + r * 60 - (i % 7));
      rows.reviews.push({
        id: stableId("plan-review", `caseload-${i}-${r}`),
        planId,
        reviewedOn: reviewed,
        progressNote: ["Посещаемость улучшилась, конфликтов в семье меньше", "Ребёнок посещает кружок, оценки стабильные", "Есть пропуски, мать просит помощи"][
          (i + r) % 3
        ],
        riskRating: state === 9 ? "high" : closing ? "low" : (["low", "medium", "high"] as const)[(i + r) % 3],
        decision: closing && r === reviewCount - 1 ? "request_closure" : r % 2 === 0 ? "continue" : "change_goals",
        authorUserId: userId(lead),
        createdAt: new Date(reviewed.getTime() + 10 * 60 * 60 * 1000),
      });
      event(personId, "support_plan", planId, "support_plan.review_recorded", lead, new Date(reviewed.getTime() + 10 * 60 * 60 * 1000));
    }
    if (closing) event(personId, "support_plan", planId, "support_plan.closure_requested", lead, at(-6));
    if (state === 8) event(personId, "support_plan", planId, "support_plan.closure_approved", SUPERVISOR[district], at(-2));
  }
  return rows;
}

/** Demo staff accounts beyond one-per-role (DEMO_STAFF). */
export async function demoStaffRows(): Promise<Prisma.UserCreateManyInput[]> {
  return Promise.all(
    DEMO_STAFF.map((user) =>
      buildUser({
        username: user.username,
        displayName: user.displayName,
        roles: [user.role],
        agencyId: agencyOf(user.username),
        password: DEMO_PASSWORD,
        enrolled: user.enrolled,
      }),
    ),
  );
}
