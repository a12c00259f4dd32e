import type { AgencyType, Role } from "~/generated/prisma/client.ts";

/** The demo password of every demo account (README). Never used outside demo mode. */
export const DEMO_PASSWORD = "Kamkor-demo-2026";

export type DemoUser = {
  username: string;
  displayName: string;
  role: Role;
  agencyType: AgencyType;
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
