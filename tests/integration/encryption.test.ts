import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeDatabase, type Database } from "~/server/db.server";
import { blindIndexMatches, findCandidatesByBlindIndex, personBlindIndex } from "~/server/encryption/blind-index.server";
import { DecryptionError } from "~/server/encryption/cipher.server";
import { settleEncryptionAudits } from "~/server/encryption/extension.server";
import { EncryptionUsageError } from "~/server/encryption/guards";
import { modelSpec } from "~/server/encryption/registry";
import { newId } from "~/server/ids.server";
import { demoAgencyCode, seedDemo } from "~seeds/demo";
import { DEMO_PEOPLE } from "~seeds/data/people";
import { DEMO_USERS } from "~seeds/data/users";
import { stableId } from "~seeds/factories";
import { truncateAll, useEngine, type Engine } from "../support/engines";
import { workerDatabase } from "../support/worker-database";
import { seededPersonRows } from "../support/seed-counts";

process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "kamkor-integration-tests").toString("base64");

const PERSON = modelSpec("Person")!;
const ENCRYPTED_COLUMNS = [...PERSON.encrypted.values()];
const OWNER = stableId("agency", demoAgencyCode("social_services", "bishkek-len"));
const CREATOR = stableId("user", "socialworker");

/** Every person row the demo seed writes (DEMO_PEOPLE and the caseload children), as plaintext. */
const SEEDED_PEOPLE = seededPersonRows();

/** Every plaintext value the demo seed writes into an encrypted column of person. */
const SEEDED_PLAINTEXT = SEEDED_PEOPLE.flatMap((person) =>
  [...PERSON.encrypted.keys()].map((field) => (person as Record<string, unknown>)[field]).filter((value): value is string => typeof value === "string"),
);

function newPerson(overrides: Record<string, string | null> = {}) {
  return {
    id: newId(),
    surname: "Тестова",
    givenName: "Айжан",
    patronymic: "Бакытовна",
    pin: "12012201599977",
    birthDate: "2015-01-20",
    address: "г. Бишкек, ул. Демо-Проверочная, д. 2",
    phone: "+996 700 000 977",
    notes: "Тестовая заметка",
    sex: "female" as const,
    birthYear: 2015,
    ownerAgencyId: OWNER,
    createdById: CREATOR,
    ...overrides,
  };
}

async function rawPerson(database: Database, id: string): Promise<Record<string, string | null>> {
  const [row] = await database.withConnection((connection) => connection.query<Record<string, string | null>>(`SELECT * FROM person WHERE id = $1`, [id]));
  return row;
}

afterAll(() => closeDatabase());

