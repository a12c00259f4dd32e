import { allModelSpecs, type ModelSpec } from "./registry";

/**
 * The Prisma data model at run time, to follow relations when checking query arguments and
 * decrypting nested results. The `prisma-client` generator does not export `Prisma.dmmf`; the
 * client carries the same information as `_runtimeDataModel` (models, fields, relation targets,
 * database names). Reading it is checked once here, so a Prisma upgrade that moves it fails at
 * start-up and in the tests, not silently.
 */

export type DataModelField = { name: string; kind: string; type: string; dbName?: string | null };
export type DataModel = { models: Record<string, { dbName: string | null; fields: DataModelField[] }> };

export type ModelInfo = {
  name: string;
  table: string;
  fields: ReadonlyMap<string, DataModelField>;
  /** Relation field → target model. */
  relations: ReadonlyMap<string, string>;
};

export type ModelIndex = ReadonlyMap<string, ModelInfo>;

export function runtimeDataModel(client: object): DataModel {
  const dataModel = (client as { _runtimeDataModel?: DataModel })._runtimeDataModel;
  if (!dataModel?.models || typeof dataModel.models !== "object" || Object.keys(dataModel.models).length === 0) {
    throw new Error("The Prisma client exposes no runtime data model (_runtimeDataModel): field encryption cannot follow relations.");
  }
  return dataModel;
}

export function indexDataModel(dataModel: DataModel): ModelIndex {
  return new Map(
    Object.entries(dataModel.models).map(([name, model]) => [
      name,
      {
        name,
        table: model.dbName ?? name,
        fields: new Map(model.fields.map((field) => [field.name, field])),
        relations: new Map(model.fields.filter((field) => field.kind === "object").map((field) => [field.name, field.type])),
      },
    ]),
  );
}

/** Problems between the registry and the schema; empty when they agree. */
export function registryProblems(models: ModelIndex, specs: readonly ModelSpec[] = allModelSpecs()): string[] {
  const problems: string[] = [];
  const isString = (field: DataModelField | undefined) => field?.kind === "scalar" && field.type === "String";
  for (const spec of specs) {
    const model = models.get(spec.model);
    if (!model) {
      problems.push(`${spec.model}: no such model`);
      continue;
    }
    if (model.table !== spec.table) problems.push(`${spec.model}: table is ${model.table}, registry says ${spec.table}`);
    if (!isString(model.fields.get("id"))) problems.push(`${spec.model}: needs a String id (the ciphertext is bound to it)`);
    for (const [field, column] of spec.encrypted) {
      const info = model.fields.get(field);
      if (!isString(info)) problems.push(`${spec.model}.${field}: not a String column`);
      else if ((info!.dbName ?? field) !== column) problems.push(`${spec.model}.${field}: column is ${info!.dbName ?? field}, registry says ${column}`);
    }
    for (const field of spec.freeText) if (!spec.encrypted.has(field)) problems.push(`${spec.model}.${field}: free text must be encrypted`);
    for (const [field, index] of spec.blindIndexes) {
      const info = model.fields.get(field);
      if (!isString(info)) problems.push(`${spec.model}.${field}: blind index column is not a String column`);
      else if ((info!.dbName ?? field) !== index.column)
        problems.push(`${spec.model}.${field}: column is ${info!.dbName ?? field}, registry says ${index.column}`);
      if (spec.encrypted.has(field)) problems.push(`${spec.model}.${field}: a blind index column cannot itself be encrypted`);
      if (index.sources.length === 0) problems.push(`${spec.model}.${field}: a blind index needs sources`);
      for (const source of index.sources) {
        if (!spec.encrypted.has(source.field)) problems.push(`${spec.model}.${field}: source ${source.field} is not encrypted`);
        if (spec.freeText.has(source.field)) problems.push(`${spec.model}.${field}: no blind index on free text (${source.field})`);
      }
    }
    const names = [...spec.blindIndexes.values()].map((index) => index.name);
    if (new Set(names).size !== names.length) problems.push(`${spec.model}: blind index names must differ`);
  }
  return problems;
}
