import type { AgencyType, Role } from "~/generated/prisma/client.ts";

/** The demo password of every demo account (README). Never used outside demo mode. */
export const DEMO_PASSWORD = "Kamkor-demo-2026";

export type DemoUser = {
  username: string;
  displayName: string;
  role: Role;
  agencyType: AgencyType;
  /** A DEMO_DISTRICTS key, or a DEMO_REGIONAL_AGENCIES key for regional staff. */
  districtKey: string;
  enrolled?: boolean;
};

/** One demo user per role (all in Leninsky district of Bishkek), plus one not yet enrolled in TOTP. */
export const DEMO_USERS: DemoUser[] = [
  { username: "pedagogue", displayName: "Айгуль Осмонова", role: "social_pedagogue", agencyType: "school", districtKey: "bishkek-len" },
  { username: "psychologist", displayName: "Жылдыз Токтосунова", role: "school_psychologist", agencyType: "school", districtKey: "bishkek-len" },
  { username: "inspector", displayName: "Бакыт Асанов", role: "juvenile_inspector", agencyType: "police_department", districtKey: "bishkek-len" },
  { username: "officer", displayName: "Эрлан Джумабаев", role: "police_officer", agencyType: "police_department", districtKey: "bishkek-len" },
  { username: "socialworker", displayName: "Назира Абдыкадырова", role: "social_worker", agencyType: "social_services", districtKey: "bishkek-len" },
  { username: "provider", displayName: "Гульнара Сыдыкова", role: "service_provider", agencyType: "crisis_centre", districtKey: "bishkek-len" },
  { username: "supervisor", displayName: "Марат Исаков", role: "supervisor", agencyType: "social_services", districtKey: "bishkek-len" },
  { username: "analyst", displayName: "Светлана Ким", role: "analyst", agencyType: "coordination_commission", districtKey: "bishkek-len" },
  { username: "admin", displayName: "Тимур Алиев", role: "admin", agencyType: "local_government", districtKey: "bishkek-len" },
  { username: "auditor", displayName: "Чолпон Бейшеева", role: "auditor", agencyType: "coordination_commission", districtKey: "bishkek-len" },
  { username: "newcomer", displayName: "Данияр Мамытов", role: "social_worker", agencyType: "social_services", districtKey: "osh", enrolled: false },
];

/**
 * More demo staff for the demo caseload (seeds/caseload.ts): a second lead pair in Bishkek,
 * health and NGO team members, and leads, pedagogues and supervisors in Osh and Sokuluk, so
 * every role sees a realistic caseload; and a regional supervisor for Chuy region (Sokuluk's
 * overdue escalations). Same password; TOTP secrets from demoTotpSecret.
 */
export const DEMO_STAFF: DemoUser[] = [
  { username: "inspector2", displayName: "Улукбек Сарыбаев", role: "juvenile_inspector", agencyType: "police_department", districtKey: "bishkek-len" },
  { username: "socialworker2", displayName: "Айнура Кочкорова", role: "social_worker", agencyType: "social_services", districtKey: "bishkek-len" },
  { username: "nurse", displayName: "Мира Абдыкеримова", role: "service_provider", agencyType: "health_facility", districtKey: "bishkek-len" },
  { username: "ngoworker", displayName: "Алина Цой", role: "service_provider", agencyType: "ngo", districtKey: "bishkek-len" },
  { username: "inspector-osh", displayName: "Руслан Ташиев", role: "juvenile_inspector", agencyType: "police_department", districtKey: "osh" },
  { username: "socialworker-osh", displayName: "Гульмира Юсупова", role: "social_worker", agencyType: "social_services", districtKey: "osh" },
  { username: "pedagogue-osh", displayName: "Дилноза Каримова", role: "social_pedagogue", agencyType: "school", districtKey: "osh" },
  { username: "supervisor-osh", displayName: "Бахтияр Эргешов", role: "supervisor", agencyType: "social_services", districtKey: "osh" },
  { username: "inspector-sokuluk", displayName: "Максат Жолдошев", role: "juvenile_inspector", agencyType: "police_department", districtKey: "sokuluk" },
  { username: "socialworker-sokuluk", displayName: "Венера Султанова", role: "social_worker", agencyType: "social_services", districtKey: "sokuluk" },
  { username: "pedagogue-sokuluk", displayName: "Эльмира Бакирова", role: "social_pedagogue", agencyType: "school", districtKey: "sokuluk" },
  { username: "supervisor-sokuluk", displayName: "Канатбек Орозов", role: "supervisor", agencyType: "social_services", districtKey: "sokuluk" },
  { username: "supervisor-chui", displayName: "Айжан Мукашева", role: "supervisor", agencyType: "social_services", districtKey: "chui-region" },
  // Protection orders (seeds/orders.ts): the police supervisor of the demo officer's department
  // (board, hand-overs, extensions) and a second officer of the same department to hand orders to.
  { username: "supervisor-police", displayName: "Жоомарт Тилеков", role: "supervisor", agencyType: "police_department", districtKey: "bishkek-len" },
  { username: "officer2", displayName: "Нурдин Абылкасымов", role: "police_officer", agencyType: "police_department", districtKey: "bishkek-len" },
];
