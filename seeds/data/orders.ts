import type { Sex } from "~/generated/prisma/client.ts";
import type { ConditionKind, OrderReasonName } from "~/modules/protection-orders/orders.schema";

/**
 * Demo protection orders (issue 11) for the demo officer's district (Leninsky district of
 * Bishkek): synthetic adults and children, owned by the district's police department, and one
 * order in every state the board and the order page show. Names are common Kyrgyz/Russian-sounding
 * names put together at random (none equals a demo staff account); addresses are on made-up
 * "Demo" streets; PINs follow the project's synthetic layout (sex digit 1 female / 2 male, birth
 * date DDMMYYYY, then 999 and two digits, a range used only for demo data).
 *
 * Times are hours relative to the moment of seeding (seeds/orders.ts), so "expiring within 48 h"
 * or "check overdue" stay true on a fresh start. The rule set in force is kg-2017-63 (3-day
 * orders, extendable to 30 days in all; checks every 7 / 5 / 3 days by risk level).
 */

export type DemoOrderPerson = {
  key: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  sex: Sex;
  birthDate: string;
  /** Synthetic; null when the officer does not know it (a respondent without documents). */
  pin: string | null;
  address: string | null;
  phone: string | null;
};

const person = (
  key: string,
  surname: string,
  givenName: string,
  patronymic: string | null,
  sex: Sex,
  birthDate: string,
  suffix: string | null,
  address: string | null,
  phone: string | null,
): DemoOrderPerson => {
  const [year, month, day] = birthDate.split("-");
  return { key, surname, givenName, patronymic, sex, birthDate, pin: suffix ? `${sex === "female" ? 1 : 2}${day}${month}${year}999${suffix}` : null, address, phone };
};

export const DEMO_ORDER_PEOPLE: DemoOrderPerson[] = [
  // Protected people (women and men).
  person("po-sultanbekova-kanykei", "Султанбекова", "Каныкей", "Асылбековна", "female", "1991-04-12", "91", "г. Бишкек, ул. Демо-Кольцевая, д. 4, кв. 17", "+996 555 200 001"),
  person("po-abdieva-meerim", "Абдиева", "Мээрим", "Талантбековна", "female", "1988-11-03", "92", "г. Бишкек, ул. Демо-Речная, д. 19", "+996 555 200 002"),
  person("po-temirova-aidana", "Темирова", "Айдана", "Эркиновна", "female", "1995-02-27", "93", "г. Бишкек, мкр. Демо-Восток, д. 8, кв. 3", "+996 555 200 003"),
  person("po-kasymova-gulnaz", "Касымова", "Гульназ", "Маратовна", "female", "1984-07-19", "94", "г. Бишкек, ул. Демо-Садовая, д. 40", "+996 555 200 004"),
  person("po-nurmatova-zhibek", "Нурматова", "Жибек", "Алмазовна", "female", "1999-09-09", "95", "г. Бишкек, ул. Демо-Тополиная, д. 2", "+996 555 200 005"),
  person("po-omurova-saltanat", "Омурова", "Салтанат", "Кубанычбековна", "female", "1979-01-30", "96", "г. Бишкек, ул. Демо-Горная, д. 11, кв. 5", "+996 555 200 006"),
  person("po-zhusupova-aisuluu", "Жусупова", "Айсулуу", "Бакытовна", "female", "2007-05-14", "97", "г. Бишкек, ул. Демо-Полевая, д. 6", "+996 555 200 007"),
  person("po-isaeva-nazgul", "Исаева", "Назгуль", "Жолдошбековна", "female", "1993-12-01", "98", "г. Бишкек, мкр. Демо-Запад, д. 21, кв. 60", "+996 555 200 008"),
  person("po-mamatov-kubat", "Маматов", "Кубат", "Токтомушевич", "male", "1952-03-08", "99", "г. Бишкек, ул. Демо-Степная, д. 15", "+996 555 200 009"),
  person("po-bekov-almaz", "Беков", "Алмаз", "Сапарович", "male", "1986-08-22", "00", "г. Бишкек, ул. Демо-Луговая, д. 9", "+996 555 200 010"),
  // Respondents.
  person("po-sultanbekov-ermek", "Султанбеков", "Эрмек", "Жумабекович", "male", "1989-06-05", "13", "г. Бишкек, ул. Демо-Кольцевая, д. 4, кв. 17", "+996 555 300 001"),
  person("po-abdiev-taalai", "Абдиев", "Таалай", "Нурланович", "male", "1985-10-17", "14", "г. Бишкек, ул. Демо-Речная, д. 19", "+996 555 300 002"),
  person("po-temirov-bolot", "Темиров", "Болот", "Шайлообекович", "male", "1992-01-09", "15", null, "+996 555 300 003"),
  person("po-kasymov-tynchtyk", "Касымов", "Тынчтык", "Эсенович", "male", "1981-04-28", "16", "г. Бишкек, ул. Демо-Садовая, д. 40", "+996 555 300 004"),
  person("po-osmonov-nurlan", "Осмонов", "Нурлан", null, "male", "1996-12-24", null, null, null),
  person("po-omurov-zhyrgal", "Омуров", "Жыргал", "Асанович", "male", "1977-07-07", "17", "г. Бишкек, ул. Демо-Горная, д. 11, кв. 5", "+996 555 300 006"),
  person("po-toktorov-daniel", "Токторов", "Даниэль", "Уланович", "male", "1998-03-16", "18", "с. Демо-Арча, ул. Центральная, д. 3", "+996 555 300 007"),
  person("po-mamatov-azamat", "Маматов", "Азамат", "Кубатович", "male", "1980-09-30", "19", "г. Бишкек, ул. Демо-Степная, д. 15", "+996 555 300 009"),
  person("po-bekova-dinara", "Бекова", "Динара", "Омурбековна", "female", "1990-02-11", "13", "г. Бишкек, ул. Демо-Луговая, д. 9", "+996 555 300 010"),
  // Children in the households (guardianship links below).
  person("po-sultanbekov-aibek", "Султанбеков", "Айбек", "Эрмекович", "male", "2016-10-02", "14", "г. Бишкек, ул. Демо-Кольцевая, д. 4, кв. 17", null),
  person("po-sultanbekova-aru", "Султанбекова", "Ару", "Эрмековна", "female", "2019-05-25", "15", "г. Бишкек, ул. Демо-Кольцевая, д. 4, кв. 17", null),
];

