/**
 * Drift between prisma/schema.prisma, the schema snapshot and the migrations
 * (docs/decisions/002-database-and-migrations.md):
 *   (a) schema.prisma has no change that no migration carries (schema.prisma = snapshot), and
 *   (b) the migrations, applied in order to an empty database, build the database the snapshot
 *       describes, apart from the hand-written objects listed in KNOWN_EXTRAS.
 * Together: the migrations build what schema.prisma describes. Data statements in migrations
 * (the audit chain's genesis row, the ASQ amendment) are out of scope; only the catalog counts.
 */
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyMigrations, readMigrations } from "~/server/migrations.server";
import { migrateDiffScript, SCHEMA_PATH, SNAPSHOT_PATH, snapshotOf } from "../../scripts/migration-snapshot";

const FIX =
  "Fix: after editing prisma/schema.prisma run `npm run db:migration -- --name what_changed`; it writes the migration " +
  `and updates ${SNAPSHOT_PATH}. Never edit the snapshot or an applied migration.sql by hand.`;

/**
 * Objects the migrations create by hand because Prisma 6 cannot express them (or the schema does
 * not declare them); key as catalog() names it → why. A difference not listed here fails, and so
 * does an entry here that no longer differs.
 */
const KNOWN_EXTRAS: Record<string, string> = {
  "function audit_event_is_append_only()": "20261125090859_protection_core: the audit log is append-only",
  "trigger audit_event_no_update_delete on audit_event": "20261125090859_protection_core: refuses UPDATE and DELETE",
  "trigger audit_event_no_truncate on audit_event": "20261125090859_protection_core: refuses TRUNCATE",
  "privileges on audit_event": "20261125090859_protection_core: REVOKE UPDATE, DELETE, TRUNCATE",
  "function audit_append(events jsonb, expected_head text, new_head text)": "20261125091931_audit_append: the audit append in one round trip",
  "index audit_event_actor_username_seq_idx": "20261125091931_audit_append: written by hand, not declared in schema.prisma",
  "index screening_open_deadline_idx": "20261125115149_screening_escalation: partial index",
  "index screening_in_progress_idx": "20261125121500_screening_session_expiry: partial index",
};

type Catalog = Map<string, string>;

/**
 * The public schema's catalog as "kind name" → definition. Column positions are left out (a column
 * added later comes last, the snapshot puts it where the model has it), and enum labels are
 * compared as a set (Prisma appends new values with ADD VALUE, whatever their place in the model).
 */
