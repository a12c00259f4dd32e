import { existsSync } from "node:fs";
import pg from "pg";
import { test, expect } from "vitest";
import { startThrowawayPostgres } from "./postgres-cluster";

test("throwaway postgres cluster: app role can connect and use public, stop cleans up", async () => {
  const t0 = Date.now();
  const cluster = await startThrowawayPostgres({ label: "selftest" });
  const startMs = Date.now() - t0;
  // The API does not expose the temp dir; read data_directory (<tempdir>/data) back from the server.
  let dataDir = "";
  try {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const { rows } = await client.query("select current_user, version()");
      expect(rows[0].current_user).toBe("kamkor_app");
      expect(rows[0].version).toMatch(/^PostgreSQL 15\./);

      const su = await client.query("select rolsuper from pg_roles where rolname = current_user");
      expect(su.rows[0].rolsuper).toBe(false);

      await client.query("create table public.smoke (id int primary key, note text)");
      await client.query("insert into public.smoke values (1, 'żółw')");
      const { rows: got } = await client.query("select note from public.smoke");
      expect(got[0].note).toBe("żółw");
      await client.query("drop table public.smoke");
    } finally {
      await client.end();
    }

    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query("select current_setting('data_directory') as d, current_setting('fsync') as f");
      dataDir = rows[0].d;
      expect(rows[0].f).toBe("off");
    } finally {
      await admin.end();
    }
    expect(existsSync(dataDir)).toBe(true);
  } finally {
    const t1 = Date.now();
    await cluster.stop();
    console.log(`postgres start ${startMs} ms, stop ${Date.now() - t1} ms`);
  }
  // data dir is <tempdir>/data; the whole temp dir must be gone.
  expect(existsSync(dataDir.replace(/\/data$/, ""))).toBe(false);
}, 60_000);