/** Guardianship links (child key → guardian keys with their relation): the household the order names. */
export const DEMO_ORDER_GUARDIANSHIPS: { child: string; guardian: string; relation: string }[] = [
  { child: "po-sultanbekov-aibek", guardian: "po-sultanbekova-kanykei", relation: "mother" },
  { child: "po-sultanbekov-aibek", guardian: "po-sultanbekov-ermek", relation: "father" },
  { child: "po-sultanbekova-aru", guardian: "po-sultanbekova-kanykei", relation: "mother" },
  { child: "po-sultanbekova-aru", guardian: "po-sultanbekov-ermek", relation: "father" },
];

export type DemoCondition = { kind: ConditionKind; distanceMetres?: number; details?: string };

/** A check: done (hours ago, how, outcome, notes) — the open planned check is derived from the risk level. */
export type DemoCheck = {
  doneAtHours: number;
  /** Written this many hours after it happened (> 24: shown as "recorded late"). */
  recordedAfterHours?: number;
  method: "visit" | "call" | "private_meeting";
  outcome: "complied" | "concern" | "violation_found" | "not_reached";
  note: string | null;
  protectedConfirmed: boolean | null;
  protectedStatement: string | null;
};

export type DemoOrder = {
  key: string;
  /** What the demo shows (documentation only). */
  shows: string;
  protected: string;
  respondent: string;
  children?: string[];
  reason: OrderReasonName;
  /** Hours relative to the seeding time (negative: in the past). */
  issuedAtHours: number;
  servedAtHours?: number;
  serviceNote?: string;
  narrative: string;
  conditions: DemoCondition[];
  /** Checklist items answered "yes" (the rest "no", except `unknown`). */
  riskYes: string[];
  riskUnknown?: string[];
  /** Professional judgement raising the computed level. */
  judgement?: { level: "medium" | "high"; reason: string };
  checks?: DemoCheck[];
  violations?: { occurredAtHours: number; condition: ConditionKind; description: string; action: "warning" | "administrative" | "criminal_referral" }[];
  /** After the violation: a new assessment is still pending (reassessment due 24 h after recording). */
  reassessmentPending?: boolean;
  extension?: { decidedAtHours: number; newExpiresAtHours: number; decisionReference: string };
  /** Ended: expired at its expiry, or revoked at `revokedAtHours` with a reason. */
  end?: { kind: "expired" } | { kind: "revoked"; revokedAtHours: number; reason: string };
  notices?: { kind: "served" | "expiring"; method: "phone" | "sms" | "in_person"; toldAtHours: number }[];
};

const D = 24;

