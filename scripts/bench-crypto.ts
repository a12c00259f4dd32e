/**
 * `npm run bench:crypto [-- --people=100000] [-- --only=fields,search]`: the cost of field
 * encryption. Prints figures, asserts nothing (docs/decisions/007-test-layers.md).
 *   1. fields — encrypt+decrypt throughput per registered field (ops/s, one core), and the
 *      blind-index computation rate.
 *   2. search — blind-index search latency (p50/p95/p99 over ≥ 1,000 lookups per kind) on
 *      100,000 people in a throwaway PostgreSQL 15 cluster, end to end through the encrypting
 *      client: HMAC of the input, indexed query, decryption and re-check of the candidates.
 *      Target: p95 < 20 ms. Also reports the bulk insert time through the extension.
 * Each section is an exported async function listed in SECTIONS: append new ones there
 * (e.g. the audit benchmarks) and they run in order.
 */
import { pathToFileURL } from "node:url";
import type { Prisma } from "~/generated/prisma/client.ts";
import { closeDatabase, type Database } from "~/server/db.server";
import { computeBlindIndex, findCandidatesByBlindIndex } from "~/server/encryption/blind-index.server";
import { decryptField, deriveFieldKey, encryptField } from "~/server/encryption/cipher.server";
import { allModelSpecs, modelSpec } from "~/server/encryption/registry";
import { newId } from "~/server/ids.server";
import { startThrowawayPostgres } from "../tests/support/postgres-cluster";
import { benchAudit } from "./bench-audit";
import { useEngine } from "../tests/support/engines";

/** A fixed, bench-only root key (the bench never touches real data). */
process.env.KAMKOR_ROOT_KEY ??= Buffer.alloc(32, "kamkor-bench-crypto").toString("base64");

function option(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

const PEOPLE = Number(option("people") ?? process.env.BENCH_CRYPTO_PEOPLE ?? 100_000);
const LOOKUPS = Math.max(1_000, Number(option("lookups") ?? 1_000));

const fmt = (value: number, digits = 0) => value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function latencyLine(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return `  ${label.padEnd(34)} n=${samples.length}  p50 ${fmt(percentile(sorted, 50), 2)} ms  p95 ${fmt(percentile(sorted, 95), 2)} ms  p99 ${fmt(percentile(sorted, 99), 2)} ms  mean ${fmt(mean, 2)} ms`;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run loads the same people. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAME_ROOTS = [
  "Асан",
  "Осмон",
  "Токтогул",
  "Жээнбек",
  "Бекмурат",
  "Абдулла",
  "Ташы",
  "Өмүрбек",
  "Сейит",
  "Иса",
  "Курман",
  "Сатыбалды",
  "Жолдош",
  "Мамат",
  "Эрмек",
  "Нурлан",
  "Каныбек",
  "Бакыт",
  "Алмаз",
  "Талант",
  "Сүйүн",
  "Дөөлөт",
  "Адыл",
  "Бейшен",
  "Үсөн",
];
const SURNAME_ENDINGS = [
  ["ов", "ова"],
  ["ев", "ева"],
  ["алиев", "алиева"],
  ["беков", "бекова"],
  [" уулу", " кызы"],
];
const GIVEN = {
  male: ["Нурбек", "Эмир", "Арсен", "Бехзод", "Бекжан", "Адилет", "Азамат", "Эрлан", "Тимур", "Данияр"],
  female: ["Айпери", "Виктория", "Гулиза", "Мээрим", "Үмүт", "Анна", "Айжан", "Жылдыз", "Назира", "Чолпон"],
};

type BenchPerson = Prisma.PersonCreateManyInput & { pin: string; surname: string; birthDate: string };

function syntheticPeople(count: number): BenchPerson[] {
  const next = random(20261125);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  return Array.from({ length: count }, (_, index) => {
    const sex = next() < 0.5 ? ("male" as const) : ("female" as const);
    const year = 1990 + Math.floor(next() * 31);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const dd = String(day).padStart(2, "0");
    const mm = String(month).padStart(2, "0");
    const ending = pick(SURNAME_ENDINGS)[sex === "male" ? 0 : 1];
    return {
      id: newId(),
      surname: `${pick(SURNAME_ROOTS)}${ending}`,
      givenName: pick(GIVEN[sex]),
      patronymic: next() < 0.8 ? `${pick(GIVEN.male)}${sex === "male" ? "ович" : "овна"}` : null,
      // Unique by construction: the serial is the row number.
      pin: `${sex === "male" ? 2 : 1}${dd}${mm}${year}${String(index).padStart(5, "0").slice(-5)}`.slice(0, 14),
      birthDate: `${year}-${mm}-${dd}`,
      address: next() < 0.7 ? `г. Бишкек, ул. Демо-${pick(SURNAME_ROOTS)}, д. ${1 + Math.floor(next() * 200)}` : null,
      phone: next() < 0.6 ? `+996 ${700 + Math.floor(next() * 99)} ${String(Math.floor(next() * 1e6)).padStart(6, "0")}` : null,
      notes: next() < 0.2 ? "Синтетическая запись для замера производительности." : null,
      sex,
      birthYear: year,
      ownerAgencyId: `bench-agency-${index % 40}`,
      createdById: "bench-user",
    };
  });
}

/** Section 1: per-field encrypt+decrypt throughput and blind-index rate (no database). */
export async function benchFieldCrypto(): Promise<void> {
  console.log(`\nField encryption (AES-256-GCM, node:crypto, one core; Node ${process.version})`);
  const dek = Buffer.alloc(32, 7);
  const samples: Record<string, string> = {
    surname: "Асаналиев",
    givenName: "Нурбек",
    patronymic: "Бакытович",
    pin: "21503201299901",
    birthDate: "2012-03-15",
    address: "г. Бишкек, ул. Демо-Тестовая, д. 1, кв. 12",
    phone: "+996 555 000 101",
    notes: "Демо-запись: пропуски занятий с сентября. ".repeat(12),
    reason: "Ребёнок в опасности: нужен адрес приюта, дежурный недоступен.",
    reviewComment: "Обосновано.",
  };
  const rounds = 20_000;
  for (const spec of allModelSpecs()) {
    for (const [field, column] of spec.encrypted) {
      const value = samples[field] ?? "пример";
      const key = deriveFieldKey(dek, spec.table, column);
      const place = { table: spec.table, column, recordId: "5f0c6a9e-4a57-4c4e-9f7e-3f0f6b0e2a11" };
      for (let i = 0; i < 1_000; i++) decryptField(encryptField(value, key, place, 1), key, place); // warm-up
      const started = performance.now();
      for (let i = 0; i < rounds; i++) decryptField(encryptField(value, key, place, 1), key, place);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `  ${`${spec.model}.${field}`.padEnd(30)} ${String(Buffer.byteLength(value)).padStart(4)} B  ${fmt(rounds / seconds).padStart(8)} encrypt+decrypt/s`,
      );
    }
  }
  const person = modelSpec("Person")!;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    computeBlindIndex(person, "pinIndex", { pin: "21503201299901" });
    computeBlindIndex(person, "surnameBirthIndex", { surname: "  Асаналиев ", birthDate: "15.03.2012" });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`  ${"blind index (normalise + HMAC)".padEnd(30)}       ${fmt((2 * rounds) / seconds).padStart(8)} indexes/s`);
}

