import type { z } from "zod";
import { formAction } from "~/kit/form-action.server";
import { recordRequest, type Caller, type CommandArgs, type RouteArgs } from "~/kit/request.server";
import type { CommandResult } from "~/kit/results";
import type { OrderAction } from "~policies/protection-order.policy";
import { authorizeOrder, type OrderFacts } from "./order-facts.server";

/** The thin routes of one order's forms: authenticate → authorise through the module → the command → the order page. */

/** A form page of an order: signed in, in the orders area, allowed to do `action` on it (else an audited 404). */
export async function orderFormRequest(args: RouteArgs, action: OrderAction): Promise<{ caller: Caller; orderId: string; facts: OrderFacts }> {
  const { id, ...caller } = await recordRequest(args, "orders", "orderId");
  const facts = await authorizeOrder(caller, id, action);
  return { caller, orderId: id, facts };
}

export function orderHref(orderId: string, saved = false): string {
  return `/orders/${orderId}${saved ? "?saved" : ""}`;
}

/** A form post on an order: the command authorises again; success goes back to the order page with "Saved." */
export async function orderCommandAction<S extends z.ZodTypeAny>(
  args: RouteArgs,
  schema: S,
  command: (args: CommandArgs<z.output<S>, { orderId: string }>) => Promise<CommandResult>,
) {
  const { id, user, context } = await recordRequest(args, "orders", "orderId");
  return formAction(args.request, {
    schema,
    run: (input) => command({ user, context, input, orderId: id }),
    next: () => orderHref(id, true),
  });
}
