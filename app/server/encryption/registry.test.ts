import { describe, expect, test } from "vitest";
import { PrismaClient } from "~/generated/prisma/client.ts";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { indexDataModel, registryProblems, runtimeDataModel } from "./data-model.server";
import { checkOperationArgs, EncryptionUsageError } from "./guards";
import { allModelSpecs, modelSpec } from "./registry";

// A client that never connects: only its data model is read.
const offline = { provider: "postgres", adapterName: "offline", connect: () => Promise.reject(new Error("offline")) };
const models = indexDataModel(runtimeDataModel(new PrismaClient({ adapter: offline as unknown as SqlDriverAdapterFactory })));

describe("the registry", () => {
  test("agrees with the schema: tables, String columns, database column names, blind index sources", () => {
    expect(registryProblems(models)).toEqual([]);
  });

  test("Person encrypts every identifying field; statistics fields stay clear", () => {
    const person = modelSpec("Person")!;
    expect([...person.encrypted.keys()].sort()).toEqual(["address", "birthDate", "givenName", "notes", "patronymic", "phone", "pin", "surname"]);
    for (const clear of ["sex", "birthYear", "territoryId", "ownerAgencyId", "createdById"]) expect(person.encrypted.has(clear)).toBe(false);
    expect([...person.blindIndexes.keys()].sort()).toEqual(["pinIndex", "surnameBirthIndex"]);
    expect(modelSpec("BreakGlassGrant")!.encrypted).toEqual(
      new Map([
        ["reason", "reason"],
        ["reviewComment", "review_comment"],
      ]),
    );
  });

  test("no blind index is ever declared over free text", () => {
    for (const spec of allModelSpecs()) {
      for (const index of spec.blindIndexes.values()) for (const source of index.sources) expect(spec.freeText.has(source.field)).toBe(false);
    }
  });

  test("the start-up check catches a drifted declaration", () => {
    const person = modelSpec("Person")!;
    const drifted = {
      ...person,
      table: "people",
      encrypted: new Map([...person.encrypted, ["sex", "sex"], ["givenName", "givenname"]]),
      blindIndexes: new Map([["notesIndex", { column: "notes_bidx", name: "notes", sources: [{ field: "notes", normalise: "text" as const }] }]]),
    };
    const problems = registryProblems(models, [drifted]);
    expect(problems).toEqual(
      expect.arrayContaining([
        "Person: table is person, registry says people",
        "Person.sex: not a String column",
        "Person.givenName: column is given_name, registry says givenname",
        "Person.notesIndex: blind index column is not a String column",
        "Person.notesIndex: no blind index on free text (notes)",
      ]),
    );
  });
});

