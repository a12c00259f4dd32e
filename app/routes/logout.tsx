import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, loadSession } from "~/server/auth/session.server";
import { signOut } from "~/server/auth/sign-in.server";

/** GET never signs anybody out (no state change on GET). */
export async function loader() {
  throw redirect("/");
}

/** Ends the session in the database (audited) and tells the browser to drop cached pages. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await loadSession(request);
  if (session) await signOut(session, { context });
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie());
  // Not "cookies": that would also forget the chosen language; the session cookie is expired above.
  headers.set("Clear-Site-Data", '"cache", "storage"');
  throw redirect("/login?signedOut=1", { headers });
}
