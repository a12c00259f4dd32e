import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { newId } from "~/server/ids.server";
import { computeBlindIndex } from "./blind-index.server";
import { ciphertextVersion, DecryptionError, decryptField, encryptField } from "./cipher.server";
import { indexDataModel, registryProblems, runtimeDataModel, type ModelIndex } from "./data-model.server";
import { checkOperationArgs, EncryptionUsageError } from "./guards";
import { Keyring, KeyringError, type KeyStore } from "./keyring.server";
import { modelSpec, type ModelSpec } from "./registry";
import { decryptResult } from "./results";

/**
 * The Prisma query extension that applies the encryption registry to every query:
 *
 * - writes (create, createMany[AndReturn], update, updateMany[AndReturn], upsert) of a
 *   registered model get an id if they have none, then their declared fields are encrypted
 *   and their blind indexes computed (an update that changes one part of a compound index
 *   loads and decrypts the other part);
 * - reads decrypt the declared fields of the model and of every included/selected relation
 *   of a registered model. Fields not selected are never fetched, so never decrypted;
 * - filters/ordering on encrypted columns and nested writes into registered models are
 *   refused (guards.ts).
 *
 * `$transaction` is wrapped: it makes sure the keyring is loaded before the transaction
 * starts (on PGlite a key read from inside an open transaction would wait for that very
 * transaction), and it remembers the interactive transaction client so that the reads the
 * extension itself needs run inside the caller's transaction.
 */

type Row = Record<string, unknown>;
type QueryParams = {
  model?: string;
  operation: string;
  args: Row;
  query: (args: unknown) => Promise<unknown>;
  __internalParams?: { transaction?: { kind?: "itx" | "batch" } };
};
type Delegate = {
  findUnique(args: object): Promise<Row | null>;
  findMany(args: object): Promise<Row[]>;
  update(args: object): Promise<Row>;
};
type AnyClient = object;

const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert"]);
const RETURNS_RECORDS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "create",
  "createManyAndReturn",
  "update",
  "updateManyAndReturn",
  "upsert",
  "delete",
]);

const delegate = (client: AnyClient, model: string): Delegate => (client as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)];

/** `{ set: value }` and `value` mean the same in update data. */
function plainValue(value: unknown): unknown {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "set" in value ? (value as { set: unknown }).set : value;
}

export function prismaKeyStore(client: AnyClient): KeyStore {
  const keys = (
    client as {
      encryptionKey: {
        findMany(args: object): Promise<{ version: number; wrappedKey: string; rootKeyId: string }[]>;
        createMany(args: object): Promise<{ count: number }>;
      };
    }
  ).encryptionKey;
  return {
    list: () => keys.findMany({ orderBy: { version: "asc" }, select: { version: true, wrappedKey: true, rootKeyId: true } }),
    insertIfAbsent: async (row) => (await keys.createMany({ data: [row], skipDuplicates: true })).count === 1,
  };
}

const pendingAudits = new Set<Promise<void>>();

/**
 * Audits a decryption failure through `audit` (db.server wires it to the audit log; importing
 * the log here would be a cycle: audit → db → this file). Best effort and not awaited: the
 * DecryptionError is what the caller sees, and the audit append must not wait for the
 * caller's own transaction (PGlite has one connection), so it starts after the caller's throw.
 */
function reportDecryptFailure(audit: DecryptFailureAudit, error: DecryptionError): void {
  const pending = Promise.resolve()
    .then(() => audit(error))
    .catch((auditError: unknown) => {
      console.error(`Could not audit a decryption failure (${error.table}.${error.column}): ${auditError instanceof Error ? auditError.message : auditError}`);
    });
  pendingAudits.add(pending);
  void pending.finally(() => pendingAudits.delete(pending));
}

/** Waits for the audit events of decryption failures (tests, orderly shutdown). */
export async function settleEncryptionAudits(): Promise<void> {
  await Promise.all([...pendingAudits]);
}

export type EncryptionControl = {
  keyring: Keyring;
  models: ModelIndex;
  /** Loads the keyring (creating version 1 on an empty table). Throws KeyringError on a wrong root key. */
  ready(): Promise<void>;
  /** Audits a decryption failure found outside the client (re-encryption), without waiting for it. */
  reportDecryptFailure(error: DecryptionError): void;
};

/** Writes the audit event of a decryption failure ("encryption.decrypt_failed": place named, value never). */
export type DecryptFailureAudit = (error: DecryptionError) => Promise<void>;

export type EncryptionOptions = { onDecryptFailure: DecryptFailureAudit; keyring?: Keyring };