export const DEMO_ORDERS: DemoOrder[] = [
  {
    key: "issued-not-served",
    shows: "issued, not yet served on the respondent (board: not served)",
    protected: "po-abdieva-meerim",
    respondent: "po-abdiev-taalai",
    reason: "physical",
    issuedAtHours: -5,
    narrative: "Демо: соседи вызвали милицию из-за криков; у пострадавшей синяки на руках, со слов — муж толкнул её на шкаф.",
    conditions: [{ kind: "no_violence" }, { kind: "no_contact" }, { kind: "no_approach", distanceMetres: 100 }],
    riskYes: ["escalation", "substance_use", "injuries_now", "children_in_home", "victim_fear", "coercive_control"],
  },
  {
    key: "served-child",
    shows: "served, never checked; two children in the household (juvenile inspectors alerted)",
    protected: "po-sultanbekova-kanykei",
    respondent: "po-sultanbekov-ermek",
    children: ["po-sultanbekov-aibek", "po-sultanbekova-aru"],
    reason: "psychological",
    issuedAtHours: -14,
    servedAtHours: -12,
    serviceNote: "Демо: вручён лично по месту работы, расписался.",
    narrative: "Демо: постоянные оскорбления и угрозы выгнать из дома при детях; дети боятся отца.",
    conditions: [{ kind: "no_violence" }, { kind: "no_whereabouts" }],
    riskYes: ["children_in_home", "children_harmed", "coercive_control", "economic_control"],
    riskUnknown: ["previous_orders"],
    judgement: { level: "medium", reason: "Демо: дети свидетели, мать без дохода — повышаю уровень." },
    notices: [{ kind: "served", method: "phone", toldAtHours: -11 }],
  },
  {
    key: "active-checked",
    shows: "active: served and checked twice, next check planned",
    protected: "po-temirova-aidana",
    respondent: "po-temirov-bolot",
    reason: "physical",
    issuedAtHours: -20,
    servedAtHours: -19,
    serviceNote: "Демо: вручён в отделении милиции.",
    narrative: "Демо: после ссоры сожитель ударил пострадавшую, забрал телефон; она ушла к сестре.",
    conditions: [{ kind: "no_violence" }, { kind: "no_contact" }],
    riskYes: ["separation", "stalking", "victim_fear", "injuries_now", "escalation", "isolation", "coercive_control"],
    checks: [
      {
        doneAtHours: -15,
        method: "call",
        outcome: "complied",
        note: "Демо: созвонились, жалоб нет.",
        protectedConfirmed: true,
        protectedStatement: "Демо: он не звонил и не приходил.",
      },
      {
        doneAtHours: -2,
        method: "private_meeting",
        outcome: "concern",
        note: "Демо: встреча без ответчика; он писал ей через знакомых.",
        protectedConfirmed: false,
        protectedStatement: "Демо: передавал через подругу, что «всё равно найдёт».",
      },
    ],
    notices: [{ kind: "served", method: "in_person", toldAtHours: -18 }],
  },
  {
    key: "extended-programme",
    shows: "extended by a court decision; the respondent must attend a correction programme",
    protected: "po-kasymova-gulnaz",
    respondent: "po-kasymov-tynchtyk",
    reason: "economic",
    issuedAtHours: -10 * D,
    servedAtHours: -10 * D + 3,
    serviceNote: "Демо: вручён дома в присутствии соседа.",
    narrative: "Демо: муж отбирает зарплату и документы, запрещает работать; были толчки и угрозы.",
    conditions: [{ kind: "no_violence" }, { kind: "attend_programme" }, { kind: "other", details: "Демо: вернуть паспорт пострадавшей в течение трёх дней." }],
    riskYes: ["economic_control", "coercive_control", "isolation"],
    checks: [
      { doneAtHours: -9 * D, method: "visit", outcome: "complied", note: "Демо: паспорт возвращён.", protectedConfirmed: true, protectedStatement: null },
      {
        doneAtHours: -3 * D,
        recordedAfterHours: 30,
        method: "call",
        outcome: "complied",
        note: "Демо: записано с опозданием — не было связи.",
        protectedConfirmed: null,
        protectedStatement: null,
      },
    ],
    extension: { decidedAtHours: -7 * D - 4, newExpiresAtHours: 12 * D, decisionReference: "Демо: определение Ленинского районного суда № ДЕМО-2026-0412" },
    notices: [{ kind: "served", method: "sms", toldAtHours: -10 * D + 5 }],
  },
  {
    key: "expired-kept",
    shows: "expired, conditions kept (outcome kept)",
    protected: "po-nurmatova-zhibek",
    respondent: "po-osmonov-nurlan",
    reason: "psychological",
    issuedAtHours: -20 * D,
    servedAtHours: -20 * D + 2,
    narrative: "Демо: бывший сожитель преследовал у общежития и угрожал распространить фото.",
    conditions: [{ kind: "no_contact" }, { kind: "no_approach", distanceMetres: 200 }],
    riskYes: ["stalking", "separation"],
    checks: [{ doneAtHours: -18 * D, method: "call", outcome: "complied", note: null, protectedConfirmed: true, protectedStatement: null }],
    end: { kind: "expired" },
    notices: [
      { kind: "served", method: "phone", toldAtHours: -20 * D + 3 },
      { kind: "expiring", method: "phone", toldAtHours: -18 * D + 2 },
    ],
  },
  {
    key: "expired-violated",
    shows: "expired after a violation (outcome violated; the respondent is flagged as a repeat case)",
    protected: "po-omurova-saltanat",
    respondent: "po-omurov-zhyrgal",
    reason: "physical",
    issuedAtHours: -30 * D,
    servedAtHours: -30 * D + 4,
    narrative: "Демо: муж в состоянии опьянения избил пострадавшую, угрожал ножом.",
    conditions: [{ kind: "no_violence" }, { kind: "no_contact" }],
    riskYes: ["weapon", "substance_use", "escalation", "violent_record"],
    violations: [{ occurredAtHours: -29 * D, condition: "no_contact", description: "Демо: пришёл ночью, стучал в дверь и кричал.", action: "administrative" }],
    end: { kind: "expired" },
  },
  {
    key: "revoked",
    shows: "revoked with a reason",
    protected: "po-mamatov-kubat",
    respondent: "po-mamatov-azamat",
    reason: "neglect",
    issuedAtHours: -9 * D,
    servedAtHours: -9 * D + 2,
    narrative: "Демо: сын не даёт пожилому отцу лекарства и еду, забирает пенсию.",
    conditions: [{ kind: "no_violence" }, { kind: "other", details: "Демо: не распоряжаться пенсией отца." }],
    riskYes: ["economic_control", "isolation"],
    end: { kind: "revoked", revokedAtHours: -8 * D, reason: "Демо: ответчик выехал за пределы республики, угроза устранена — решение начальника ОВД." },
  },
  {
    key: "check-overdue",
    shows: "high risk, the planned check is a day overdue (escalated to the police supervisor by the sweep)",
    protected: "po-isaeva-nazgul",
    respondent: "po-toktorov-daniel",
    reason: "sexual",
    issuedAtHours: -8 * D,
    servedAtHours: -8 * D + 2,
    serviceNote: "Демо: ответчик отказался расписаться, вручено при понятых.",
    narrative: "Демо: бывший муж силой удерживал пострадавшую в квартире, было сексуальное насилие.",
    conditions: [{ kind: "no_violence" }, { kind: "no_contact" }, { kind: "no_whereabouts" }],
    riskYes: ["sexual_violence", "strangulation", "separation", "victim_fear"],
    checks: [{ doneAtHours: -4 * D, method: "visit", outcome: "complied", note: "Демо: ответчик по адресу не появлялся.", protectedConfirmed: true, protectedStatement: null }],
    extension: { decidedAtHours: -5 * D - 6, newExpiresAtHours: 6 * D, decisionReference: "Демо: определение суда № ДЕМО-2026-0377" },
  },
  {
    key: "expiring-soon",
    shows: "active, expires within 48 hours (the protected person should be told)",
    protected: "po-bekov-almaz",
    respondent: "po-bekova-dinara",
    reason: "psychological",
    issuedAtHours: -50,
    servedAtHours: -49,
    narrative: "Демо: жена систематически унижает мужа при родственниках, разбила его телефон, угрожает отобрать ребёнка.",
    conditions: [{ kind: "no_violence" }, { kind: "no_contact" }],
    riskYes: ["coercive_control", "escalation"],
    checks: [{ doneAtHours: -26, method: "visit", outcome: "complied", note: null, protectedConfirmed: true, protectedStatement: null }],
    notices: [{ kind: "served", method: "in_person", toldAtHours: -48 }],
  },
  {
    key: "violation-this-week",
    shows: "a violation two days ago, risk re-assessment still pending; the respondent breached an order before",
    protected: "po-zhusupova-aisuluu",
    respondent: "po-omurov-zhyrgal",
    reason: "bride_kidnapping",
    issuedAtHours: -7 * D,
    servedAtHours: -7 * D + 5,
    narrative: "Демо: 18-летнюю девушку принуждают к браку с ответчиком; угрожал увезти силой.",
    conditions: [{ kind: "no_contact" }, { kind: "no_approach", distanceMetres: 300 }, { kind: "no_whereabouts" }],
    riskYes: ["threat_to_kill", "previous_breach", "previous_orders", "stalking", "victim_fear", "violent_record"],
    checks: [{ doneAtHours: -2 * D - 6, method: "private_meeting", outcome: "complied", note: null, protectedConfirmed: true, protectedStatement: null }],
    violations: [{ occurredAtHours: -2 * D, condition: "no_approach", description: "Демо: ждал у колледжа, пытался усадить в машину.", action: "criminal_referral" }],
    reassessmentPending: true,
    extension: { decidedAtHours: -4 * D - 2, newExpiresAtHours: 7 * D, decisionReference: "Демо: определение суда № ДЕМО-2026-0391" },
  },
];
