import type { InstrumentDefinition, LocalisedText } from "~/modules/screenings/instruments";

/**
 * Screening instruments as data (decision 016), seeded into `instrument_version` in every
 * database (reference data, like territories). Changing a text or a rule means a NEW version
 * here (never editing a published one): screenings keep pointing at the version they used.
 *
 * Every translation is flagged `awaitingClinicalValidation: true` until a clinician signs it
 * off; the English texts are flagged too, because our wording adapts the originals (the ASQ's
 * "If yes, how? When?" follow-up is left to the psychologist's assessment).
 *
 * Sources: ASQ — Ask Suicide-Screening Questions, National Institute of Mental Health (public
 * domain), ages 10–24. C-SSRS screener — Columbia–Suicide Severity Rating Scale, screen
 * version (free for use in this setting). The vulnerability module is Kamkor's own.
 */

const pending = (ru: string, ky: string, en: string): LocalisedText => ({
  ru: { text: ru, awaitingClinicalValidation: true },
  ky: { text: ky, awaitingClinicalValidation: true },
  en: { text: en, awaitingClinicalValidation: true },
});

export const ASQ_V1: InstrumentDefinition = {
  instrument: "asq",
  version: 1,
  title: pending("Вопросы о безопасности (ASQ)", "Коопсуздук жөнүндө суроолор (ASQ)", "Safety questions (ASQ)"),
  source: "NIMH Ask Suicide-Screening Questions (ASQ), public domain; ages 10-24",
  ageRange: { min: 10, max: 24 },
  items: [
    {
      code: "asq1",
      kind: "yes_no",
      text: pending(
        "За последние несколько недель тебе хотелось умереть?",
        "Акыркы бир нече жумада өлгүң келген учур болдубу?",
        "In the past few weeks, have you wished you were dead?",
      ),
    },
    {
      code: "asq2",
      kind: "yes_no",
      text: pending(
        "За последние несколько недель тебе казалось, что тебе или твоей семье было бы лучше, если бы тебя не стало?",
        "Акыркы бир нече жумада сен жок болсоң, өзүңө же үй-бүлөңө жакшы болмок деп ойлогон учуруң болдубу?",
        "In the past few weeks, have you felt that you or your family would be better off if you were dead?",
      ),
    },
    {
      code: "asq3",
      kind: "yes_no",
      text: pending(
        "За последнюю неделю у тебя были мысли о том, чтобы убить себя?",
        "Акыркы бир жумада өзүңдү өлтүрүү жөнүндө ойлор келдиби?",
        "In the past week, have you been having thoughts about killing yourself?",
      ),
    },
    {
      code: "asq4",
      kind: "yes_no",
      text: pending(
        "Ты когда-нибудь пытался или пыталась убить себя?",
        "Сен качандыр бир өзүңдү өлтүрүүгө аракет кылганың барбы?",
        "Have you ever tried to kill yourself?",
      ),
    },
    {
      code: "asq5",
      kind: "yes_no",
      askWhen: { anyOf: ["asq1", "asq2", "asq3", "asq4"], answers: ["yes", "declined"] },
      text: pending(
        "Есть ли у тебя прямо сейчас мысли о том, чтобы убить себя?",
        "Дал азыр өзүңдү өлтүрүү жөнүндө ойлоруң барбы?",
        "Are you having thoughts of killing yourself right now?",
      ),
    },
  ],
  // NIMH: a "yes" to any of 1–4, or a refusal to answer, is a positive screen; then ask 5.
  // Kamkor: a refusal of item 5 counts as acute (the safer reading), see scoring.ts.
  scoring: { type: "asq", screeningItems: ["asq1", "asq2", "asq3", "asq4"], positiveAnswers: ["yes", "declined"], acuityItem: "asq5", acuteAnswers: ["yes", "declined"] },
};

