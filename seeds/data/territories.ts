/**
 * Territories of the Kyrgyz Republic: the 7 regions, the cities of republican significance
 * Bishkek and Osh, and their districts and cities of regional significance (public
 * administrative names; codes follow ISO 3166-2:KG for the top level).
 */
export type TerritorySeed = {
  code: string;
  kind: "region" | "city_republican" | "district" | "city";
  nameRu: string;
  nameKy: string;
  nameEn: string;
  children?: TerritorySeed[];
};

const district = (code: string, nameRu: string, nameKy: string, nameEn: string): TerritorySeed => ({
  code,
  kind: "district",
  nameRu,
  nameKy,
  nameEn,
});
const city = (code: string, nameRu: string, nameKy: string, nameEn: string): TerritorySeed => ({
  code,
  kind: "city",
  nameRu,
  nameKy,
  nameEn,
});

export const TERRITORIES: TerritorySeed[] = [
  {
    code: "KG-GB", kind: "city_republican", nameRu: "г. Бишкек", nameKy: "Бишкек шаары", nameEn: "Bishkek City",
    children: [
      district("KG-GB-LEN", "Ленинский район г. Бишкек", "Бишкек шаарынын Ленин району", "Leninsky District, Bishkek"),
      district("KG-GB-OKT", "Октябрьский район г. Бишкек", "Бишкек шаарынын Октябрь району", "Oktyabrsky District, Bishkek"),
      district("KG-GB-PER", "Первомайский район г. Бишкек", "Бишкек шаарынын Биринчи Май району", "Pervomaisky District, Bishkek"),
      district("KG-GB-SVE", "Свердловский район г. Бишкек", "Бишкек шаарынын Свердлов району", "Sverdlovsky District, Bishkek"),
    ],
  },
  {
    code: "KG-GO", kind: "city_republican", nameRu: "г. Ош", nameKy: "Ош шаары", nameEn: "Osh City",
    children: [city("KG-GO-OSH", "г. Ош", "Ош шаары", "Osh")],
  },
  {
    code: "KG-B", kind: "region", nameRu: "Баткенская область", nameKy: "Баткен облусу", nameEn: "Batken Region",
    children: [
      district("KG-B-BAT", "Баткенский район", "Баткен району", "Batken District"),
      district("KG-B-KAD", "Кадамжайский район", "Кадамжай району", "Kadamjay District"),
      district("KG-B-LEI", "Лейлекский район", "Лейлек району", "Leilek District"),
      city("KG-B-CBAT", "г. Баткен", "Баткен шаары", "Batken"),
      city("KG-B-CKK", "г. Кызыл-Кия", "Кызыл-Кыя шаары", "Kyzyl-Kiya"),
      city("KG-B-CSUL", "г. Сулюкта", "Сүлүктү шаары", "Sulukta"),
    ],
  },
  {
    code: "KG-J", kind: "region", nameRu: "Джалал-Абадская область", nameKy: "Жалал-Абад облусу", nameEn: "Jalal-Abad Region",
    children: [
      district("KG-J-AKS", "Аксыйский район", "Аксы району", "Aksy District"),
      district("KG-J-ALB", "Ала-Букинский район", "Ала-Бука району", "Ala-Buka District"),
      district("KG-J-BAZ", "Базар-Коргонский район", "Базар-Коргон району", "Bazar-Korgon District"),
      district("KG-J-CHA", "Чаткальский район", "Чаткал району", "Chatkal District"),
      district("KG-J-NOO", "Ноокенский район", "Ноокен району", "Nooken District"),
      district("KG-J-SUZ", "Сузакский район", "Сузак району", "Suzak District"),
      district("KG-J-TOG", "Тогуз-Тороуский район", "Тогуз-Торо району", "Toguz-Toro District"),
      district("KG-J-TOK", "Токтогульский район", "Токтогул району", "Toktogul District"),
      city("KG-J-CJA", "г. Джалал-Абад", "Жалал-Абад шаары", "Jalal-Abad"),
      city("KG-J-CKK", "г. Кара-Куль", "Кара-Көл шаары", "Kara-Kul"),
      city("KG-J-CMS", "г. Майлуу-Суу", "Майлуу-Суу шаары", "Mailuu-Suu"),
      city("KG-J-CTK", "г. Таш-Кумыр", "Таш-Көмүр шаары", "Tash-Kumyr"),
    ],
  },
  {
    code: "KG-Y", kind: "region", nameRu: "Иссык-Кульская область", nameKy: "Ысык-Көл облусу", nameEn: "Issyk-Kul Region",
    children: [
      district("KG-Y-AKS", "Ак-Суйский район", "Ак-Суу району", "Ak-Suu District"),
      district("KG-Y-ISS", "Иссык-Кульский район", "Ысык-Көл району", "Issyk-Kul District"),
      district("KG-Y-JET", "Джети-Огузский район", "Жети-Өгүз району", "Jeti-Oguz District"),
      district("KG-Y-TON", "Тонский район", "Тоң району", "Ton District"),
      district("KG-Y-TUP", "Тюпский район", "Түп району", "Tup District"),
      city("KG-Y-CKAR", "г. Каракол", "Каракол шаары", "Karakol"),
      city("KG-Y-CBAL", "г. Балыкчы", "Балыкчы шаары", "Balykchy"),
    ],
  },
  {
    code: "KG-N", kind: "region", nameRu: "Нарынская область", nameKy: "Нарын облусу", nameEn: "Naryn Region",
    children: [
      district("KG-N-AKT", "Ак-Талинский район", "Ак-Талаа району", "Ak-Talaa District"),
      district("KG-N-ATB", "Ат-Башинский район", "Ат-Башы району", "At-Bashy District"),
      district("KG-N-JUM", "Жумгальский район", "Жумгал району", "Jumgal District"),
      district("KG-N-KOC", "Кочкорский район", "Кочкор району", "Kochkor District"),
      district("KG-N-NAR", "Нарынский район", "Нарын району", "Naryn District"),
      city("KG-N-CNAR", "г. Нарын", "Нарын шаары", "Naryn"),
    ],
  },
  {
    code: "KG-O", kind: "region", nameRu: "Ошская область", nameKy: "Ош облусу", nameEn: "Osh Region",
    children: [
      district("KG-O-ALA", "Алайский район", "Алай району", "Alay District"),
      district("KG-O-ARA", "Араванский район", "Араван району", "Aravan District"),
      district("KG-O-CHA", "Чон-Алайский район", "Чоң-Алай району", "Chon-Alay District"),
      district("KG-O-KKU", "Кара-Кульджинский район", "Кара-Кулжа району", "Kara-Kulja District"),
      district("KG-O-KSU", "Кара-Суйский район", "Кара-Суу району", "Kara-Suu District"),
      district("KG-O-NOO", "Ноокатский район", "Ноокат району", "Nookat District"),
      district("KG-O-UZG", "Узгенский район", "Өзгөн району", "Uzgen District"),
    ],
  },
  {
    code: "KG-T", kind: "region", nameRu: "Таласская область", nameKy: "Талас облусу", nameEn: "Talas Region",
    children: [
      district("KG-T-BAK", "Бакай-Атинский район", "Бакай-Ата району", "Bakay-Ata District"),
      district("KG-T-KAR", "Кара-Бууринский район", "Кара-Буура району", "Kara-Buura District"),
      district("KG-T-MAN", "Манасский район", "Манас району", "Manas District"),
      district("KG-T-TAL", "Таласский район", "Талас району", "Talas District"),
      city("KG-T-CTAL", "г. Талас", "Талас шаары", "Talas"),
    ],
  },
  {
    code: "KG-C", kind: "region", nameRu: "Чуйская область", nameKy: "Чүй облусу", nameEn: "Chuy Region",
    children: [
      district("KG-C-ALA", "Аламудунский район", "Аламүдүн району", "Alamudun District"),
      district("KG-C-CHU", "Чуйский район", "Чүй району", "Chuy District"),
      district("KG-C-JAI", "Жайылский район", "Жайыл району", "Jayil District"),
      district("KG-C-KEM", "Кеминский район", "Кемин району", "Kemin District"),
      district("KG-C-MOS", "Московский район", "Москва району", "Moskva District"),
      district("KG-C-PAN", "Панфиловский район", "Панфилов району", "Panfilov District"),
      district("KG-C-SOK", "Сокулукский район", "Сокулук району", "Sokuluk District"),
      district("KG-C-YSY", "Ысык-Атинский район", "Ысык-Ата району", "Ysyk-Ata District"),
      city("KG-C-CTOK", "г. Токмок", "Токмок шаары", "Tokmok"),
    ],
  },
];
