import { coreEn } from "./core.en";
import { allModuleMessages } from "./modules";
import type { Catalogue } from "./ru";

export const en = Object.assign({}, coreEn, ...allModuleMessages.map((module) => module.en)) as Catalogue;
