import type { ModelIndex } from "./data-model.server";
import { modelSpec } from "./registry";

/**
 * Checks of query arguments against the encryption registry, before anything reaches the
 * database. Each refusal is a programming error with a message that says what to do instead.
 */

export class EncryptionUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionUsageError";
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const each = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);
const delegateName = (model: string) => model.charAt(0).toLowerCase() + model.slice(1);

/** `null`, `{ equals: null }`, `{ not: null }`: presence checks stay meaningful on ciphertext. */
function isNullCheck(value: unknown): boolean {
  if (value === null) return true;
  if (!isObject(value)) return false;
  const keys = Object.keys(value).filter((key) => value[key] !== undefined);
  return keys.length > 0 && keys.every((key) => (key === "equals" || key === "not") && value[key] === null);
}

function refuseFilter(model: string, field: string): never {
  const spec = modelSpec(model)!;
  const indexes = [...spec.blindIndexes].filter(([, index]) => index.sources.some((source) => source.field === field)).map(([name]) => name);
  throw new EncryptionUsageError(
    `${model}.${field} is encrypted: a filter on it can never match. ` +
      (indexes.length ? `Search through its blind index (${indexes.join(", ")}; see blind-index.server.ts).` : "It has no blind index: it cannot be searched."),
  );
}

const RELATION_FILTERS = ["is", "isNot", "some", "every", "none"];

export function checkWhere(models: ModelIndex, model: string, where: unknown): void {
  for (const item of each(where)) {
    if (!isObject(item)) continue;
    const spec = modelSpec(model);
    const info = models.get(model);
    for (const [key, value] of Object.entries(item)) {
      if (value === undefined) continue;
      if (key === "AND" || key === "OR" || key === "NOT") {
        checkWhere(models, model, value);
      } else if (spec?.encrypted.has(key)) {
        if (!isNullCheck(value)) refuseFilter(model, key);
      } else {
        const target = info?.relations.get(key);
        if (!target || !isObject(value)) continue;
        const wrapped = Object.keys(value).some((filter) => RELATION_FILTERS.includes(filter));
        if (wrapped) for (const filter of RELATION_FILTERS) checkWhere(models, target, value[filter]);
        else checkWhere(models, target, value);
      }
    }
  }
}

function checkOrderBy(models: ModelIndex, model: string, orderBy: unknown): void {
  for (const item of each(orderBy)) {
    if (!isObject(item)) continue;
    for (const [key, value] of Object.entries(item)) {
      if (modelSpec(model)?.encrypted.has(key)) {
        throw new EncryptionUsageError(`${model}.${key} is encrypted: ordering by it would order by random ciphertext. Sort after decryption.`);
      }
      const target = models.get(model)?.relations.get(key);
      if (target) checkOrderBy(models, target, value);
    }
  }
}

function checkFieldList(model: string, fields: unknown, what: string): void {
  const spec = modelSpec(model);
  if (!spec) return;
  const names = isObject(fields) ? Object.keys(fields).filter((key) => fields[key]) : each(fields);
  for (const name of names) {
    if (typeof name === "string" && spec.encrypted.has(name)) {
      throw new EncryptionUsageError(`${model}.${name} is encrypted: ${what} on it works on random ciphertext and is refused.`);
    }
  }
}

/**
 * Ciphertext is bound to its record id: a projection that returns encrypted fields must return
 * the id too. Checked before the query, so nothing is fetched (or deleted) in vain.
 */
function checkIdSelected(model: string, args: Json): void {
  const spec = modelSpec(model);
  if (!spec) return;
  const fields = [...spec.encrypted.keys()];
  const select = args.select;
  const omit = args.omit;
  const missing = isObject(select)
    ? !select.id && fields.some((field) => select[field])
    : isObject(omit) && Boolean(omit.id) && fields.some((field) => !omit[field]);
  if (missing) throw new EncryptionUsageError(`${model} has encrypted fields bound to its record id: select id together with them.`);
}

