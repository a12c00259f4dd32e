import { execFile } from "node:child_process";
import crypto from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { closeDatabase, openDatabase, type Database } from "~/server/db.server";
import { personBlindIndex } from "~/server/encryption/blind-index.server";
import { DecryptionError } from "~/server/encryption/cipher.server";
import { prismaKeyStore } from "~/server/encryption/extension.server";
import { Keyring, KeyringError } from "~/server/encryption/keyring.server";
import { allModelSpecs } from "~/server/encryption/registry";
import { reencryptAll, rotateKey, staleCiphertextCounts, type ReencryptProgress } from "~/server/encryption/rotation.server";
import { parseEnv } from "~/server/env.server";
import { newId } from "~/server/ids.server";
import { demoAgencyCode, seedDemo } from "~seeds/demo";
import { DEMO_PEOPLE } from "~seeds/data/people";
import { stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { workerDatabase } from "../support/worker-database";
import { seededEncryptedRowCounts, seededPersonRows } from "../support/seed-counts";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "kamkor-integration-tests").toString("base64");

const run = promisify(execFile);

/** Everything encrypted, decrypted, to compare before and after re-encryption. */
async function plaintextSnapshot(database: Database) {
  return {
    people: await database.prisma.person.findMany({ orderBy: { id: "asc" }, omit: { updatedAt: true } }),
    grants: await database.prisma.breakGlassGrant.findMany({ orderBy: { id: "asc" } }),
  };
}

async function versionsInUse(database: Database): Promise<string[]> {
  const rows = await database.withConnection((connection) =>
    connection.query<{ version: string }>(
      `SELECT DISTINCT split_part(v, '.', 2) AS version FROM (
         SELECT unnest(ARRAY[surname, given_name, patronymic, pin, birth_date, address, phone, notes]) AS v FROM person
         UNION ALL SELECT unnest(ARRAY[reason, review_comment]) FROM break_glass_grant) AS t
       WHERE v IS NOT NULL ORDER BY 1`,
    ),
  );
  return rows.map((row) => row.version);
}

const total = (counts: { count: number }[]) => counts.reduce((sum, count) => sum + count.count, 0);

/** Every person the demo seed writes (DEMO_PEOPLE and the caseload children); each has a surname. */
const SEEDED_PEOPLE = seededPersonRows().length;

/**
 * The progress reencryptAll reports when every seeded row is stale: one entry per registered
 * model, in registry order, with the row counts derived from the seed modules (plus `extra`).
 */
async function expectedProgress(extra: Record<string, number> = {}): Promise<ReencryptProgress[]> {
  const seeded = await seededEncryptedRowCounts();
  return allModelSpecs().map((spec) => {
    const rows = (seeded.get(spec.model) ?? 0) + (extra[spec.model] ?? 0);
    return { model: spec.model, table: spec.table, done: rows, total: rows };
  });
}

