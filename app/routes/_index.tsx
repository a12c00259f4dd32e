import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { loadSession } from "~/server/auth/session.server";

/** The front door: signed-in users go to their home page, everyone else to sign-in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await loadSession(request);
  throw redirect(session?.stage === "full" ? "/home" : "/login");
}
