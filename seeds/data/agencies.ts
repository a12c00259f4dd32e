import type { AgencyType } from "~/generated/prisma/client.ts";

/**
 * Demo agencies: every agency type in three districts (Leninsky district of Bishkek, Osh
 * city, Sokuluk district of Chuy region). Names are made up for the demo; only the territory
 * names are real.
 */
export const DEMO_DISTRICTS = [
  { code: "KG-GB-LEN", key: "bishkek-len", ru: "Ленинского района г. Бишкек", ky: "Бишкек ш., Ленин району", en: "Leninsky District, Bishkek", school: 41 },
  { code: "KG-GO-OSH", key: "osh", ru: "г. Ош", ky: "Ош шаары", en: "Osh City", school: 17 },
  { code: "KG-C-SOK", key: "sokuluk", ru: "Сокулукского района", ky: "Сокулук району", en: "Sokuluk District", school: 3 },
] as const;

/**
 * Demo agencies of a whole region: the supervisors' supervisor for the region's districts
 * (decision 019 — overdue safety assessments of Sokuluk escalate to Chuy region too).
 */
export const DEMO_REGIONAL_AGENCIES = [
  {
    code: "KG-C",
    key: "chui-region",
    type: "social_services",
    ru: "Управление социального развития Чуйской области",
    ky: "Чүй облусунун социалдык өнүктүрүү башкармалыгы",
    en: "Social Development Office, Chuy Region",
  },
] as const satisfies readonly { code: string; key: string; type: AgencyType; ru: string; ky: string; en: string }[];

type Names = (d: (typeof DEMO_DISTRICTS)[number]) => { ru: string; ky: string; en: string };

export const AGENCY_NAMES: Record<AgencyType, Names> = {
  police_department: (d) => ({ ru: `ОВД ${d.ru}`, ky: `Ички иштер бөлүмү (${d.ky})`, en: `Police Department, ${d.en}` }),
  school: (d) => ({ ru: `Средняя школа № ${d.school} (${d.en === "Osh City" ? "г. Ош" : d.ru})`, ky: `№ ${d.school} орто мектеп (${d.ky})`, en: `Secondary School No. ${d.school}, ${d.en}` }),
  social_services: (d) => ({ ru: `Управление социального развития ${d.ru}`, ky: `Социалдык өнүктүрүү башкармалыгы (${d.ky})`, en: `Social Development Office, ${d.en}` }),
  health_facility: (d) => ({ ru: `Центр семейной медицины ${d.ru}`, ky: `Үй-бүлөлүк медицина борбору (${d.ky})`, en: `Family Medicine Centre, ${d.en}` }),
  shelter: (d) => ({ ru: `Кризисный приют «Демо-Кайрат» (${d.en === "Osh City" ? "г. Ош" : d.ru})`, ky: `«Демо-Кайрат» баш калкалоочу жайы (${d.ky})`, en: `Demo-Kairat Shelter, ${d.en}` }),
  crisis_centre: (d) => ({ ru: `Кризисный центр «Демо-Ишеним» (${d.en === "Osh City" ? "г. Ош" : d.ru})`, ky: `«Демо-Ишеним» кризистик борбору (${d.ky})`, en: `Demo-Ishenim Crisis Centre, ${d.en}` }),
  psychological_service: (d) => ({ ru: `Психологическая служба ${d.ru}`, ky: `Психологиялык кызмат (${d.ky})`, en: `Psychological Service, ${d.en}` }),
  legal_aid: (d) => ({ ru: `Центр бесплатной юридической помощи ${d.ru}`, ky: `Акысыз юридикалык жардам борбору (${d.ky})`, en: `Free Legal Aid Centre, ${d.en}` }),
  ngo: (d) => ({ ru: `Общественный фонд «Демо-Бала» (${d.en === "Osh City" ? "г. Ош" : d.ru})`, ky: `«Демо-Бала» коомдук фонду (${d.ky})`, en: `Demo-Bala Public Foundation, ${d.en}` }),
  local_government: (d) => ({ ru: `Мэрия / айыл окмоту ${d.ru}`, ky: `Мэрия / айыл өкмөтү (${d.ky})`, en: `Local Government, ${d.en}` }),
  probation_office: (d) => ({ ru: `Орган пробации ${d.ru}`, ky: `Пробация органы (${d.ky})`, en: `Probation Office, ${d.en}` }),
  coordination_commission: (d) => ({ ru: `Комиссия по делам детей ${d.ru}`, ky: `Балдардын иштери боюнча комиссия (${d.ky})`, en: `Children's Affairs Commission, ${d.en}` }),
};