/** The `done` values onProgress reports for `rows` stale rows in batches of `batchSize`. */
function progressSteps(rows: number, batchSize: number): number[] {
  const steps: number[] = [];
  for (let done = 0; done < rows; done += batchSize) steps.push(done);
  return [...steps, rows];
}

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("key rotation on %s", (engine) => {
  let database: Database;

  beforeEach(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await database.withConnection((connection) => connection.exec(`DELETE FROM break_glass_grant`));
    await seedDemo(database.prisma);
    for (const reason of ["Первая причина", "Вторая причина", "Третья причина"]) {
      await database.prisma.breakGlassGrant.create({
        data: {
          id: newId(),
          userId: stableId("user", "supervisor"),
          recordType: "person",
          recordId: newId(),
          reason,
          expiresAt: new Date(Date.now() + 3_600_000),
        },
      });
    }
  });

  test("rotate: the new version encrypts new writes, older ciphertext still decrypts; reencrypt leaves none behind", async () => {
    const before = await plaintextSnapshot(database);
    const old = database.encryption.keyring.currentVersion;
    const version = await rotateKey(database);
    expect(version).toBe(old + 1);
    expect(database.encryption.keyring.currentVersion).toBe(version);

    const created = await database.prisma.person.create({
      data: {
        id: newId(),
        surname: "Новенькая",
        givenName: "Айсулуу",
        ownerAgencyId: stableId("agency", demoAgencyCode("school", "osh")),
        createdById: stableId("user", "newcomer"),
      },
    });
    const [raw] = await database.withConnection((connection) =>
      connection.query<{ surname: string }>(`SELECT surname FROM person WHERE id = $1`, [created.id]),
    );
    expect(raw.surname.startsWith(`kmk1.${version}.`)).toBe(true);
    expect(await plaintextSnapshot(database)).toEqual({ ...before, people: expect.arrayContaining(before.people) });

    const stale = await staleCiphertextCounts(database);
    expect(stale.find((count) => count.column === "surname")?.count).toBe(SEEDED_PEOPLE);
    expect(stale.find((count) => count.column === "reason")?.count).toBe(3);

    const progress: ReencryptProgress[] = [];
    const result = await reencryptAll(database, { batchSize: 5, onProgress: (step) => progress.push(step) });
    expect(result).toMatchObject({ version, complete: true });
    // Every registered model (people, grants, plans and their parts, staff TOTP secrets…) is
    // brought up to date, each with exactly the rows the seed (and the 3 grants above) wrote.
    expect(result.models).toEqual(await expectedProgress({ BreakGlassGrant: 3 }));
    expect(result.models.find((model) => model.model === "Person")).toEqual({ model: "Person", table: "person", done: SEEDED_PEOPLE, total: SEEDED_PEOPLE });
    for (const model of result.models) expect(model.done).toBe(model.total);
    expect(progress.filter((step) => step.model === "Person").map((step) => step.done)).toEqual(progressSteps(SEEDED_PEOPLE, 5));

    expect(total(await staleCiphertextCounts(database))).toBe(0);
    expect(await versionsInUse(database)).toEqual([String(version)]);
    const after = await plaintextSnapshot(database);
    expect(after.grants).toEqual(before.grants);
    expect(after.people.filter((person) => person.id !== created.id)).toEqual(before.people);
    // Blind indexes are keyed by the root key, not the data key: search still works.
    const asanaliev = DEMO_PEOPLE[0];
    expect(await database.prisma.person.findMany({ where: { pinIndex: personBlindIndex.pin(asanaliev.pin!) }, select: { id: true } })).toEqual([
      { id: stableId("person", asanaliev.key) },
    ]);

    const audit = await database.prisma.auditEvent.findFirst({
      where: { action: "keys.rotate" },
      orderBy: { seq: "desc" },
      select: { purpose: true, decision: true },
    });
    expect(audit).toEqual({ purpose: expect.stringContaining(`key version ${version}`), decision: "allowed" });
  });

  test("killed half-way (one batch, then stop): a rerun continues and completes", async () => {
    const before = await plaintextSnapshot(database);
    const version = await rotateKey(database);
    const stopped = await reencryptAll(database, { batchSize: 4, maxBatches: 1 });
    expect(stopped.complete).toBe(false);
    // Stopped inside the first model: only Person was counted, and only one batch of it rewritten.
    expect(stopped.models).toEqual([{ model: "Person", table: "person", done: 4, total: SEEDED_PEOPLE }]);
    const half = await staleCiphertextCounts(database);
    expect(half.find((count) => count.column === "surname")?.count).toBe(SEEDED_PEOPLE - 4);
    expect(await versionsInUse(database)).toEqual([String(version - 1), String(version)]);
    // Half-way, everything still reads.
    expect(await plaintextSnapshot(database)).toEqual(before);

    const rerun = await reencryptAll(database, { batchSize: 4 });
    expect(rerun.complete).toBe(true);
    // The rerun skips the 4 people already done and rewrites everything else.
    expect(rerun.models).toEqual(await expectedProgress({ Person: -4, BreakGlassGrant: 3 }));
    expect(total(await staleCiphertextCounts(database))).toBe(0);
    expect(await plaintextSnapshot(database)).toEqual(before);
    // Nothing left: a third run has nothing to do.
    expect((await reencryptAll(database)).models.every((model) => model.total === 0)).toBe(true);
  });

  test("a ciphertext that is not bound to its row stops re-encryption with the place named, and nothing is half-written", async () => {
    const [a, b] = DEMO_PEOPLE.map((person) => stableId("person", person.key)).sort();
    await database.withConnection((connection) =>
      connection.query(`UPDATE person AS p SET notes = o.pin FROM person AS o WHERE p.id = $1 AND o.id = $2`, [b, a]),
    );
    await rotateKey(database);
    // One batch holds every person, so the failing row's batch is the whole table.
    const error = await reencryptAll(database, { batchSize: SEEDED_PEOPLE }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DecryptionError);
    expect((error as DecryptionError).message).toContain(`person.notes of record ${b}`);
    // The batch rolled back: every row is still at the previous version.
    expect((await staleCiphertextCounts(database)).find((count) => count.column === "surname")?.count).toBe(SEEDED_PEOPLE);
  });

  test("a wrong root key is refused with one line naming the key version", async () => {
    const wrong = new Keyring({ rootKey: () => crypto.randomBytes(32) });
    const error = await wrong.ready(prismaKeyStore(database.prisma), { create: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeyringError);
    expect((error as Error).message).toMatch(/^The root key does not match the one that wrapped key version 1 /);
  });
});