/** The client with field encryption; `control` gives start-up and the key tools the keyring. */
export function withEncryption(base: PrismaClient, { onDecryptFailure, keyring = new Keyring() }: EncryptionOptions) {
  const models = indexDataModel(runtimeDataModel(base));
  const problems = registryProblems(models);
  if (problems.length) throw new Error(`The encryption registry does not match the schema: ${problems.join("; ")}.`);
  const baseStore = prismaKeyStore(base);
  const transactions = new AsyncLocalStorage<AnyClient>();

  type Context = { kind: "itx" | "batch" | undefined; client: AnyClient; store: KeyStore };

  function contextOf(params: QueryParams): Context {
    const kind = params.__internalParams?.transaction?.kind;
    const tx = kind === "itx" ? transactions.getStore() : undefined;
    return tx ? { kind, client: tx, store: prismaKeyStore(tx) } : { kind, client: inner, store: baseStore };
  }

  async function writeReady(context: Context): Promise<number> {
    if (context.kind === "batch") {
      // No I/O here: a batch is sent as one request once every part has been prepared.
      if (!keyring.loaded) throw new KeyringError("The keyring is not loaded (use the encrypting client's $transaction).");
    } else if (context.kind === "itx") {
      // $transaction refreshed the keyring just before it began; only a cold one is read here,
      // through the transaction itself (on PGlite any other read would wait for it).
      if (!keyring.loaded) await keyring.reload(context.store, { create: false });
    } else {
      await keyring.ready(baseStore, { create: true });
    }
    return keyring.currentVersion;
  }

  /** Encrypts the declared fields of one record's data and computes its blind indexes. */
  function encryptData(spec: ModelSpec, data: Row, recordId: string, version: number, current: Row = {}, all = false): Row {
    const out: Row = { ...data };
    const plain: Row = { ...current };
    for (const [field, column] of spec.encrypted) {
      const value = plainValue(data[field]);
      if (value === undefined) continue;
      plain[field] = value;
      if (value === null) {
        out[field] = null;
      } else if (typeof value === "string") {
        out[field] = encryptField(value, keyring.fieldKey(version, spec.table, column), { table: spec.table, column, recordId }, version);
      } else {
        throw new EncryptionUsageError(`${spec.model}.${field} is encrypted and takes a string or null.`);
      }
    }
    for (const [indexField, index] of spec.blindIndexes) {
      if (all || index.sources.some((source) => plainValue(data[source.field]) !== undefined)) {
        out[indexField] = computeBlindIndex(spec, indexField, plain);
      }
    }
    return out;
  }

  const touchesEncrypted = (spec: ModelSpec, data: Row) => [...spec.encrypted.keys()].some((field) => plainValue(data[field]) !== undefined);

  /** Parts of compound indexes that an update leaves out: they must be read to recompute the index. */
  function missingIndexParts(spec: ModelSpec, data: Row): string[] {
    const missing = new Set<string>();
    for (const index of spec.blindIndexes.values()) {
      const fields = index.sources.map((source) => source.field);
      if (fields.some((field) => plainValue(data[field]) !== undefined)) {
        for (const field of fields) if (plainValue(data[field]) === undefined) missing.add(field);
      }
    }
    return [...missing];
  }

  /**
   * Update data for one record: its id (from `where`, or looked up) and any index parts it
   * lacks. If the record does not exist, `where` gets `fallbackId` (a fresh id: the update then
   * matches nothing, as it would have) and the data is bound to that id.
   */
  async function prepareUpdate(spec: ModelSpec, where: Row, data: Row, context: Context, version: number, fallbackId = newId()) {
    if (!touchesEncrypted(spec, data)) return { where, data };
    const missing = missingIndexParts(spec, data);
    let recordId = typeof where.id === "string" ? where.id : undefined;
    let current: Row = {};
    if (recordId === undefined || missing.length > 0) {
      if (context.kind === "batch") {
        throw new EncryptionUsageError(
          `This update of ${spec.model} needs to read the record first (${missing.length ? `to recompute a blind index: also set ${missing.join(", ")}` : "to learn its id: update it by id"}), ` +
            "which a batch $transaction cannot do; use an interactive $transaction.",
        );
      }
      const select = Object.fromEntries(["id", ...missing].map((field) => [field, true]));
      const found = await delegate(context.client, spec.model).findUnique({ where, select });
      if (found) {
        recordId = found.id as string;
        current = found;
      } else {
        recordId = fallbackId;
      }
      where = { ...where, id: recordId };
    }
    return { where, data: encryptData(spec, data, recordId, version, current) };
  }

  async function decryptValue(spec: ModelSpec, field: string, column: string, row: Row, stored: string, context: Context): Promise<string> {
    if (typeof row.id !== "string") {
      throw new EncryptionUsageError(`${spec.model}.${field} is encrypted and bound to its record id: select id together with it.`);
    }
    const place = { table: spec.table, column, recordId: row.id };
    try {
      const version = ciphertextVersion(stored);
      if (version !== undefined && !keyring.has(version)) {
        // Another server may have rotated; an interactive transaction reads through itself.
        await keyring.reload(context.kind === "itx" ? context.store : baseStore, { create: false });
        if (!keyring.has(version)) throw new DecryptionError(place, "unknown key version", version);
      }
      // Not a ciphertext at all (no version): decryptField reports that before using the key.
      return decryptField(stored, version === undefined ? Buffer.alloc(32) : keyring.fieldKey(version, spec.table, column), place);
    } catch (error) {
      if (error instanceof DecryptionError) reportDecryptFailure(onDecryptFailure, error);
      throw error;
    }
  }

  /** updateMany with encrypted data: one ciphertext cannot serve several records, so record by record. */
  async function updateEach(spec: ModelSpec, operation: string, args: Row, context: Context): Promise<unknown> {
    if (context.kind === "batch") {
      throw new EncryptionUsageError(`${operation} of encrypted fields of ${spec.model} is done record by record and cannot be part of a batch $transaction.`);
    }
    const run = async (client: AnyClient) => {
      const rows = await delegate(client, spec.model).findMany({ where: args.where, select: { id: true }, take: args.limit });
      const projection = operation === "updateManyAndReturn" ? { select: args.select, omit: args.omit, include: args.include } : { select: { id: true } };
      const updated: Row[] = [];
      for (const row of rows) updated.push(await delegate(client, spec.model).update({ where: { id: row.id }, data: args.data, ...projection }));
      return operation === "updateMany" ? { count: updated.length } : updated;
    };
    if (context.kind === "itx") return run(context.client);
    return inner.$transaction((tx) => transactions.run(tx, () => run(tx)));
  }

  async function handle(params: QueryParams): Promise<unknown> {
    const { model, operation, query } = params;
    let args = params.args;
    if (!model) return query(args);
    checkOperationArgs(models, model, operation, args);
    const context = contextOf(params);
    const spec = modelSpec(model);
    if (spec && WRITES.has(operation)) {
      const version = await writeReady(context);
      switch (operation) {
        case "create": {
          const data = args.data as Row;
          const id = (data.id as string | undefined) ?? newId();
          args = { ...args, data: encryptData(spec, { ...data, id }, id, version, {}, true) };
          break;
        }
        case "createMany":
        case "createManyAndReturn": {
          const encryptOne = (data: Row) => {
            const id = (data.id as string | undefined) ?? newId();
            return encryptData(spec, { ...data, id }, id, version, {}, true);
          };
          const data = args.data as Row | Row[];
          args = { ...args, data: Array.isArray(data) ? data.map(encryptOne) : encryptOne(data) };
          break;
        }
        case "update": {
          const prepared = await prepareUpdate(spec, args.where as Row, args.data as Row, context, version);
          args = { ...args, ...prepared };
          break;
        }
        case "updateMany":
        case "updateManyAndReturn": {
          if (touchesEncrypted(spec, args.data as Row)) {
            const result = await updateEach(spec, operation, args, context);
            return result;
          }
          break;
        }
        case "upsert": {
          const create = args.create as Row;
          const id = (create.id as string | undefined) ?? newId();
          const prepared = await prepareUpdate(spec, args.where as Row, args.update as Row, context, version, id);
          args = { ...args, where: prepared.where, update: prepared.data, create: encryptData(spec, { ...create, id }, id, version, {}, true) };
          break;
        }
      }
    }
    const result = await query(args);
    if (RETURNS_RECORDS.has(operation)) {
      await decryptResult(models, model, result, (spec, field, column, row, stored) => decryptValue(spec, field, column, row, stored, context));
    }
    return result;
  }

  const inner = base.$extends({
    name: "kamkor-field-encryption",
    query: {
      $allModels: {
        $allOperations(params) {
          return handle(params as unknown as QueryParams);
        },
      },
    },
  });

  const control: EncryptionControl = {
    keyring,
    models,
    ready: () => keyring.ready(baseStore, { create: true }),
    reportDecryptFailure: (error) => reportDecryptFailure(onDecryptFailure, error),
  };

  const $transaction = (async (input: unknown, options?: unknown) => {
    // Best effort: a transaction that touches no encrypted model must not fail because of keys;
    // one that does meets the same error again inside.
    await control.ready().catch(() => undefined);
    if (typeof input === "function") {
      const work = input as (tx: AnyClient) => Promise<unknown>;
      return (inner.$transaction as (fn: (tx: AnyClient) => Promise<unknown>, options?: unknown) => Promise<unknown>)(
        (tx) => transactions.run(tx, () => work(tx)),
        options,
      );
    }
    return (inner.$transaction as (queries: unknown, options?: unknown) => Promise<unknown>)(input, options);
  }) as typeof inner.$transaction;

  const client = inner.$extends({ name: "kamkor-field-encryption-transactions", client: { $transaction } });
  return { client, control };
}

export type EncryptedPrismaClient = ReturnType<typeof withEncryption>["client"];
