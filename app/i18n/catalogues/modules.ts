/**
 * Every domain module's messages, merged into the catalogues. A module adds its
 * `<module>.messages.ts` (made with defineMessages) to this list.
 */
type ModuleMessages = { ru: Record<string, string>; ky: Record<string, string>; en: Record<string, string> };

export const moduleMessages = [] as const;

/** The same list, typed loosely for merging at run time. */
export const allModuleMessages: readonly ModuleMessages[] = moduleMessages;

export type ModuleMessageKey = (typeof moduleMessages)[number] extends { ru: Record<infer K, string> } ? K : never;