describe("query guards", () => {
  const refused = (model: string, operation: string, args: object) => () => checkOperationArgs(models, model, operation, args);

  test("filters on encrypted columns are refused, also inside AND/OR/NOT, with the blind index to use", () => {
    expect(refused("Person", "findMany", { where: { surname: "Асанов" } })).toThrow(EncryptionUsageError);
    expect(refused("Person", "findMany", { where: { surname: "Асанов" } })).toThrow(/surnameBirthIndex/);
    expect(refused("Person", "findFirst", { where: { OR: [{ ownerAgencyId: "a" }, { pin: { contains: "2150" } }] } })).toThrow(/pinIndex/);
    expect(refused("Person", "count", { where: { NOT: { address: "x" } } })).toThrow(/cannot be searched/);
    expect(refused("Person", "deleteMany", { where: { notes: { startsWith: "a" } } })).toThrow(EncryptionUsageError);
    expect(refused("BreakGlassGrant", "updateMany", { where: { reason: "x" }, data: {} })).toThrow(EncryptionUsageError);
  });

  test("presence checks, blind indexes and clear columns are allowed", () => {
    expect(refused("Person", "findMany", { where: { pin: null, patronymic: { not: null }, pinIndex: "ab", ownerAgencyId: "a" } })).not.toThrow();
    expect(refused("Person", "findMany", { where: { AND: [{ surnameBirthIndex: "cd" }, { birthYear: { gte: 2010 } }] } })).not.toThrow();
  });

  test("ordering, distinct, groupBy and min/max on encrypted columns are refused", () => {
    expect(refused("Person", "findMany", { orderBy: [{ birthYear: "asc" }, { surname: "asc" }] })).toThrow(/ordering/);
    expect(refused("Person", "findMany", { distinct: ["surname"] })).toThrow(/distinct/);
    expect(refused("Person", "groupBy", { by: ["pin"] })).toThrow(/groupBy/);
    expect(refused("Person", "aggregate", { _max: { surname: true } })).toThrow(/_max/);
    expect(refused("Person", "groupBy", { by: ["sex"], _count: { _all: true } })).not.toThrow();
  });

  test("a projection with encrypted fields must include the id (checked before the query runs)", () => {
    expect(refused("Person", "findMany", { select: { surname: true } })).toThrow(/select id together/);
    expect(refused("Person", "delete", { where: { id: "p" }, select: { pin: true, ownerAgencyId: true } })).toThrow(EncryptionUsageError);
    expect(refused("Person", "findFirst", { omit: { id: true } })).toThrow(EncryptionUsageError);
    expect(refused("Person", "findMany", { select: { id: true, surname: true } })).not.toThrow();
    expect(refused("Person", "findMany", { select: { ownerAgencyId: true } })).not.toThrow();
    expect(
      refused("Person", "findFirst", {
        omit: { id: true, surname: true, givenName: true, patronymic: true, pin: true, birthDate: true, address: true, phone: true, notes: true },
      }),
    ).not.toThrow();
    expect(refused("Person", "count", { select: { _all: true, pin: true } })).not.toThrow();
  });

  test("writing a blind index directly is refused", () => {
    expect(refused("Person", "create", { data: { pinIndex: "00" } })).toThrow(/computed from pin/);
    expect(refused("Person", "updateMany", { where: {}, data: { surnameBirthIndex: null } })).toThrow(/surname and birthDate/);
  });

  // No model points at Person yet: a future "Referral" with a relation to Person, in a copy of the data model.
  const withReferral = new Map(models);
  withReferral.set("Referral", {
    name: "Referral",
    table: "referral",
    fields: new Map(),
    relations: new Map([
      ["person", "Person"],
      ["people", "Person"],
      ["agency", "Agency"],
    ]),
  });
  const referral = (operation: string, args: object) => () => checkOperationArgs(withReferral, "Referral", operation, args);

  test("filters through relations into encrypted models are refused", () => {
    expect(referral("findMany", { where: { person: { surname: "Асанов" } } })).toThrow(/Person.surname is encrypted/);
    expect(referral("findMany", { where: { person: { is: { pin: "1" } } } })).toThrow(EncryptionUsageError);
    expect(referral("findMany", { where: { people: { some: { OR: [{ givenName: "x" }] } } } })).toThrow(EncryptionUsageError);
    expect(referral("findMany", { include: { people: { where: { notes: { contains: "x" } } } } })).toThrow(EncryptionUsageError);
    expect(referral("findMany", { orderBy: { person: { surname: "asc" } } })).toThrow(/ordering/);
    expect(referral("findMany", { where: { person: { pinIndex: "ab" } }, include: { person: true } })).not.toThrow();
  });

  test("nested writes into encrypted models are refused; connecting is allowed", () => {
    for (const operation of ["create", "createMany", "connectOrCreate", "upsert", "update", "updateMany"]) {
      expect(referral("create", { data: { person: { [operation]: {} } } })).toThrow(`Nested ${operation} of Person through Referral.person is refused`);
    }
    expect(referral("update", { where: { id: "r" }, data: { person: { connect: { id: "p" } } } })).not.toThrow();
    expect(referral("update", { where: { id: "r" }, data: { agency: { update: { nameRu: "x" } } } })).not.toThrow();
    expect(refused("Territory", "create", { data: { children: { create: { code: "X" } } } })).not.toThrow();
    // Staff accounts hold encrypted TOTP secrets, so they cannot be created through an agency.
    expect(refused("Territory", "create", { data: { agencies: { create: { users: { create: { username: "u" } } } } } })).toThrow(/User has encrypted fields/);
  });
});
