import { kitMessages } from "~/kit/kit.messages";
import { adminMessages } from "~/modules/admin/admin.messages";
import { auditMessages } from "~/modules/audit/audit.messages";
import { authMessages } from "~/modules/auth/auth.messages";
import { breakGlassMessages } from "~/modules/break-glass/break-glass.messages";
import { chronologyMessages } from "~/modules/chronology/chronology.messages";
import { orderMessages } from "~/modules/protection-orders/orders.messages";
import { peopleMessages } from "~/modules/people/people.messages";
import { screeningMessages } from "~/modules/screenings/screenings.messages";
import { pathwayMessages } from "~/modules/screenings/pathways.messages";
import { pupilMessages } from "~/modules/screenings/pupils.messages";
import { supportPlanMessages } from "~/modules/support-plans/support-plans.messages";
import { tasksMessages } from "~/modules/tasks/tasks.messages";

/**
 * Every domain module's messages, merged into the catalogues. A module adds its
 * `<module>.messages.ts` (made with defineMessages) to this list.
 */
type ModuleMessages = { ru: Record<string, string>; ky: Record<string, string>; en: Record<string, string> };

export const moduleMessages = [
  kitMessages,
  auditMessages,
  peopleMessages,
  breakGlassMessages,
  adminMessages,
  authMessages,
  chronologyMessages,
  tasksMessages,
  supportPlanMessages,
  pathwayMessages,
  screeningMessages,
  pupilMessages,
  orderMessages,
] as const;

/** The same list, typed loosely for merging at run time. */
export const allModuleMessages: readonly ModuleMessages[] = moduleMessages;

type KeysOf<M> = M extends { ru: Record<infer K, string> } ? K : never;
export type ModuleMessageKey = KeysOf<(typeof moduleMessages)[number]>;
