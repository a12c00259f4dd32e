import { defineMessages } from "~/i18n/define-messages";

/** Sign-in throttling and lockout messages. The lockout text is the same for every username, existing or not. */
export const authMessages = defineMessages({
  ru: {
    "auth.error.locked": "Слишком много попыток входа. Попробуйте через 15 минут.",
    "auth.error.totpLocked": "Слишком много неверных кодов. Вход приостановлен на 15 минут, затем войдите снова.",
  },
  ky: {
    "auth.error.locked": "Кирүү аракеттери өтө көп болду. 15 мүнөттөн кийин кайра аракет кылыңыз.",
    "auth.error.totpLocked": "Туура эмес коддор өтө көп киргизилди. Кирүү 15 мүнөткө токтотулду, андан кийин кайра кириңиз.",
  },
  en: {
    "auth.error.locked": "Too many sign-in attempts. Try again in 15 minutes.",
    "auth.error.totpLocked": "Too many wrong codes. Sign-in is paused for 15 minutes; then sign in again.",
  },
});