describe("several servers on one PostgreSQL database", () => {
  test("a rotation by one is read at once by the other and used for its writes after a refresh", async () => {
    const first = await useEngine("postgres");
    await truncateAll(first);
    await seedDemo(first.prisma);
    const second = await openDatabase(parseEnv({ DATABASE_URL: workerDatabase().databaseUrl }));
    try {
      await second.encryption.ready();
      const old = first.encryption.keyring.currentVersion;
      expect(second.encryption.keyring.currentVersion).toBe(old);

      const version = await rotateKey(second);
      const written = await second.prisma.person.create({
        data: {
          id: newId(),
          surname: "Второйсервер",
          givenName: "Бакыт",
          ownerAgencyId: stableId("agency", demoAgencyCode("school", "osh")),
          createdById: stableId("user", "newcomer"),
        },
      });
      // Unknown version on read: the first server reloads its keyring and decrypts.
      expect(first.encryption.keyring.has(version)).toBe(false);
      expect(await first.prisma.person.findUniqueOrThrow({ where: { id: written.id }, select: { id: true, surname: true } })).toEqual({
        id: written.id,
        surname: "Второйсервер",
      });
      expect(first.encryption.keyring.currentVersion).toBe(version);

      // The periodic refresh (simulated) makes a server's writes use the newest version.
      const third = await openDatabase(parseEnv({ DATABASE_URL: workerDatabase().databaseUrl }));
      try {
        await third.encryption.ready();
        await rotateKey(second);
        third.encryption.keyring.invalidate();
        const later = await third.prisma.person.create({
          data: {
            id: newId(),
            surname: "Третийсервер",
            givenName: "Бакыт",
            ownerAgencyId: stableId("agency", demoAgencyCode("school", "osh")),
            createdById: stableId("user", "newcomer"),
          },
        });
        const [raw] = await third.withConnection((connection) => connection.query<{ surname: string }>(`SELECT surname FROM person WHERE id = $1`, [later.id]));
        expect(raw.surname.startsWith(`kmk1.${version + 1}.`)).toBe(true);
      } finally {
        await third.close();
      }
    } finally {
      await second.close();
    }
  });

  test("npm run keys:rotate and keys:reencrypt work on the configured database and prove the result", async () => {
    const database = await useEngine("postgres");
    await truncateAll(database);
    await seedDemo(database.prisma);
    const env = { ...process.env, DATABASE_URL: workerDatabase().databaseUrl, KAMKOR_LOG_LEVEL: "silent" };
    const rotated = await run("npx", ["tsx", "scripts/keys-rotate.ts"], { env });
    const version = Number(/Key version (\d+) now encrypts new writes/.exec(rotated.stdout)?.[1]);
    expect(version).toBeGreaterThan(1);

    const reencrypted = await run("npx", ["tsx", "scripts/keys-reencrypt.ts", "--batch-size=5", "--no-wait"], { env });
    // Every registered model is reported complete, with the row counts the seed wrote.
    const expected = await expectedProgress();
    expect(expected.find((model) => model.model === "Person")?.total).toBe(SEEDED_PEOPLE);
    for (const model of expected) expect(reencrypted.stdout).toContain(`${model.model} (${model.table}): ${model.total} / ${model.total} rows (100%)`);
    expect(reencrypted.stdout).toContain("person.surname: 0");
    expect(reencrypted.stdout).toContain("break_glass_grant.reason: 0");
    expect(reencrypted.stdout).toContain(`No older ciphertext remains: every encrypted value uses key version ${version}.`);
    expect(total(await staleCiphertextCounts(database, version))).toBe(0);

    // An old-version value written behind the tool's back makes the proof fail (exit code 1).
    await database.encryption.keyring.reload(prismaKeyStore(database.prisma), { create: false });
    const [{ surname }] = await database.withConnection((connection) =>
      connection.query<{ surname: string }>(`SELECT surname FROM person ORDER BY id LIMIT 1`),
    );
    await database.withConnection((connection) =>
      connection.query(`UPDATE person SET notes = 'plaintext left behind' WHERE id = (SELECT min(id) FROM person)`),
    );
    const failed = await run("npx", ["tsx", "scripts/keys-reencrypt.ts", "--no-wait"], { env }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/not a Kamkor ciphertext|not at key version/);
    expect(surname.startsWith(`kmk1.${version}.`)).toBe(true);
  }, 120_000);
});
