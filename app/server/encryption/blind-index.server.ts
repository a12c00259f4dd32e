import crypto from "node:crypto";
import { NORMALISERS } from "./normalise";
import { modelSpec, type EncryptedModelName, type ModelSpec } from "./registry";
import { deriveKey, rootKey } from "./root-key.server";

/**
 * Blind indexes: HMAC-SHA256 under a key of their own, deriveKey(`blind-index|<table>|<name>`),
 * over normalised input (normalise.ts), truncated to 16 bytes (32 hex chars). They allow exact
 * search on encrypted columns: the app computes the index of what was typed and asks the
 * database for equal indexes. Candidates are then decrypted and re-checked here (an index is
 * only evidence), and the caller filters them by policy before anything is shown.
 *
 * Size: 128 bits. For N = 5 million people the chance that some stored index equals a lookup
 * by accident is about N / 2^128 ≈ 1.5e-32 per lookup — in practice zero, so every candidate
 * is a real match of the normalised input. Shorter indexes would hide how many people share a
 * value (k-anonymity in the CipherSweet sense) only at sizes where every lookup returns
 * dozens of strangers to decrypt; the key stays secret instead (see decision 008).
 */

export const BLIND_INDEX_BYTES = 16;

let cache: { root: Buffer; keys: Map<string, Buffer> } | undefined;

export function blindIndexKey(table: string, name: string, root: Buffer = rootKey()): Buffer {
  if (cache?.root !== root) cache = { root, keys: new Map() };
  const purpose = `blind-index|${table}|${name}`;
  let key = cache.keys.get(purpose);
  if (!key) {
    key = deriveKey(purpose, root);
    cache.keys.set(purpose, key);
  }
  return key;
}

type IndexSpec = NonNullable<ReturnType<ModelSpec["blindIndexes"]["get"]>>;

/** The normalised text an index is computed over, or null when a part is missing or empty. */
export function blindIndexInput(index: IndexSpec, values: Readonly<Record<string, unknown>>): string | null {
  const parts: string[] = [];
  for (const source of index.sources) {
    const value = values[source.field];
    if (value === null || value === undefined) return null;
    if (typeof value !== "string") throw new TypeError(`Blind index ${index.name}: ${source.field} must be a string.`);
    const normalised = NORMALISERS[source.normalise](value);
    if (normalised === "") return null;
    parts.push(normalised);
  }
  // JSON keeps the parts apart: ("ab", "c") and ("a", "bc") must not collide.
  return parts.length === 1 ? parts[0] : JSON.stringify(parts);
}

/** The index value stored for these field values (null when a source is missing). */
export function computeBlindIndex(spec: ModelSpec, indexField: string, values: Readonly<Record<string, unknown>>, root: Buffer = rootKey()): string | null {
  const index = spec.blindIndexes.get(indexField);
  if (!index) throw new Error(`${spec.model} has no blind index ${indexField}.`);
  const input = blindIndexInput(index, values);
  if (input === null) return null;
  return crypto
    .createHmac("sha256", blindIndexKey(spec.table, index.name, root))
    .update(input, "utf8")
    .digest()
    .subarray(0, BLIND_INDEX_BYTES)
    .toString("hex");
}

/** Index of search input. Empty input throws: `where: { index: null }` would match everyone without one. */
export function searchBlindIndex(model: EncryptedModelName, indexField: string, values: Readonly<Record<string, string>>): string {
  const spec = modelSpec(model)!;
  const value = computeBlindIndex(spec, indexField, values);
  if (value === null) throw new RangeError(`Search by ${indexField} needs every part of it (${[...Object.keys(values)].join(", ")}).`);
  return value;
}

/** Whether a decrypted record matches the search input exactly (after normalisation). */
export function blindIndexInputsMatch(
  model: EncryptedModelName,
  indexField: string,
  stored: Readonly<Record<string, unknown>>,
  input: Readonly<Record<string, unknown>>,
): boolean {
  const index = modelSpec(model)!.blindIndexes.get(indexField);
  if (!index) throw new Error(`${model} has no blind index ${indexField}.`);
  const wanted = blindIndexInput(index, input);
  return wanted !== null && blindIndexInput(index, stored) === wanted;
}

/** Person search values for `where: { pinIndex }` / `where: { surnameBirthIndex }`. */
export const personBlindIndex = {
  pin: (pin: string): string => searchBlindIndex("Person", "pinIndex", { pin }),
  surnameBirth: (surname: string, birthDate: string): string => searchBlindIndex("Person", "surnameBirthIndex", { surname, birthDate }),
};

/** Re-checks of decrypted candidates against what was typed. */
export const blindIndexMatches = {
  pin: (storedPin: string | null | undefined, pin: string): boolean => blindIndexInputsMatch("Person", "pinIndex", { pin: storedPin }, { pin }),
  surnameBirth: (storedSurname: string | null | undefined, storedBirthDate: string | null | undefined, surname: string, birthDate: string): boolean =>
    blindIndexInputsMatch("Person", "surnameBirthIndex", { surname: storedSurname, birthDate: storedBirthDate }, { surname, birthDate }),
};

/** Any Prisma client or transaction client (kept loose: it is indexed by model name). */
type ModelClient = object;

/**
 * Building block for search: rows whose blind index equals that of `input`, decrypted and
 * re-checked. Returns `id` plus the fields in `select`; the source fields needed for the
 * re-check are fetched and decrypted but dropped unless selected. `where` narrows further
 * (e.g. the policy's list filter). The caller still applies the policy to each row.
 */
export async function findCandidatesByBlindIndex(
  prisma: ModelClient,
  args: {
    model: EncryptedModelName;
    index: string;
    input: Readonly<Record<string, string>>;
    select?: Readonly<Record<string, true>>;
    where?: Readonly<Record<string, unknown>>;
    take?: number;
  },
): Promise<Array<Record<string, unknown> & { id: string }>> {
  const spec = modelSpec(args.model)!;
  const index = spec.blindIndexes.get(args.index);
  if (!index) throw new Error(`${args.model} has no blind index ${args.index}.`);
  const value = searchBlindIndex(args.model, args.index, args.input);
  const sources = index.sources.map((source) => source.field);
  const select: Record<string, true> = { ...args.select, id: true };
  for (const field of sources) select[field] = true;
  const delegate = (prisma as Record<string, { findMany(query: object): Promise<Array<Record<string, unknown> & { id: string }>> }>)[
    args.model.charAt(0).toLowerCase() + args.model.slice(1)
  ];
  const rows = await delegate.findMany({
    where: args.where ? { AND: [args.where, { [args.index]: value }] } : { [args.index]: value },
    select,
    take: args.take,
  });
  return rows
    .filter((row) => blindIndexInputsMatch(args.model, args.index, row, args.input))
    .map((row) => {
      const result: Record<string, unknown> & { id: string } = { ...row };
      for (const field of sources) if (!args.select?.[field]) delete result[field];
      return result;
    });
}
