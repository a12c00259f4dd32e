import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { EnvError, getEnv, type Env } from "~/server/env.server";

/**
 * The root key: 32 bytes from KAMKOR_ROOT_KEY or KAMKOR_ROOT_KEY_FILE. Every other key is
 * derived from it with HKDF (separate purposes never share a key). In demo mode a key file is
 * generated on first start under KAMKOR_DATA_DIR (git-ignored); production refuses to start
 * without one. The root key is never logged and never stored in the database.
 */
const HKDF_SALT = Buffer.from("kamkor-v1");

let cached: { key: Buffer; generatedAt?: string } | undefined;

export function decodeRootKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (bytes.length !== 32) throw new EnvError(`Kamkor cannot start: ${source} must hold 32 random bytes (base64 or hex).`);
  return bytes;
}

export function loadRootKey(env: Env = getEnv()): { key: Buffer; generatedAt?: string } {
  if (env.KAMKOR_ROOT_KEY) return { key: decodeRootKey(env.KAMKOR_ROOT_KEY, "KAMKOR_ROOT_KEY") };
  if (env.KAMKOR_ROOT_KEY_FILE) {
    let text: string;
    try {
      text = fs.readFileSync(env.KAMKOR_ROOT_KEY_FILE, "utf8");
    } catch {
      throw new EnvError(`Kamkor cannot start: KAMKOR_ROOT_KEY_FILE (${env.KAMKOR_ROOT_KEY_FILE}) cannot be read.`);
    }
    return { key: decodeRootKey(text, "KAMKOR_ROOT_KEY_FILE") };
  }
  if (env.KAMKOR_MODE === "production") {
    throw new EnvError("Kamkor cannot start: KAMKOR_ROOT_KEY or KAMKOR_ROOT_KEY_FILE is required in production.");
  }
  const file = path.resolve(env.KAMKOR_DATA_DIR, "keys", "root.key");
  if (fs.existsSync(file)) return { key: decodeRootKey(fs.readFileSync(file, "utf8"), file) };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${crypto.randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return { key: decodeRootKey(fs.readFileSync(file, "utf8"), file), generatedAt: file };
}

/** The process's root key (loaded once). */
export function rootKey(): Buffer {
  cached ??= loadRootKey();
  return cached.key;
}

/** Where a demo root key was generated during this process, if it was (start-up says so). */
export function generatedRootKeyFile(): string | undefined {
  cached ??= loadRootKey();
  return cached.generatedAt;
}

/** For tests that switch environments. */
export function resetRootKeyForTests(): void {
  cached = undefined;
}

/** A 32-byte key for one purpose, e.g. "audit-chain" or "blind-index|person|pin". */
export function deriveKey(purpose: string, root: Buffer = rootKey()): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", root, HKDF_SALT, Buffer.from(purpose), 32));
}

/**
 * Which root key this is, without revealing it: first 16 hex chars of
 * SHA-256(HKDF(root, "root-key-id")). Stored next to each wrapped data key so that start-up can
 * tell "wrong root key" apart from "altered key row".
 */
export function rootKeyId(root: Buffer = rootKey()): string {
  return crypto.createHash("sha256").update(deriveKey("root-key-id", root)).digest("hex").slice(0, 16);
}
