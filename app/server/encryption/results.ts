import type { ModelIndex } from "./data-model.server";
import { modelSpec, type ModelSpec } from "./registry";

/**
 * Walks a query result (one record, a list, or records nested through included/selected
 * relations) and replaces each stored value of a declared field by `decrypt(...)`. Relation
 * targets come from the data model; only fields present in the result are touched, so
 * fields not selected are never decrypted.
 */
export type DecryptOne = (spec: ModelSpec, field: string, column: string, row: Record<string, unknown>, stored: string) => Promise<string>;

export async function decryptResult(models: ModelIndex, model: string, value: unknown, decrypt: DecryptOne): Promise<void> {
  if (value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) await decryptResult(models, model, item, decrypt);
    return;
  }
  const row = value as Record<string, unknown>;
  const spec = modelSpec(model);
  if (spec) {
    for (const [field, column] of spec.encrypted) {
      const stored = row[field];
      if (typeof stored === "string") row[field] = await decrypt(spec, field, column, row, stored);
    }
  }
  const relations = models.get(model)?.relations;
  if (relations) for (const [field, target] of relations) if (row[field] != null) await decryptResult(models, target, row[field], decrypt);
}