export const VULNERABILITY_V1: InstrumentDefinition = {
  instrument: "vulnerability",
  version: 1,
  title: pending("Что может мешать тебе жить спокойно", "Тынч жашоого эмне тоскоол болушу мүмкүн", "What may be making life hard for you"),
  source: "Kamkor vulnerability module v1",
  items: [
    {
      code: "bullying_or_racket",
      kind: "yes_no",
      // One item cannot tell bullying from racket: the finding is the possible crime (racket),
      // so the inspector referral is suggested and cannot be dismissed without a reason.
      finding: "racket",
      text: pending(
        "Кто-нибудь в школе или вне её обижает тебя, запугивает или отбирает у тебя деньги или вещи?",
        "Мектепте же андан тышкары сени бирөө кордойбу, коркутабы же акчаңды, буюмдарыңды тартып алабы?",
        "Does anyone at school or outside it hurt you, threaten you or take money or things from you?",
      ),
    },
    {
      code: "violence_at_home",
      kind: "yes_no",
      finding: "violence_home",
      text: pending(
        "Дома тебя кто-нибудь бьёт или причиняет тебе боль?",
        "Үйдө сени бирөө урабы же сага оору келтиреби?",
        "Does anyone at home hit you or hurt you?",
      ),
    },
    {
      code: "neglect",
      kind: "yes_no",
      finding: "neglect",
      text: pending(
        "Бывает ли, что дома тебе нечего есть или о тебе никто не заботится?",
        "Үйдө жегенге эч нерсе жок же сага эч ким кам көрбөгөн учурлар болобу?",
        "Are there times when there is nothing to eat at home, or nobody looks after you?",
      ),
    },
    {
      code: "sexual_abuse",
      kind: "yes_no",
      finding: "sexual_abuse",
      text: pending(
        "Кто-нибудь трогал тебя так, как ты не хотел или не хотела, или принуждал тебя к чему-то сексуальному?",
        "Бирөө сени сен каалабагандай кармалаганбы же сени жыныстык мүнөздөгү бир нерсеге мажбурлаганбы?",
        "Has anyone touched you in a way you did not want, or made you do something sexual?",
      ),
    },
    {
      code: "parents_abroad",
      kind: "yes_no",
      finding: "parents_abroad",
      text: pending(
        "Твои родители или один из них сейчас работают или живут в другой стране?",
        "Ата-энең же алардын бири азыр башка өлкөдө иштейби же жашайбы?",
        "Are your parents, or one of them, working or living in another country now?",
      ),
    },
    {
      code: "substance_use",
      kind: "yes_no",
      finding: "substance_use",
      text: pending(
        "Ты пьёшь алкоголь, куришь или принимаешь наркотики или другие вещества?",
        "Сен спирт ичимдигин ичесиңби, тамеки тартасыңбы же баңгизат же башка заттарды колдоносуңбу?",
        "Do you drink alcohol, smoke, or take drugs or other substances?",
      ),
    },
    {
      code: "other_worry",
      kind: "free_text",
      finding: "other_worry",
      maxLength: 2000,
      text: pending(
        "Есть ли ещё что-то, что тебя беспокоит и о чём ты хочешь рассказать?",
        "Сени тынчсыздандырган жана айтып бергиң келген дагы бир нерсе барбы?",
        "Is there anything else that worries you that you would like to tell me about?",
      ),
    },
  ],
  // A "yes" is a finding; a declined item is not (it is kept in the answers for the screener).
  scoring: { type: "findings", findingAnswers: ["yes"] },
};

