import { coreKy } from "./core.ky";
import { allModuleMessages } from "./modules";
import type { Catalogue } from "./ru";

export const ky = Object.assign({}, coreKy, ...allModuleMessages.map((module) => module.ky)) as Catalogue;