async function catalog(db: PGlite): Promise<Catalog> {
  const entries: [string, string][] = [];
  const rows = async (sql: string) => (await db.query<{ key: string; definition: string | null }>(sql)).rows;
  const ours = "n.nspname = 'public' and c.relname <> '_prisma_migrations'";
  for (const sql of [
    `select case c.relkind when 'r' then 'table ' when 'p' then 'table ' when 'v' then 'view ' when 'm' then 'view '
              when 'S' then 'sequence ' else 'relation ' end || c.relname as key,
            case when c.relkind in ('v', 'm') then pg_get_viewdef(c.oid) else '' end as definition
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${ours} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
    `select 'column ' || c.relname || '.' || a.attname as key,
            format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else ' null' end
              || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
              || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
              || case when a.attgenerated <> '' then ' generated ' || a.attgenerated::text else '' end as definition
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
       left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where ${ours} and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
    `select 'constraint ' || c.relname || '.' || k.conname as key, pg_get_constraintdef(k.oid) as definition
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
      where ${ours}`,
    `select 'index ' || i.relname as key, pg_get_indexdef(i.oid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class c on c.oid = x.indrelid
       join pg_namespace n on n.oid = c.relnamespace
      where ${ours}`,
    `select 'enum ' || t.typname as key, string_agg(e.enumlabel, ', ' order by e.enumlabel) as definition
       from pg_type t join pg_enum e on e.enumtypid = t.oid join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' group by t.typname`,
    `select 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' as key,
            pg_get_function_result(p.oid) as definition
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public'`,
    `select 'trigger ' || g.tgname || ' on ' || c.relname as key, pg_get_triggerdef(g.oid) as definition
       from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where ${ours} and not g.tgisinternal`,
    // Only explicit grants and revokes: a relation on default privileges has no ACL.
    `select 'privileges on ' || c.relname as key, c.relacl::text as definition
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where ${ours} and c.relacl is not null`,
    `select 'extension ' || extname as key, '' as definition from pg_extension where extname <> 'plpgsql'`,
  ]) {
    for (const row of await rows(sql)) entries.push([row.key, row.definition ?? ""]);
  }
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

type Difference = { key: string; migrations?: string; snapshot?: string };

function differences(migrations: Catalog, snapshot: Catalog): Difference[] {
  const keys = [...new Set([...migrations.keys(), ...snapshot.keys()])].sort();
  return keys.filter((key) => migrations.get(key) !== snapshot.get(key)).map((key) => ({ key, migrations: migrations.get(key), snapshot: snapshot.get(key) }));
}

function describeDifference({ key, migrations, snapshot }: Difference): string {
  if (snapshot === undefined) return `- only the migrations create ${key}: ${migrations}`;
  if (migrations === undefined) return `- only the snapshot has ${key}: ${snapshot}`;
  return `- ${key} differs:\n    migrations: ${migrations}\n    snapshot:   ${snapshot}`;
}

const schemaText = fs.readFileSync(SCHEMA_PATH, "utf8");
const snapshotText = fs.readFileSync(SNAPSHOT_PATH, "utf8");

let db: PGlite;
let unreleasedChanges: string;
let migrationsCatalog: Catalog;
let snapshotCatalog: Catalog;

// One in-memory PGlite, used twice: the migrations first, then the snapshot's SQL on an emptied
// public schema. The Prisma CLI (a few seconds, most of this file's time) runs meanwhile.
beforeAll(async () => {
  const diffs = Promise.all([
    // An identical file needs no engine; otherwise Prisma decides (comments and layout do not count).
    snapshotText === snapshotOf(schemaText) ? "" : migrateDiffScript(["--from-schema-datamodel", SNAPSHOT_PATH, "--to-schema-datamodel", SCHEMA_PATH]),
    migrateDiffScript(["--from-empty", "--to-schema-datamodel", SNAPSHOT_PATH]),
  ]);
  // Awaited below; this only keeps a CLI failure during the migrations from being reported as unhandled.
  diffs.catch(() => undefined);
  db = new PGlite();
  // The project's own applier, as `npm start` runs it.
  await applyMigrations(
    {
      query: async (sql, params) => (await db.query(sql, params)).rows as never,
      exec: async (script) => {
        await db.exec(script);
      },
    },
    readMigrations(),
  );
  migrationsCatalog = await catalog(db);
  const [changes, snapshotSql] = await diffs;
  unreleasedChanges = changes;
  await db.exec("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await db.exec(snapshotSql);
  snapshotCatalog = await catalog(db);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe("migrations do not drift from prisma/schema.prisma", () => {
  test("the catalog probe sees tables, columns, keys, indexes, enums, functions, triggers and grants", () => {
    expect(snapshotCatalog.get("column screening.overdue_escalated_at")).toBe("timestamp(3) without time zone null");
    expect(snapshotCatalog.get("constraint session.session_user_id_fkey")).toMatch(
      /^FOREIGN KEY \(user_id\) REFERENCES app_user\(id\) ON UPDATE CASCADE ON DELETE CASCADE$/,
    );
    expect(snapshotCatalog.get("constraint territory.territory_pkey")).toBe("PRIMARY KEY (id)");
    expect(snapshotCatalog.get("index territory_code_key")).toMatch(/^CREATE UNIQUE INDEX territory_code_key ON public.territory/);
    expect(snapshotCatalog.get("enum ReviewDecision")).toBe("change_goals, continue, request_closure");
    expect(migrationsCatalog.get("index screening_in_progress_idx")).toMatch(/WHERE/);
    expect(migrationsCatalog.get("trigger audit_event_no_truncate on audit_event")).toMatch(/BEFORE TRUNCATE/);
    expect(migrationsCatalog.get("privileges on audit_event")).toBeDefined();
    expect(migrationsCatalog.has("table _prisma_migrations")).toBe(false);
  });

  test("migration folders hold only migration.sql (the schema lives in the one snapshot)", () => {
    const extra = readMigrations().flatMap(({ name }) =>
      fs
        .readdirSync(`prisma/migrations/${name}`)
        .filter((file) => file !== "migration.sql")
        .map((file) => `prisma/migrations/${name}/${file}`),
    );
    expect(extra, `Delete ${extra.join(", ")}; ${FIX}`).toEqual([]);
  });

  test("(a) prisma/schema.prisma has no change that no migration carries", () => {
    const message = `prisma/schema.prisma differs from ${SNAPSHOT_PATH} (the schema as of the latest migration); no migration carries:\n\n${unreleasedChanges}\n\n${FIX}`;
    expect(unreleasedChanges, message).toBe("");
  });

  test("(b) the migrations build the database the snapshot describes, hand-written extras aside", () => {
    const found = differences(migrationsCatalog, snapshotCatalog);
    const unexplained = found.filter((difference) => !Object.hasOwn(KNOWN_EXTRAS, difference.key));
    const message =
      `Applying prisma/migrations/*/migration.sql in order does not build what ${SNAPSHOT_PATH} describes:\n` +
      `${unexplained.map(describeDifference).join("\n")}\n\n` +
      "A migration.sql or the snapshot was edited by hand. A migration not yet applied anywhere can be deleted together with " +
      "its snapshot change and written again with `npm run db:migration -- --name what_changed`; an applied one stays as it is " +
      "and a new migration corrects the database. A hand-written object Prisma cannot express (trigger, function, partial " +
      "index, grant) that is meant to be there goes into KNOWN_EXTRAS in tests/unit/migration-drift.test.ts, naming its migration.";
    expect(unexplained, message).toEqual([]);
  });

  test("every KNOWN_EXTRAS entry still differs (no stale excuses)", () => {
    const found = new Set(differences(migrationsCatalog, snapshotCatalog).map((difference) => difference.key));
    const stale = Object.keys(KNOWN_EXTRAS).filter((key) => !found.has(key));
    expect(stale, `KNOWN_EXTRAS in tests/unit/migration-drift.test.ts lists objects that no longer differ; remove: ${stale.join(", ")}`).toEqual([]);
  });
});
