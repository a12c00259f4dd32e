import type { RiskInstrument } from "~/modules/protection-orders/risk-instrument";
import type { LocalisedText } from "~/modules/screenings/instruments";

/**
 * Kamkor's own family-violence risk checklist, version 1 (decision 022): 20 yes/no risk factors
 * common to published police risk checklists, in our own words. It is NOT SafeLives DASH nor the
 * Danger Assessment (their texts need the authors' permission). Every text waits for validation
 * by the Ministry of Internal Affairs' experts before production use, hence the flag.
 */

const pending = (ru: string, ky: string, en: string): LocalisedText => ({
  ru: { text: ru, awaitingClinicalValidation: true },
  ky: { text: ky, awaitingClinicalValidation: true },
  en: { text: en, awaitingClinicalValidation: true },
});

const item = (code: string, critical: boolean, ru: string, ky: string, en: string) => ({ code, critical, text: pending(ru, ky, en) });

export const ORDER_RISK_V1: RiskInstrument = {
  instrument: "order-risk",
  version: 1,
  title: pending("Оценка риска при семейном насилии", "Үй-бүлөлүк зомбулукта тобокелдикти баалоо", "Family-violence risk assessment"),
  source: "Kamkor checklist v1 (own wording of common risk factors); awaiting validation",
  thresholds: { medium: 6, high: 10 },
  items: [
    item("strangulation", true, "Душил ли он(а) когда-либо пострадавшего(ую)?", "Ал жабырлануучуну качандыр бир муунтканбы?", "Has the person who caused harm ever strangled or choked the victim?"),
    item("threat_to_kill", true, "Угрожал(а) ли убить пострадавшего(ую) или детей?", "Жабырлануучуну же балдарды өлтүрөм деп коркутканбы?", "Has there been a threat to kill the victim or the children?"),
    item("weapon", true, "Применял(а) ли оружие или угрожал(а) им, есть ли доступ к оружию?", "Курал колдонгонбу же аны менен коркутканбы, куралга жеткиликтүүлүгү барбы?", "Has a weapon been used or threatened, or is there access to one?"),
    item("escalation", false, "Насилие стало чаще или тяжелее?", "Зомбулук тез-тез же оор болуп калдыбы?", "Is the violence becoming more frequent or more severe?"),
    item("separation", false, "Пострадавший(ая) недавно расстался(ась) или собирается уйти?", "Жабырлануучу жакында ажырашканбы же кетүүнү пландап жатабы?", "Has the victim recently separated or is planning to leave?"),
    item("pregnancy", false, "Пострадавшая беременна или недавно родила?", "Жабырлануучу кош бойлубу же жакында төрөдүбү?", "Is the victim pregnant or has she recently given birth?"),
    item("children_in_home", false, "В семье живут дети?", "Үй-бүлөдө балдар жашайбы?", "Do children live in the household?"),
    item("children_harmed", false, "Дети пострадали или им угрожали?", "Балдар жабыр тарттыбы же аларга коркутуу болдубу?", "Have the children been harmed or threatened?"),
    item("substance_use", false, "Злоупотребляет ли он(а) алкоголем или наркотиками?", "Ал спирт ичимдиктерин же баңгизаттарды ашыкча колдонобу?", "Does the person who caused harm misuse alcohol or drugs?"),
    item("previous_orders", false, "Выдавались ли ранее охранные ордера против него (неё)?", "Буга чейин ага каршы коргоо ордерлери берилгенби?", "Have protection orders been issued against this person before?"),
    item("previous_breach", false, "Нарушал(а) ли ранее ордер или его условия?", "Буга чейин ордерди же анын шарттарын бузганбы?", "Has this person breached an order or its conditions before?"),
    item("stalking", false, "Преследует, следит, постоянно звонит или пишет?", "Артынан түшөбү, аңдыйбы, тынымсыз чалып же жазып жатабы?", "Is there stalking, following, or constant calls or messages?"),
    item("sexual_violence", false, "Было ли сексуальное насилие?", "Сексуалдык зомбулук болдубу?", "Has there been sexual violence?"),
    item("coercive_control", false, "Контролирует ли каждый шаг, ревнует, запрещает общаться?", "Ар бир кадамын көзөмөлдөйбү, кызганабы, баарлашууга тыю салабы?", "Is there controlling or jealous behaviour, or a ban on seeing others?"),
    item("suicide_threats", false, "Угрожал(а) ли покончить с собой?", "Өзүн өлтүрөм деп коркутканбы?", "Has the person who caused harm threatened suicide?"),
    item("economic_control", false, "Лишает ли денег, документов, работы?", "Акчадан, документтерден, жумуштан ажыратабы?", "Are money, documents or work being withheld?"),
    item("victim_fear", false, "Пострадавший(ая) боится, что его (её) могут убить или тяжело ранить?", "Жабырлануучу өлтүрүлүп же оор жаракат алам деп коркобу?", "Is the victim afraid of being killed or seriously hurt?"),
    item("isolation", false, "Пострадавший(ая) изолирован(а) от родных и друзей?", "Жабырлануучу туугандарынан жана досторунан обочолонгонбу?", "Is the victim isolated from family and friends?"),
    item("violent_record", false, "Привлекался(ась) ли он(а) ранее за насилие?", "Ал мурда зомбулук үчүн жоопко тартылганбы?", "Does the person who caused harm have a record of violence?"),
    item("injuries_now", false, "Есть ли телесные повреждения в этом случае?", "Бул окуяда дене жаракаттары барбы?", "Were there injuries in this incident?"),
  ],
};

/** Every published version (a revised checklist is appended, never edited). */
export const ORDER_RISK_INSTRUMENTS: readonly RiskInstrument[] = [ORDER_RISK_V1];
