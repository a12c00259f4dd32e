import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { loader as healthz } from "~/routes/healthz";
import { closeDatabase, getDatabase } from "~/server/db.server";
import { parseEnv } from "~/server/env.server";
import { useEngine } from "../support/engines";

const run = promisify(execFile);

afterAll(() => closeDatabase());

test("GET /healthz answers ok with a live database and 503 without one", async () => {
  await useEngine("postgres");
  const ok = await healthz();
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ status: "ok", db: "ok" });

  await closeDatabase();
  await getDatabase(parseEnv({ DATABASE_URL: "postgresql://nobody:nothing@127.0.0.1:1/kamkor" }));
  const down = await healthz();
  expect(down.status).toBe(503);
  expect(await down.json()).toEqual({ status: "error", db: "down" });
});

test("a malformed DATABASE_URL stops start-up with a one-line explanation", async () => {
  const failure = await run("npx", ["tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: "mysql://root@localhost/kamkor" },
  }).then(
    () => null,
    (error: { code: number; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  const lines = failure!.stderr
    .trim()
    .split("\n")
    .filter((line) => !line.startsWith("npm warn"));
  expect(lines).toEqual([expect.stringMatching(/^Kamkor cannot start: DATABASE_URL must look like postgresql:\/\//)]);
});
