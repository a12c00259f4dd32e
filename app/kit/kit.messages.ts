import { defineMessages } from "~/i18n/define-messages";

/** Messages of the kit's shared form fields (app/kit/fields.ts). */
export const kitMessages = defineMessages({
  ru: {
    "form.error.tooLong": "Слишком длинный текст.",
    "form.error.controlCharacters": "Текст содержит недопустимые символы.",
    "form.error.dateTime": "Укажите дату и время.",
    "form.error.future": "Время не может быть в будущем.",
  },
  ky: {
    "form.error.tooLong": "Текст өтө узун.",
    "form.error.controlCharacters": "Текстте жол берилбеген белгилер бар.",
    "form.error.dateTime": "Күнүн жана убактысын көрсөтүңүз.",
    "form.error.future": "Убакыт келечекте болушу мүмкүн эмес.",
  },
  en: {
    "form.error.tooLong": "The text is too long.",
    "form.error.controlCharacters": "The text contains characters that are not allowed.",
    "form.error.dateTime": "Enter a date and time.",
    "form.error.future": "The time cannot be in the future.",
  },
});
