import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { decryptField, deriveFieldKey, encryptField } from "./cipher.server";
import type { ModelIndex } from "./data-model.server";
import { decryptResult, type DecryptOne } from "./results";

// No model points at Person yet; a future Referral (→ person, → agency) and Agency are enough.
const models: ModelIndex = new Map([
  [
    "Referral",
    {
      name: "Referral",
      table: "referral",
      fields: new Map(),
      relations: new Map([
        ["person", "Person"],
        ["siblings", "Person"],
        ["agency", "Agency"],
      ]),
    },
  ],
  ["Agency", { name: "Agency", table: "agency", fields: new Map(), relations: new Map([["referrals", "Referral"]]) }],
  ["Person", { name: "Person", table: "person", fields: new Map(), relations: new Map() }],
]);

const dek = crypto.randomBytes(32);
const seal = (column: string, id: string, value: string) =>
  encryptField(value, deriveFieldKey(dek, "person", column), { table: "person", column, recordId: id }, 1);
const calls: string[] = [];
const decrypt: DecryptOne = async (spec, field, column, row, stored) => {
  calls.push(`${spec.model}.${field}#${row.id}`);
  return decryptField(stored, deriveFieldKey(dek, spec.table, column), { table: spec.table, column, recordId: row.id as string });
};

describe("decrypting results", () => {
  test("declared fields of the model and of nested relations of registered models are decrypted; nothing else is touched", async () => {
    calls.length = 0;
    const result = [
      {
        id: "r1",
        note: "kmk1.1.not-a-person-field",
        person: { id: "p1", surname: seal("surname", "p1", "Асаналиев"), birthYear: 2012 },
        siblings: [
          { id: "p2", givenName: seal("given_name", "p2", "Айпери"), pin: null },
          { id: "p3", ownerAgencyId: "a" },
        ],
        agency: { id: "a", nameRu: "Школа", referrals: [{ id: "r2", person: { id: "p4", notes: seal("notes", "p4", "Заметка") } }] },
      },
    ];
    await decryptResult(models, "Referral", result, decrypt);
    expect(result[0].person.surname).toBe("Асаналиев");
    expect(result[0].siblings[0]).toEqual({ id: "p2", givenName: "Айпери", pin: null });
    expect(result[0].siblings[1]).toEqual({ id: "p3", ownerAgencyId: "a" });
    expect(result[0].agency.referrals[0].person.notes).toBe("Заметка");
    expect(result[0].note).toBe("kmk1.1.not-a-person-field");
    expect(calls.sort()).toEqual(["Person.givenName#p2", "Person.notes#p4", "Person.surname#p1"]);
  });

  test("a nested ciphertext moved to another record fails", async () => {
    const result = { id: "r1", person: { id: "p9", surname: seal("surname", "p1", "Асаналиев") } };
    await expect(decryptResult(models, "Referral", result, decrypt)).rejects.toThrow(/person\.surname of record p9/);
  });
});
