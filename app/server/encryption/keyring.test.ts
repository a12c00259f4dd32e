import crypto from "node:crypto";
import { describe, expect, test } from "vitest";
import { decryptField, encryptField } from "./cipher.server";
import { Keyring, KeyringError, unwrapDek, wrapDek, type KeyRow, type KeyStore } from "./keyring.server";
import { deriveKey, rootKeyId } from "./root-key.server";

/** The encryption_key table in memory; `inserts` counts attempts, like concurrent servers would make. */
function memoryStore(rows: KeyRow[] = []) {
  const store: KeyStore & { rows: KeyRow[]; reads: number } = {
    rows,
    reads: 0,
    async list() {
      store.reads++;
      await new Promise((resolve) => setImmediate(resolve));
      return [...store.rows].sort((a, b) => a.version - b.version);
    },
    async insertIfAbsent(row) {
      await new Promise((resolve) => setImmediate(resolve));
      if (store.rows.some((existing) => existing.version === row.version)) return false;
      store.rows.push(row);
      return true;
    },
  };
  return store;
}

const place = { table: "person", column: "surname", recordId: "r1" };

describe("keyring", () => {
  const root = crypto.randomBytes(32);

  test("the first use creates version 1, stored only wrapped and tagged with the root key id", async () => {
    const store = memoryStore();
    const keyring = new Keyring({ rootKey: () => root });
    await keyring.ready(store, { create: true });
    expect(keyring.currentVersion).toBe(1);
    expect(store.rows).toHaveLength(1);
    const [row] = store.rows;
    expect(row.rootKeyId).toBe(rootKeyId(root));
    expect(unwrapDek(row.wrappedKey, 1, deriveKey("dek-wrap", root))).toHaveLength(32);
    // The wrapped key is bound to its version.
    expect(() => unwrapDek(row.wrappedKey, 2, deriveKey("dek-wrap", root))).toThrow();
  });

  test("servers starting together agree on one version 1", async () => {
    const store = memoryStore();
    const servers = Array.from({ length: 5 }, () => new Keyring({ rootKey: () => root }));
    await Promise.all(servers.map((keyring) => keyring.ready(store, { create: true })));
    expect(store.rows).toHaveLength(1);
    const ciphertext = encryptField("Асанов", servers[0].fieldKey(1, "person", "surname"), place, 1);
    for (const keyring of servers) expect(decryptField(ciphertext, keyring.fieldKey(1, "person", "surname"), place)).toBe("Асанов");
  });

  test("without create, an empty table is an error (never a key that a rollback could lose)", async () => {
    await expect(new Keyring({ rootKey: () => root }).ready(memoryStore(), { create: false })).rejects.toThrow(KeyringError);
  });

  test("a wrong root key stops with one clear line naming the key version", async () => {
    const store = memoryStore();
    await new Keyring({ rootKey: () => root }).ready(store, { create: true });
    const wrong = new Keyring({ rootKey: () => crypto.randomBytes(32) });
    const error = await wrong.ready(store, { create: true }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeyringError);
    expect((error as Error).message).toMatch(/^The root key does not match the one that wrapped key version 1 /);
    expect((error as Error).message).not.toContain("\n");
  });

  test("an altered wrapped key is detected", async () => {
    const store = memoryStore();
    await new Keyring({ rootKey: () => root }).ready(store, { create: true });
    store.rows[0] = { ...store.rows[0], wrappedKey: wrapDek(crypto.randomBytes(32), 1, crypto.randomBytes(32)) };
    await expect(new Keyring({ rootKey: () => root }).ready(store, { create: true })).rejects.toThrow(/version 1 cannot be unwrapped/);
  });
});

describe("rotation", () => {
  const root = crypto.randomBytes(32);

  test("a new version encrypts new writes; every older version still decrypts", async () => {
    const store = memoryStore();
    const keyring = new Keyring({ rootKey: () => root });
    await keyring.ready(store, { create: true });
    const old = encryptField("Асанов", keyring.fieldKey(1, "person", "surname"), place, 1);
    expect(await keyring.rotate(store)).toBe(2);
    expect(keyring.currentVersion).toBe(2);
    expect(keyring.versions).toEqual([1, 2]);
    expect(decryptField(old, keyring.fieldKey(1, "person", "surname"), place)).toBe("Асанов");
    expect(keyring.fieldKey(2, "person", "surname").equals(keyring.fieldKey(1, "person", "surname"))).toBe(false);
  });

  test("concurrent rotations get distinct versions", async () => {
    const store = memoryStore();
    const a = new Keyring({ rootKey: () => root });
    const b = new Keyring({ rootKey: () => root });
    const versions = await Promise.all([a.rotate(store), b.rotate(store)]);
    expect(new Set(versions).size).toBe(2);
    expect(store.rows.map((row) => row.version).sort()).toEqual([1, 2, 3]);
  });

  test("another server's rotation reaches this one when its cache is older than the refresh interval", async () => {
    let now = 0;
    const store = memoryStore();
    const server = new Keyring({ rootKey: () => root, now: () => now, refreshMs: 60_000 });
    await server.ready(store, { create: true });
    await new Keyring({ rootKey: () => root }).rotate(store);
    now = 59_999;
    await server.ready(store, { create: true });
    expect(server.currentVersion).toBe(1); // cached: no read per request
    now = 60_000;
    await server.ready(store, { create: true });
    expect(server.currentVersion).toBe(2);
  });

  test("reading an unknown version is solved by a reload, and an unknown version after it is an error", async () => {
    const store = memoryStore();
    const server = new Keyring({ rootKey: () => root });
    await server.ready(store, { create: true });
    await new Keyring({ rootKey: () => root }).rotate(store);
    expect(server.has(2)).toBe(false);
    expect(() => server.fieldKey(2, "person", "surname")).toThrow(KeyringError);
    await server.reload(store, { create: false });
    expect(server.has(2)).toBe(true);
    expect(() => server.fieldKey(3, "person", "surname")).toThrow(/Unknown key version 3/);
  });

  test("concurrent reloads share one read", async () => {
    const store = memoryStore();
    const keyring = new Keyring({ rootKey: () => root });
    await keyring.ready(store, { create: true });
    const before = store.reads;
    await Promise.all([keyring.reload(store, { create: false }), keyring.reload(store, { create: false }), keyring.reload(store, { create: false })]);
    expect(store.reads - before).toBe(1);
  });
});
