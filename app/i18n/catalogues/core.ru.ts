/**
 * Core messages (layout, sign-in, roles) in Russian — the default language and the source:
 * core.ky.ts and core.en.ts must have exactly the same keys. Domain modules keep their own
 * messages beside their code (defineMessages) and ru.ts/ky.ts/en.ts merge them all.
 * Placeholders are written {name}.
 */
export const coreRu = {
  "app.name": "Камкор",
  "app.tagline": "Защищённая система сопровождения детей и пострадавших от насилия",
  "app.skipToContent": "Перейти к содержанию",
  "app.mainNavigation": "Основное меню",

  "language.label": "Язык",
  "language.ru": "Русский",
  "language.ky": "Кыргызча",
  "language.en": "English",
  "language.current": "Текущий язык",

  "nav.home": "Главная",
  "nav.people": "Люди",
  "nav.breakGlassReview": "Экстренный доступ",
  "nav.audit": "Журнал аудита",
  "nav.admin": "Администрирование",
  "nav.signOut": "Выйти",

  "signIn.title": "Вход в систему",
  "signIn.intro": "Введите имя пользователя и пароль. После пароля потребуется код из приложения-аутентификатора.",
  "signIn.username": "Имя пользователя",
  "signIn.password": "Пароль",
  "signIn.submit": "Продолжить",
  "signIn.error.credentials": "Неверное имя пользователя или пароль.",
  "signIn.error.required.username": "Введите имя пользователя.",
  "signIn.error.required.password": "Введите пароль.",
  "signIn.error.tooLong": "Слишком длинное значение.",
  "signIn.signedOut": "Вы вышли из системы.",
  "signIn.expired": "Сеанс завершён. Войдите снова.",

  "totp.title": "Код подтверждения",
  "totp.intro": "Введите шестизначный код из приложения-аутентификатора.",
  "totp.code": "Код из приложения",
  "totp.codeHint": "6 цифр, код меняется каждые 30 секунд.",
  "totp.submit": "Войти",
  "totp.error.invalid": "Код не подошёл. Введите текущий код из приложения.",
  "totp.error.format": "Код состоит из 6 цифр.",
  "totp.startOver": "Войти под другим именем",

  "enrol.title": "Подключение аутентификатора",
  "enrol.intro":
    "Для работы с конфиденциальными данными нужен второй фактор. Отсканируйте QR-код в приложении-аутентификаторе (например, FreeOTP, Aegis, Google Authenticator) или введите ключ вручную.",
  "enrol.qrAlt": "QR-код для подключения Камкор в приложении-аутентификаторе",
  "enrol.secret": "Ключ для ручного ввода",
  "enrol.step.scan": "1. Добавьте Камкор в приложение.",
  "enrol.step.confirm": "2. Введите код, который показывает приложение.",
  "enrol.submit": "Подтвердить и войти",

  "home.title": "Рабочее место",
  "home.welcome": "Здравствуйте, {name}",
  "home.role": "Роль",
  "home.roles": "Роли",
  "home.agency": "Организация",
  "home.territory": "Территория",
  "home.yourWork": "Ваша работа в системе",

  "role.social_pedagogue": "Социальный педагог",
  "role.school_psychologist": "Школьный психолог",
  "role.juvenile_inspector": "Инспектор по делам несовершеннолетних",
  "role.police_officer": "Участковый инспектор милиции",
  "role.social_worker": "Социальный работник",
  "role.service_provider": "Специалист службы помощи",
  "role.supervisor": "Руководитель",
  "role.analyst": "Аналитик",
  "role.admin": "Администратор",
  "role.auditor": "Аудитор",

  "roleWork.social_pedagogue": "Проводите конфиденциальные оценки уязвимости и риска в школе, предлагайте планы сопровождения и следите за выполнением мер.",
  "roleWork.school_psychologist": "Проводите оценку безопасности после скрининга, работайте с детьми и родителями по программам.",
  "roleWork.juvenile_inspector": "Руководите планами сопровождения детей в трудной жизненной ситуации вместе с межведомственной командой.",
  "roleWork.police_officer": "Выдавайте охранные ордера, проводите проверки соблюдения условий и фиксируйте нарушения.",
  "roleWork.social_worker": "Направляйте пострадавших в службы помощи, участвуйте в планах сопровождения, работайте с семьями.",
  "roleWork.service_provider": "Принимайте направления, отмечайте оказанные услуги и результаты, обновляйте число свободных мест.",
  "roleWork.supervisor": "Утверждайте закрытие планов, контролируйте срочные случаи, соблюдение охранных ордеров и экстренный доступ.",
  "roleWork.analyst": "Работайте только с обезличенной статистикой по территориям и периодам.",
  "roleWork.admin": "Управляйте организациями, пользователями и ролями. Содержание дел вам недоступно.",
  "roleWork.auditor": "Проверяйте журнал аудита и отчёты о доступе. Содержание дел вам недоступно.",

  "agencyType.police_department": "Отдел внутренних дел",
  "agencyType.school": "Школа",
  "agencyType.social_services": "Управление социального развития",
  "agencyType.health_facility": "Организация здравоохранения",
  "agencyType.shelter": "Кризисный приют",
  "agencyType.crisis_centre": "Кризисный центр",
  "agencyType.psychological_service": "Психологическая служба",
  "agencyType.legal_aid": "Юридическая помощь",
  "agencyType.ngo": "Некоммерческая организация",
  "agencyType.local_government": "Орган местного самоуправления",
  "agencyType.probation_office": "Орган пробации",
  "agencyType.coordination_commission": "Координационная комиссия",

  "error.notFound.title": "Страница не найдена",
  "error.notFound.text": "Такой страницы нет или у вас нет к ней доступа.",
  "error.generic.title": "Что-то пошло не так",
  "error.generic.text": "Не удалось выполнить запрос. Попробуйте ещё раз; если ошибка повторится, сообщите администратору.",
  "error.backHome": "На главную",
  "error.badRequest": "Запрос не распознан. Обновите страницу и попробуйте снова.",
} as const;

export type CoreCatalogue = Record<keyof typeof coreRu, string>;