async function loadPeople(database: Database, people: BenchPerson[]): Promise<void> {
  const chunk = 1_000;
  const started = performance.now();
  let lastReport = started;
  for (let offset = 0; offset < people.length; offset += chunk) {
    await database.prisma.person.createMany({ data: people.slice(offset, offset + chunk) });
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      console.log(`    … ${fmt(offset + chunk)} people`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `  inserted ${fmt(people.length)} people through the encrypting client (createMany × ${fmt(chunk)}): ${fmt(seconds, 1)} s, ${fmt(people.length / seconds)} people/s`,
  );
  await database.withConnection((connection) => connection.exec("ANALYZE person"));
}

/** Section 2: blind-index search latency on a real PostgreSQL with PEOPLE people. */
export async function benchBlindIndexSearch(): Promise<void> {
  console.log(`\nBlind-index search on ${fmt(PEOPLE)} people (PostgreSQL 15 throwaway cluster, fsync off)`);
  const cluster = await startThrowawayPostgres({ label: "bench-crypto" });
  try {
    const database = await useEngine("postgres", cluster.url);
    const people = syntheticPeople(PEOPLE);
    await loadPeople(database, people);
    const [size] = await database.withConnection((connection) =>
      connection.query<{ table: string; indexes: string }>(
        `SELECT pg_size_pretty(pg_table_size('person')) AS table, pg_size_pretty(pg_indexes_size('person')) AS indexes`,
      ),
    );
    console.log(`  person table ${size.table}, its indexes ${size.indexes}`);

    const next = random(7);
    const sample = () => people[Math.floor(next() * people.length)];
    const select = { surname: true, givenName: true, patronymic: true, birthDate: true, ownerAgencyId: true, territoryId: true } as const;
    const time = async (work: () => Promise<number>) => {
      const started = performance.now();
      const found = await work();
      if (found < 1) throw new Error("a lookup found nobody: the index or the data is wrong");
      return performance.now() - started;
    };
    const byPin = () => {
      const person = sample();
      return findCandidatesByBlindIndex(database.prisma, { model: "Person", index: "pinIndex", input: { pin: person.pin }, select }).then(
        (rows) => rows.length,
      );
    };
    const byName = () => {
      const person = sample();
      // Typed as a user would: upper case, DD.MM.YYYY.
      const [year, month, day] = person.birthDate.split("-");
      return findCandidatesByBlindIndex(database.prisma, {
        model: "Person",
        index: "surnameBirthIndex",
        input: { surname: person.surname.toUpperCase(), birthDate: `${day}.${month}.${year}` },
        select,
      }).then((rows) => rows.length);
    };
    for (let i = 0; i < 200; i++) await byPin(); // warm-up: connections, plans, caches
    const pinTimes: number[] = [];
    for (let i = 0; i < LOOKUPS; i++) pinTimes.push(await time(byPin));
    const nameTimes: number[] = [];
    for (let i = 0; i < LOOKUPS; i++) nameTimes.push(await time(byName));
    console.log(latencyLine("by PIN (pin_bidx)", pinTimes));
    console.log(latencyLine("by surname + birth date", nameTimes));
    console.log("  (each lookup: normalise + HMAC, indexed SELECT, decrypt 5 fields of the candidate, re-check; target p95 < 20 ms)");

    const [plan] = await database.withConnection((connection) =>
      connection.query<{ "QUERY PLAN": string }>(`EXPLAIN SELECT id FROM person WHERE pin_bidx = $1`, ["00"]),
    );
    console.log(`  plan: ${plan["QUERY PLAN"]}`);
  } finally {
    await closeDatabase();
    await cluster.stop();
  }
}

/** Sections in running order; other benchmarks append themselves here. */
export const SECTIONS: { name: string; run: () => Promise<void> }[] = [
  { name: "fields", run: benchFieldCrypto },
  { name: "search", run: benchBlindIndexSearch },
  { name: "audit", run: benchAudit },
];

async function main() {
  const only = option("only")?.split(",");
  for (const section of SECTIONS) if (!only || only.includes(section.name)) await section.run();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
