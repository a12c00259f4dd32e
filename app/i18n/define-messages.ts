/**
 * A module's messages in the three languages. The keys come from the Russian object; the
 * Kyrgyz and English objects must have exactly those keys (missing or extra keys do not
 * compile). Prefix keys with the module name.
 */
export function defineMessages<const K extends string>(messages: { ru: Record<K, string>; ky: NoInfer<Record<K, string>>; en: NoInfer<Record<K, string>> }) {
  return messages;
}
