import type { AgencyType, Sex } from "~/generated/prisma/client.ts";

/**
 * Demo people: synthetic, not real persons. Names are common Kyrgyz/Russian-sounding names put
 * together at random; addresses are on made-up "Demo" streets; PINs follow the Kyrgyz layout
 * (sex digit 1/2, birth date DDMMYYYY, 5 digits) but their last five digits always start with
 * 999, a range used here only for demo data. Stored encrypted like real data.
 */
// No demo person shares a name with a demo staff account (seeds/data/users.ts): tests look for
// these names in raw tables and database dumps, where staff names are legitimately in the clear.
export type DemoPerson = {
  /** Stable key: the id is stableId("person", key). */
  key: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  sex: Sex;
  /** ISO yyyy-mm-dd. */
  birthDate: string;
  pin: string | null;
  address: string | null;
  phone: string | null;
  notes: string | null;
  agencyType: AgencyType;
  districtKey: "bishkek-len" | "osh" | "sokuluk";
  /** Username of the demo user recorded as creator. */
  createdBy: string;
};

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    key: "asanaliev-nurbek",
    surname: "Асаналиев",
    givenName: "Нурбек",
    patronymic: "Бакытович",
    sex: "male",
    birthDate: "2012-03-15",
    pin: "21503201299901",
    address: "г. Бишкек, ул. Демо-Тестовая, д. 1, кв. 12",
    phone: "+996 555 000 101",
    notes: "Демо-запись: пропуски занятий с сентября.",
    agencyType: "school",
    districtKey: "bishkek-len",
    createdBy: "pedagogue",
  },
  {
    key: "orozbekova-aiperi",
    surname: "Орозбекова",
    givenName: "Айпери",
    patronymic: "Талантовна",
    sex: "female",
    birthDate: "2010-09-02",
    pin: "10209201099902",
    address: "г. Бишкек, ул. Демо-Тестовая, д. 7",
    phone: null,
    notes: null,
    agencyType: "school",
    districtKey: "bishkek-len",
    createdBy: "psychologist",
  },
  {
    key: "khegai-viktoriya",
    surname: "Хегай",
    givenName: "Виктория",
    patronymic: "Сергеевна",
    sex: "female",
    birthDate: "2014-01-20",
    pin: "12001201499903",
    address: "г. Бишкек, мкр. Демо-Южный, д. 3, кв. 45",
    phone: "+996 700 000 103",
    notes: null,
    agencyType: "police_department",
    districtKey: "bishkek-len",
    createdBy: "inspector",
  },
  {
    key: "toktogulov-emir",
    surname: "Токтогулов",
    givenName: "Эмир",
    patronymic: "Азаматович",
    sex: "male",
    birthDate: "2009-11-30",
    pin: "23011200999904",
    address: null,
    phone: null,
    notes: "Демо-запись: доставлен в ОВД, передан законному представителю.",
    agencyType: "police_department",
    districtKey: "bishkek-len",
    createdBy: "officer",
  },
  {
    key: "jeenbekova-guliza",
    surname: "Жээнбекова",
    givenName: "Гулиза",
    patronymic: "Маратовна",
    sex: "female",
    birthDate: "1986-06-07",
    pin: "10706198699905",
    address: "г. Бишкек, ул. Демо-Садовая, д. 22",
    phone: "+996 555 000 105",
    notes: null,
    agencyType: "social_services",
    districtKey: "bishkek-len",
    createdBy: "socialworker",
  },
  {
    key: "bekmuratov-arsen",
    surname: "Бекмуратов",
    givenName: "Арсен",
    patronymic: null,
    sex: "male",
    birthDate: "2016-05-12",
    pin: null,
    address: null,
    phone: null,
    notes: null,
    agencyType: "crisis_centre",
    districtKey: "bishkek-len",
    createdBy: "provider",
  },
  {
    key: "abdullaev-behzod",
    surname: "Абдуллаев",
    givenName: "Бехзод",
    patronymic: "Рустамович",
    sex: "male",
    birthDate: "2011-04-18",
    pin: "21804201199907",
    address: "г. Ош, ул. Демо-Нагорная, д. 5",
    phone: "+996 770 000 107",
    notes: null,
    agencyType: "social_services",
    districtKey: "osh",
    createdBy: "newcomer",
  },
  {
    key: "tashieva-meerim",
    surname: "Ташиева",
    givenName: "Мээрим",
    patronymic: "Улановна",
    sex: "female",
    birthDate: "2013-07-09",
    pin: "10907201399908",
    address: "г. Ош, ул. Демо-Береговая, д. 14, кв. 2",
    phone: null,
    notes: null,
    agencyType: "social_services",
    districtKey: "osh",
    createdBy: "newcomer",
  },
  {
    key: "omurbekova-umut",
    surname: "Өмүрбекова",
    givenName: "Үмүт",
    patronymic: "Нурлановна",
    sex: "female",
    birthDate: "2008-10-25",
    pin: "12510200899909",
    address: "г. Ош, ул. Демо-Тестовая, д. 9",
    phone: "+996 555 000 109",
    notes: null,
    agencyType: "social_services",
    districtKey: "osh",
    createdBy: "newcomer",
  },
  {
    key: "seyitov-bekjan",
    surname: "Сейитов",
    givenName: "Бекжан",
    patronymic: "Алмазович",
    sex: "male",
    birthDate: "2010-02-14",
    pin: "21402201099910",
    address: "с. Демо-Сокулук, ул. Демо-Центральная, д. 31",
    phone: null,
    notes: null,
    agencyType: "police_department",
    districtKey: "sokuluk",
    // No demo account works in Sokuluk: the Leninsky juvenile inspector recorded the referral.
    createdBy: "inspector",
  },
  {
    key: "yolkina-anna",
    surname: "Ёлкина",
    givenName: "Анна",
    patronymic: "Петровна",
    sex: "female",
    birthDate: "2012-12-01",
    pin: "10112201299911",
    address: "с. Демо-Сокулук, ул. Демо-Речная, д. 4",
    phone: "+996 700 000 111",
    notes: null,
    agencyType: "social_services",
    districtKey: "sokuluk",
    createdBy: "inspector",
  },
  {
    key: "isaev-adilet",
    surname: "Исаев",
    givenName: "Адилет",
    patronymic: "Эрланович",
    sex: "male",
    birthDate: "2007-08-03",
    pin: "20308200799912",
    address: null,
    phone: null,
    notes: "Демо-запись: направлен в центр пробации.",
    agencyType: "probation_office",
    districtKey: "sokuluk",
    createdBy: "inspector",
  },
];