describe.each<Engine>(["postgres", "pglite"])("field encryption on %s", (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await useEngine(engine);
    await truncateAll(database);
    await seedDemo(database.prisma);
  });

  test("raw SQL: every encrypted column of person holds only kmk1 ciphertext, and no seeded plaintext appears anywhere", async () => {
    const rows = await database.withConnection((connection) => connection.query<Record<string, unknown>>(`SELECT * FROM person`));
    expect(rows).toHaveLength(SEEDED_PEOPLE.length);
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(SEEDED_PEOPLE.map((person) => person.id)));
    for (const column of ENCRYPTED_COLUMNS) {
      const [{ total, ciphertext }] = await database.withConnection((connection) =>
        connection.query<{ total: number | bigint; ciphertext: number | bigint }>(
          `SELECT count(${column}) AS total, count(*) FILTER (WHERE ${column} ~ '^kmk1\\.[1-9][0-9]*\\.[A-Za-z0-9_-]+$') AS ciphertext FROM person`,
        ),
      );
      expect(Number(total), column).toBeGreaterThan(0);
      expect(Number(ciphertext), column).toBe(Number(total));
    }
    const dump = JSON.stringify(rows);
    // Names of the caseload children are plaintext the check must cover, not only DEMO_PEOPLE's.
    const caseloadChild = SEEDED_PEOPLE.find((person) => !DEMO_PEOPLE.some((demo) => stableId("person", demo.key) === person.id))!;
    expect(SEEDED_PLAINTEXT).toEqual(expect.arrayContaining([caseloadChild.surname, caseloadChild.givenName, caseloadChild.patronymic]));
    for (const value of SEEDED_PLAINTEXT) expect(dump, "plaintext in the person table").not.toContain(value);
    for (const row of rows) {
      expect(String(row.pin_bidx ?? "0".repeat(32))).toMatch(/^[0-9a-f]{32}$/);
      expect(String(row.surname_birth_bidx)).toMatch(/^[0-9a-f]{32}$/);
    }
    // A missing value stays NULL (it is not encrypted into something).
    const withoutPin = DEMO_PEOPLE.find((person) => person.pin === null)!;
    const raw = await rawPerson(database, stableId("person", withoutPin.key));
    expect(raw.pin).toBeNull();
    expect(raw.pin_bidx).toBeNull();
  });

  test("the encrypting client reads the seeded people back as plaintext", async () => {
    const people = await database.prisma.person.findMany({ orderBy: { id: "asc" } });
    const byId = new Map(people.map((person) => [person.id, person]));
    for (const seeded of DEMO_PEOPLE) {
      expect(byId.get(stableId("person", seeded.key))).toMatchObject({
        surname: seeded.surname,
        givenName: seeded.givenName,
        patronymic: seeded.patronymic,
        pin: seeded.pin,
        birthDate: seeded.birthDate,
        address: seeded.address,
        phone: seeded.phone,
        notes: seeded.notes,
      });
    }
  });

  test("create → read round trip: the id is generated before encryption when missing, the row holds ciphertext only", async () => {
    // The schema has no id default, so the types ask for one; untyped callers still get one.
    const { id: _id, ...withoutId } = newPerson();
    const created = await database.prisma.person.create({ data: withoutId as ReturnType<typeof newPerson> });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created).toMatchObject({ surname: "Тестова", pin: "12012201599977", notes: "Тестовая заметка" });
    const read = await database.prisma.person.findUniqueOrThrow({ where: { id: created.id } });
    expect(read).toEqual(created);
    const raw = await rawPerson(database, created.id);
    for (const column of ENCRYPTED_COLUMNS) expect(raw[column]).toMatch(/^kmk1\.\d+\./);
    expect(JSON.stringify(raw)).not.toMatch(/Тестов|Айжан|12012201599977|Проверочная/);
    expect(raw.pin_bidx).toBe(personBlindIndex.pin("12012201599977"));
  });

  test("fields that are not selected are neither returned nor decrypted; selecting encrypted fields needs the id", async () => {
    const [first] = await database.prisma.person.findMany({ select: { id: true, ownerAgencyId: true }, take: 1 });
    expect(Object.keys(first).sort()).toEqual(["id", "ownerAgencyId"]);
    await expect(database.prisma.person.findMany({ select: { surname: true }, take: 1 })).rejects.toThrow(/select id together/);
    await expect(database.prisma.person.findFirst({ omit: { id: true } })).rejects.toThrow(EncryptionUsageError);
  });

  test("filters on encrypted columns are refused; nested writes are impossible by schema today", async () => {
    await expect(database.prisma.person.findMany({ where: { surname: "Асанов" } })).rejects.toThrow(EncryptionUsageError);
    await expect(database.prisma.person.count({ where: { pin: { startsWith: "2" } } })).rejects.toThrow(/pinIndex/);
    await expect(database.prisma.person.create({ data: { ...newPerson(), pinIndex: "00" } })).rejects.toThrow(/blind index/);
  });

  test("blind-index search finds by PIN and by surname + birth date, with Unicode, lookalike, case and format variants", async () => {
    const asanaliev = stableId("person", "asanaliev-nurbek");
    const byPin = await database.prisma.person.findMany({ where: { pinIndex: personBlindIndex.pin("2150-3201 2999 01") }, select: { id: true, pin: true } });
    expect(byPin.map((person) => person.id)).toEqual([asanaliev]);
    expect(blindIndexMatches.pin(byPin[0].pin, "2150-3201 2999 01")).toBe(true);

    // Latin A, a, a, e inside the Cyrillic surname; upper case; DD.MM.YYYY.
    for (const surname of ["A\u0441a\u043da\u043b\u0438e\u0432", "  АСАНАЛИЕВ ", "асаналиев"]) {
      const found = await findCandidatesByBlindIndex(database.prisma, {
        model: "Person",
        index: "surnameBirthIndex",
        input: { surname, birthDate: "15.03.2012" },
        select: { givenName: true },
      });
      expect(found, surname).toEqual([{ id: asanaliev, givenName: "Нурбек" }]);
    }
    // Composed vs decomposed Ё, and the Kyrgyz letters typed on a Russian layout.
    const yolkina = await findCandidatesByBlindIndex(database.prisma, {
      model: "Person",
      index: "surnameBirthIndex",
      input: { surname: "Ёлкина".normalize("NFD"), birthDate: "2012-12-01" },
    });
    expect(yolkina).toEqual([{ id: stableId("person", "yolkina-anna") }]);
    const omurbekova = await findCandidatesByBlindIndex(database.prisma, {
      model: "Person",
      index: "surnameBirthIndex",
      input: { surname: "Омурбекова", birthDate: "2008-10-25" },
      select: { surname: true },
    });
    expect(omurbekova).toEqual([{ id: stableId("person", "omurbekova-umut"), surname: "Өмүрбекова" }]);
    // A clear-column filter (e.g. the policy's list filter) narrows the candidates.
    expect(
      await findCandidatesByBlindIndex(database.prisma, {
        model: "Person",
        index: "pinIndex",
        input: { pin: "21503201299901" },
        where: { ownerAgencyId: OWNER },
      }),
    ).toEqual([]);
    expect(await database.prisma.person.count({ where: { surnameBirthIndex: personBlindIndex.surnameBirth("Асаналиева", "2012-03-15") } })).toBe(0);
  });

  test("updating one part of the compound index recomputes it from the stored other part (also in a transaction)", async () => {
    const { id } = await database.prisma.person.create({ data: newPerson({ pin: null, surname: "Первая" }) });
    await database.prisma.person.update({ where: { id }, data: { surname: "Вторая" } });
    const byNew = personBlindIndex.surnameBirth("Вторая", "2015-01-20");
    expect((await rawPerson(database, id)).surname_birth_bidx).toBe(byNew);
    await database.prisma.$transaction(async (tx) => {
      await tx.person.update({ where: { id }, data: { birthDate: { set: "2015-01-21" } } });
    });
    expect((await rawPerson(database, id)).surname_birth_bidx).toBe(personBlindIndex.surnameBirth("Вторая", "2015-01-21"));
    await database.prisma.person.update({ where: { id }, data: { birthDate: null } });
    expect((await rawPerson(database, id)).surname_birth_bidx).toBeNull();
    // An update of clear fields leaves the indexes alone.
    await database.prisma.person.update({ where: { id }, data: { birthYear: 2014, pin: "12012201599978" } });
    const raw = await rawPerson(database, id);
    expect(raw.pin_bidx).toBe(personBlindIndex.pin("12012201599978"));
    expect(raw.surname_birth_bidx).toBeNull();
  });

  test("updateMany of encrypted fields encrypts per record; upsert encrypts both branches", async () => {
    const marker = stableId("agency", demoAgencyCode("ngo", "osh"));
    const ids = await Promise.all([1, 2, 3].map(async () => (await database.prisma.person.create({ data: { ...newPerson(), ownerAgencyId: marker } })).id));
    expect(await database.prisma.person.updateMany({ where: { ownerAgencyId: marker }, data: { notes: "Общая заметка", surname: "Групповая" } })).toEqual({
      count: 3,
    });
    const rows = await database.prisma.person.findMany({ where: { ownerAgencyId: marker }, select: { id: true, notes: true, surname: true } });
    expect(rows.map((row) => [row.notes, row.surname])).toEqual(Array(3).fill(["Общая заметка", "Групповая"]));
    const raws = await Promise.all(ids.map((id) => rawPerson(database, id)));
    expect(new Set(raws.map((raw) => raw.notes)).size).toBe(3); // one ciphertext per record
    expect(new Set(raws.map((raw) => raw.surname_birth_bidx))).toEqual(new Set([personBlindIndex.surnameBirth("Групповая", "2015-01-20")]));

    const id = newId();
    const created = await database.prisma.person.upsert({ where: { id }, create: { ...newPerson({ surname: "Новая" }), id }, update: { surname: "Не та" } });
    expect(created.surname).toBe("Новая");
    const updated = await database.prisma.person.upsert({ where: { id }, create: { ...newPerson(), id }, update: { surname: "Обновлённая" } });
    expect(updated).toMatchObject({ id, surname: "Обновлённая", birthDate: "2015-01-20" });
    expect((await rawPerson(database, id)).surname_birth_bidx).toBe(personBlindIndex.surnameBirth("Обновленная", "20.01.2015"));
  });

  test("break-glass reasons and review comments are encrypted too", async () => {
    const grant = await database.prisma.breakGlassGrant.create({
      data: {
        id: newId(),
        userId: CREATOR,
        recordType: "person",
        recordId: newId(),
        reason: "Ребёнок в опасности, срочно",
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    await database.prisma.breakGlassGrant.update({ where: { id: grant.id }, data: { reviewComment: "Обосновано", verdict: "justified" } });
    const [raw] = await database.withConnection((connection) =>
      connection.query<Record<string, string>>(`SELECT reason, review_comment FROM break_glass_grant WHERE id = $1`, [grant.id]),
    );
    expect(raw.reason).toMatch(/^kmk1\./);
    expect(raw.review_comment).toMatch(/^kmk1\./);
    expect(
      await database.prisma.breakGlassGrant.findUniqueOrThrow({ where: { id: grant.id }, select: { id: true, reason: true, reviewComment: true } }),
    ).toEqual({
      id: grant.id,
      reason: "Ребёнок в опасности, срочно",
      reviewComment: "Обосновано",
    });
  });

  test("ciphertext swapped between two rows (or two columns) by raw SQL fails to decrypt, names the place and is audited", async () => {
    const first = await database.prisma.person.create({ data: newPerson({ surname: "Перваякопия" }) });
    const second = await database.prisma.person.create({ data: newPerson({ surname: "Втораякопия" }) });
    await database.withConnection((connection) =>
      connection.query(
        `UPDATE person AS p SET surname = o.surname FROM person AS o
         WHERE (p.id, o.id) IN (($1, $2), ($2, $1))`,
        [first.id, second.id],
      ),
    );
    const error = await database.prisma.person.findUniqueOrThrow({ where: { id: first.id } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DecryptionError);
    expect(error).toMatchObject({ table: "person", column: "surname", recordId: first.id });
    expect((error as Error).message).not.toContain("копия");
    await expect(database.prisma.person.findMany({ where: { id: { in: [second.id] } }, select: { id: true, surname: true } })).rejects.toThrow(DecryptionError);
    // The other fields of the row still decrypt when selected alone.
    expect(await database.prisma.person.findUniqueOrThrow({ where: { id: first.id }, select: { id: true, givenName: true } })).toEqual({
      id: first.id,
      givenName: "Айжан",
    });

    // Column swap inside one row: given_name ← patronymic.
    await database.withConnection((connection) => connection.query(`UPDATE person SET given_name = patronymic WHERE id = $1`, [second.id]));
    await expect(database.prisma.person.findUniqueOrThrow({ where: { id: second.id }, select: { id: true, givenName: true } })).rejects.toThrow(
      /person\.given_name of record/,
    );

    await settleEncryptionAudits();
    const audited = await database.prisma.auditEvent.findMany({
      where: { action: "encryption.decrypt_failed", recordId: first.id },
      select: { recordType: true, recordId: true, fields: true, decision: true, purpose: true, actorUserId: true },
    });
    expect(audited.length).toBeGreaterThanOrEqual(1);
    expect(audited[0]).toMatchObject({ recordType: "person", fields: ["surname"], decision: "failed" });
    expect(JSON.stringify(audited)).not.toContain("копия");
  });
});

describe.each<Engine>(["postgres", "pglite"])("a fresh database on %s", (engine) => {
  test("the first encrypted write may happen inside an interactive transaction (keys are loaded before it starts)", async () => {
    const database = await useEngine(engine);
    if (engine === "postgres") {
      await truncateAll(database);
    }
    const person = newPerson();
    // A new PGlite has no key yet: loading it inside the transaction would wait for that transaction.
    const created = await database.prisma.$transaction(async (tx) => tx.person.create({ data: person }));
    expect(created.surname).toBe("Тестова");
    const [batched] = await database.prisma.$transaction([database.prisma.person.findUniqueOrThrow({ where: { id: person.id } })]);
    expect(batched.pin).toBe(person.pin);
  });
});

describe("the database dump", () => {
  test("pg_dump of the PostgreSQL database contains ciphertext and no demo plaintext", async () => {
    const database = await useEngine("postgres");
    await truncateAll(database);
    await seedDemo(database.prisma);
    const { stdout } = await promisify(execFile)("/usr/lib/postgresql/15/bin/pg_dump", ["--data-only", "--no-owner", workerDatabase().adminDatabaseUrl], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(stdout).toMatch(/kmk1\.\d+\./);
    expect(stdout).toMatch(/COPY public\.person /);
    // Whole values only: a child's given name may be part of a staff display name, which is not
    // encrypted (e.g. "Канат" in "Канатбек"); a leaked column value stands on its own.
    const wholeValue = (value: string) => new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u");
    expect(stdout).toMatch(wholeValue(DEMO_USERS[0].displayName)); // the matcher does find whole (unencrypted) values
    for (const value of SEEDED_PLAINTEXT) expect(stdout, `plaintext in pg_dump: ${value}`).not.toMatch(wholeValue(value));
  });
});
