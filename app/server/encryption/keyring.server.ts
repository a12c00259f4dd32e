import crypto from "node:crypto";
import { deriveFieldKey } from "./cipher.server";
import { deriveKey, rootKey, rootKeyId } from "./root-key.server";

/**
 * Data-encryption keys (DEKs): random 32-byte keys, one per version, stored in `encryption_key`
 * only wrapped (AES-256-GCM, AAD `kamkor-dek|<version>`) under a key-encryption key derived
 * from the root key. The root key never enters the database; the database alone decrypts
 * nothing.
 *
 * The highest version encrypts new writes; every version decrypts. Each process caches the
 * keyring. Another server's `keys:rotate` reaches this one in two ways: a read that meets an
 * unknown version reloads at once, and writes reload when the cache is older than
 * KEYRING_REFRESH_MS — so for up to that long after a rotation, other servers still write
 * with the previous version (re-encryption must start after that; keys:reencrypt checks).
 */

export const KEYRING_REFRESH_MS = 60_000;

export type KeyRow = { version: number; wrappedKey: string; rootKeyId: string };

/** Where the wrapped keys live: the `encryption_key` table, or a fake in unit tests. */
export interface KeyStore {
  list(): Promise<KeyRow[]>;
  /** Inserts unless the version exists (insert … on conflict do nothing); true if inserted. */
  insertIfAbsent(row: KeyRow): Promise<boolean>;
}

/** A keyring problem that stops start-up or a key tool: one line, no key material. */
export class KeyringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "KeyringError";
  }
}

const dekAad = (version: number) => Buffer.from(`kamkor-dek|${version}`);

export function wrapDek(dek: Buffer, version: number, kek: Buffer): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(dekAad(version));
  const body = Buffer.concat([cipher.update(dek), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

/** Throws if the KEK is wrong or the row was altered (the tag covers the version too). */
export function unwrapDek(wrapped: string, version: number, kek: Buffer): Buffer {
  const raw = Buffer.from(wrapped, "base64url");
  const decipher = crypto.createDecipheriv("aes-256-gcm", kek, raw.subarray(0, 12));
  decipher.setAAD(dekAad(version));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  const dek = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  if (dek.length !== 32) throw new Error("wrong key length");
  return dek;
}

export type KeyringOptions = {
  rootKey?: () => Buffer;
  now?: () => number;
  refreshMs?: number;
};

export class Keyring {
  readonly #rootKey: () => Buffer;
  readonly #now: () => number;
  readonly #refreshMs: number;
  #deks = new Map<number, Buffer>();
  #fieldKeys = new Map<string, Buffer>();
  #current = 0;
  #loadedAt = Number.NEGATIVE_INFINITY;
  /** Loads in flight, per store: a load through one transaction must never wait for another. */
  #pending = new Map<KeyStore, Promise<void>>();

  constructor(options: KeyringOptions = {}) {
    this.#rootKey = options.rootKey ?? rootKey;
    this.#now = options.now ?? Date.now;
    this.#refreshMs = options.refreshMs ?? KEYRING_REFRESH_MS;
  }

  get loaded(): boolean {
    return this.#current > 0;
  }

  /** The version new writes use. */
  get currentVersion(): number {
    if (!this.loaded) throw new KeyringError("The keyring is not loaded yet.");
    return this.#current;
  }

  get versions(): number[] {
    return [...this.#deks.keys()].sort((a, b) => a - b);
  }

  isStale(): boolean {
    return this.#now() - this.#loadedAt >= this.#refreshMs;
  }

  has(version: number): boolean {
    return this.#deks.has(version);
  }

  /**
   * Loaded, and no older than the refresh interval. With `create`, an empty table gets version
   * 1 (insert … on conflict do nothing, then read: concurrent servers agree on one key). Never
   * pass `create` inside a transaction that may roll back: a cached key must exist for good.
   */
  async ready(store: KeyStore, options: { create: boolean }): Promise<void> {
    if (this.loaded && !this.isStale()) return;
    await this.reload(store, options);
  }

  /** Reads every version again (concurrent callers of the same store share one read). */
  reload(store: KeyStore, options: { create: boolean }): Promise<void> {
    let pending = this.#pending.get(store);
    if (!pending) {
      pending = this.#load(store, options).finally(() => this.#pending.delete(store));
      this.#pending.set(store, pending);
    }
    return pending;
  }

  async #load(store: KeyStore, { create }: { create: boolean }): Promise<void> {
    const root = this.#rootKey();
    const kek = deriveKey("dek-wrap", root);
    const myId = rootKeyId(root);
    let rows = await store.list();
    if (rows.length === 0) {
      if (!create) throw new KeyringError("No data-encryption key exists yet (encryption_key is empty).");
      await store.insertIfAbsent({ version: 1, wrappedKey: wrapDek(crypto.randomBytes(32), 1, kek), rootKeyId: myId });
      rows = await store.list();
    }
    const deks = new Map<number, Buffer>();
    for (const row of rows) {
      if (row.rootKeyId !== myId) {
        throw new KeyringError(
          `The root key does not match the one that wrapped key version ${row.version} ` + `(check KAMKOR_ROOT_KEY / KAMKOR_ROOT_KEY_FILE).`,
        );
      }
      try {
        deks.set(row.version, unwrapDek(row.wrappedKey, row.version, kek));
      } catch {
        throw new KeyringError(`Key version ${row.version} cannot be unwrapped: its row in encryption_key was altered.`);
      }
    }
    this.#deks = deks;
    this.#current = Math.max(...deks.keys());
    this.#loadedAt = this.#now();
  }

  /** The key of one column under one version; throws if the version is unknown. */
  fieldKey(version: number, table: string, column: string): Buffer {
    const cacheKey = `${version}|${table}|${column}`;
    let key = this.#fieldKeys.get(cacheKey);
    if (!key) {
      const dek = this.#deks.get(version);
      if (!dek) throw new KeyringError(`Unknown key version ${version}.`);
      key = deriveFieldKey(dek, table, column);
      this.#fieldKeys.set(cacheKey, key);
    }
    return key;
  }

  /** Adds version N+1 (the new write key) and returns N+1. Safe against a concurrent rotation. */
  async rotate(store: KeyStore): Promise<number> {
    await this.reload(store, { create: true });
    const root = this.#rootKey();
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = this.#current + 1;
      const row = { version, wrappedKey: wrapDek(crypto.randomBytes(32), version, deriveKey("dek-wrap", root)), rootKeyId: rootKeyId(root) };
      const inserted = await store.insertIfAbsent(row);
      await this.reload(store, { create: false });
      if (inserted) return version;
    }
    throw new KeyringError("Could not add a key version: other rotations kept winning; try again.");
  }

  /** Forget everything (the next use reloads). */
  invalidate(): void {
    this.#loadedAt = Number.NEGATIVE_INFINITY;
  }
}
