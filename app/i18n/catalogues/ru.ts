import { coreRu } from "./core.ru";
import { allModuleMessages, type ModuleMessageKey } from "./modules";

/** The full Russian catalogue: core messages and every module's. */
export const ru = Object.assign({}, coreRu, ...allModuleMessages.map((module) => module.ru)) as Record<keyof typeof coreRu | ModuleMessageKey, string>;

export type MessageKey = keyof typeof ru;
export type Catalogue = Record<MessageKey, string>;