/** where / orderBy / distinct / aggregates, here and in nested include/select. */
export function checkReadArgs(models: ModelIndex, model: string, args: unknown, returnsRecords = true): void {
  if (!isObject(args)) return;
  if (returnsRecords) checkIdSelected(model, args);
  checkWhere(models, model, args.where);
  checkOrderBy(models, model, args.orderBy);
  checkFieldList(model, args.distinct, "distinct");
  checkFieldList(model, args.by, "groupBy");
  checkFieldList(model, args._min, "_min");
  checkFieldList(model, args._max, "_max");
  checkWhere(models, model, args.having);
  const info = models.get(model);
  for (const projection of [args.select, args.include]) {
    if (!isObject(projection)) continue;
    for (const [key, value] of Object.entries(projection)) {
      const target = info?.relations.get(key);
      if (target) checkReadArgs(models, target, value);
      else if (key === "_count" && isObject(value) && isObject(value.select)) {
        for (const [relation, count] of Object.entries(value.select)) {
          const countTarget = info?.relations.get(relation);
          if (countTarget && isObject(count)) checkWhere(models, countTarget, count.where);
        }
      }
    }
  }
}

const NESTED_WRITES = ["create", "createMany", "connectOrCreate", "upsert", "update", "updateMany"];
const NESTED_FILTERS = ["connect", "disconnect", "set", "delete", "deleteMany"];

/** The records a nested write operation would write into its target model. */
function nestedPayloads(operation: string, payload: unknown): unknown[] {
  return each(payload).flatMap((item) => {
    if (!isObject(item)) return [];
    switch (operation) {
      case "create":
        return [item];
      case "createMany":
        return each(item.data);
      case "connectOrCreate":
        return [item.create];
      case "upsert":
        return [item.create, item.update];
      case "update":
      case "updateMany":
        return "data" in item ? [item.data] : [item];
      default:
        return [];
    }
  });
}

/**
 * Refuses nested writes into encrypted models (they would bypass encryption of the nested
 * record) and direct writes to blind-index columns (computed, never set).
 */
export function checkWriteData(models: ModelIndex, model: string, data: unknown): void {
  for (const record of each(data)) {
    if (!isObject(record)) continue;
    const spec = modelSpec(model);
    const info = models.get(model);
    for (const [key, value] of Object.entries(record)) {
      if (value === undefined) continue;
      if (spec?.blindIndexes.has(key)) {
        const sources = spec.blindIndexes
          .get(key)!
          .sources.map((source) => source.field)
          .join(" and ");
        throw new EncryptionUsageError(`${model}.${key} is a blind index computed from ${sources}: write those, never the index.`);
      }
      const target = info?.relations.get(key);
      if (!target || !isObject(value)) continue;
      for (const [operation, payload] of Object.entries(value)) {
        if (payload === undefined) continue;
        if (NESTED_WRITES.includes(operation)) {
          if (modelSpec(target)) {
            throw new EncryptionUsageError(
              `Nested ${operation} of ${target} through ${model}.${key} is refused: ${target} has encrypted fields. ` +
                `Write it with prisma.${delegateName(target)} (in the same $transaction if needed).`,
            );
          }
          for (const nested of nestedPayloads(operation, payload)) checkWriteData(models, target, nested);
          for (const item of each(payload)) if (isObject(item)) checkWhere(models, target, item.where);
        } else if (NESTED_FILTERS.includes(operation)) {
          checkWhere(models, target, payload);
        }
      }
    }
  }
}

/** Every check that applies to one top-level operation. */
const AGGREGATES = new Set(["count", "aggregate", "groupBy"]);

export function checkOperationArgs(models: ModelIndex, model: string, operation: string, args: unknown): void {
  if (!isObject(args)) return;
  checkReadArgs(models, model, args, !AGGREGATES.has(operation));
  switch (operation) {
    case "create":
    case "createMany":
    case "createManyAndReturn":
    case "update":
    case "updateMany":
    case "updateManyAndReturn":
      checkWriteData(models, model, args.data);
      break;
    case "upsert":
      checkWriteData(models, model, args.create);
      checkWriteData(models, model, args.update);
      break;
  }
}