export const CSSRS_SCREENER_V1: InstrumentDefinition = {
  instrument: "cssrs-screener",
  version: 1,
  title: pending(
    "Краткая оценка безопасности (C-SSRS, скрининговая версия)",
    "Коопсуздукту кыска баалоо (C-SSRS, скрининг версиясы)",
    "Brief safety assessment (C-SSRS screener)",
  ),
  source: "Columbia-Suicide Severity Rating Scale, screen version (past month)",
  items: [
    {
      code: "wish_dead",
      kind: "yes_no",
      text: pending(
        "За последний месяц тебе хотелось умереть или заснуть и не проснуться?",
        "Акыркы айда өлгүң же уктап калып, ойгонбой калгың келдиби?",
        "In the past month, have you wished you were dead or wished you could go to sleep and not wake up?",
      ),
    },
    {
      code: "suicidal_thoughts",
      kind: "yes_no",
      text: pending(
        "За последний месяц у тебя действительно были мысли о том, чтобы убить себя?",
        "Акыркы айда чындап эле өзүңдү өлтүрүү жөнүндө ойлор келдиби?",
        "In the past month, have you actually had any thoughts of killing yourself?",
      ),
    },
    {
      code: "method",
      kind: "yes_no",
      askWhen: { anyOf: ["suicidal_thoughts"], answers: ["yes", "declined"] },
      text: pending(
        "Ты думал или думала о том, как можно это сделать?",
        "Муну кантип жасоо мүмкүн экенин ойлодуңбу?",
        "Have you been thinking about how you might do this?",
      ),
    },
    {
      code: "intent",
      kind: "yes_no",
      askWhen: { anyOf: ["suicidal_thoughts"], answers: ["yes", "declined"] },
      text: pending(
        "Было ли у тебя намерение действовать по этим мыслям — а не только мысли, по которым ты точно не стал или не стала бы действовать?",
        "Бул ойлор боюнча аракет кылуу ниетиң болдубу — жөн гана ой эмес, аны эч качан жасабайм деген ой эмес?",
        "Have you had these thoughts and had some intention of acting on them, as opposed to having the thoughts but definitely not acting on them?",
      ),
    },
    {
      code: "plan",
      kind: "yes_no",
      askWhen: { anyOf: ["suicidal_thoughts"], answers: ["yes", "declined"] },
      text: pending(
        "Ты начинал или начинала продумывать подробности того, как убить себя? Собираешься ли ты выполнить этот план?",
        "Өзүңдү кантип өлтүрүүнүн чоо-жайын ойлоп баштадыңбы же ойлоп бүттүңбү? Бул планды аткарууну ниет кылып жатасыңбы?",
        "Have you started to work out or worked out the details of how to kill yourself? Do you intend to carry out this plan?",
      ),
    },
    {
      code: "behaviour",
      kind: "yes_no",
      text: pending(
        "Ты когда-нибудь делал или делала что-то, начинал или начинала делать или готовился или готовилась сделать что-то, чтобы покончить с жизнью?",
        "Сен качандыр бир жашооңду токтотуу үчүн бир нерсе жасадыңбы, жасай баштадыңбы же даярдандыңбы?",
        "Have you ever done anything, started to do anything, or prepared to do anything to end your life?",
      ),
    },
    {
      code: "behaviour_recent",
      kind: "yes_no",
      askWhen: { anyOf: ["behaviour"], answers: ["yes", "declined"] },
      text: pending("Это было за последние три месяца?", "Бул акыркы үч айда болдубу?", "Was this within the past three months?"),
    },
  ],
  // C-SSRS screener triage: high — intent, plan, or behaviour within 3 months; moderate — method,
  // or behaviour longer ago; low — otherwise. A declined item counts as the riskier answer.
  scoring: {
    type: "triage",
    rules: [
      { triage: "high", allOf: [{ item: "intent", answers: ["yes", "declined"] }] },
      { triage: "high", allOf: [{ item: "plan", answers: ["yes", "declined"] }] },
      { triage: "high", allOf: [{ item: "behaviour", answers: ["yes", "declined"] }, { item: "behaviour_recent", answers: ["yes", "declined"] }] },
      { triage: "moderate", allOf: [{ item: "method", answers: ["yes", "declined"] }] },
      { triage: "moderate", allOf: [{ item: "behaviour", answers: ["yes", "declined"] }] },
    ],
    otherwise: "low",
  },
};

export const INSTRUMENT_DEFINITIONS: readonly InstrumentDefinition[] = [ASQ_V1, VULNERABILITY_V1, CSSRS_SCREENER_V1];
