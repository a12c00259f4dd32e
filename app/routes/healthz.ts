import { json } from "@remix-run/node";
import { getDatabase } from "~/server/db.server";

/** Public liveness and database check for load balancers; reveals nothing else. */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const database = await getDatabase();
    await database.ping();
    return json({ status: "ok", db: "ok" }, { headers });
  } catch {
    return json({ status: "error", db: "down" }, { status: 503, headers });
  }
}
