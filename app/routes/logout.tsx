import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, endSession, loadSession } from "~/server/auth/session.server";

/** GET never signs anybody out (no state change on GET). */
export async function loader() {
  throw redirect("/");
}

/** Ends the session in the database and tells the browser to drop cached pages. */
export async function action({ request }: ActionFunctionArgs) {
  const session = await loadSession(request);
  if (session) await endSession(session.id);
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie());
  // Not "cookies": that would also forget the chosen language; the session cookie is expired above.
  headers.set("Clear-Site-Data", '"cache", "storage"');
  throw redirect("/login?signedOut=1", { headers });
}
