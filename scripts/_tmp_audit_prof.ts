import pg from "pg";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";
import { useEngine } from "../tests/support/engines";
import { buildAuditRow, chainHash } from "~/server/audit/audit.server";
import { verifyAuditChain } from "~/server/audit/verify.server";
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "x").toString("base64");
const cluster = await startThrowawayPostgres({ label: "prof" });
const db = await useEngine("postgres", cluster.url);
const client = new pg.Client(cluster.url); await client.connect();
let head = "genesis";
for (let done = 0; done < 200000; done += 1000) {
  const prev = head;
  const rows = Array.from({ length: 1000 }, (_, i) => { const row = buildAuditRow({ actor: { userId: "u", username: "inspector", roles: ["juvenile_inspector"], agencyId: "a", sessionId: "s" }, action: "person.read", decision: "allowed", record: { type: "person", id: "p" + i }, fields: ["surname", "givenName"], context: { requestId: "r" + i, ip: "1.2.3.4" } }); const hash = chainHash(head, row); const s = { ...row, n: i, prevHash: head, hash }; head = hash; return s; });
  await client.query("SELECT audit_append($1::jsonb,$2,$3)", [JSON.stringify(rows), prev, head]);
}
for (let i = 0; i < 3; i++) { const r = await verifyAuditChain({ batchSize: 5000 }); console.log(r.ok, r.checked, Math.round(r.elapsedMs), Math.round(r.eventsPerSecond)); }
for (let i = 0; i < 2; i++) { const r = await verifyAuditChain({ batchSize: 20000 }); console.log("20k", r.ok, r.checked, Math.round(r.elapsedMs), Math.round(r.eventsPerSecond)); }
await client.end(); await db.close(); await cluster.stop();
