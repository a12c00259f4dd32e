import crypto from "node:crypto";

/**
 * Field ciphertext: `kmk1.<keyVersion>.<base64url(iv12 ‖ ciphertext ‖ tag16)>`, AES-256-GCM with a
 * random 96-bit IV. The associated data `table|column|recordId|keyVersion` binds a ciphertext to
 * its place: copied to another row or column it fails authentication instead of decrypting.
 * The field key is HKDF(DEK of that version, info `enc|table|column`), so columns never share
 * a key even within one key version.
 */

export const CIPHERTEXT_PREFIX = "kmk1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HKDF_SALT = Buffer.from("kamkor-v1");
const FORMAT = /^kmk1\.([1-9]\d{0,8})\.([A-Za-z0-9_-]+)$/;

/** Where a value lives: the associated data of its ciphertext. */
export type FieldPlace = { table: string; column: string; recordId: string };

/** A value could not be decrypted. Names the place, never the value. */
export class DecryptionError extends Error {
  readonly table: string;
  readonly column: string;
  readonly recordId: string;
  readonly keyVersion: number | undefined;
  constructor(place: FieldPlace, reason: string, keyVersion?: number) {
    super(
      `Cannot decrypt ${place.table}.${place.column} of record ${place.recordId}` +
        `${keyVersion === undefined ? "" : ` (key version ${keyVersion})`}: ${reason}.`,
    );
    this.name = "DecryptionError";
    this.table = place.table;
    this.column = place.column;
    this.recordId = place.recordId;
    this.keyVersion = keyVersion;
  }
}

export function associatedData(place: FieldPlace, keyVersion: number): Buffer {
  if (!place.recordId) throw new Error(`Encryption of ${place.table}.${place.column} needs the record id.`);
  return Buffer.from(`${place.table}|${place.column}|${place.recordId}|${keyVersion}`, "utf8");
}

/** The key of one column under one data-encryption key. */
export function deriveFieldKey(dek: Buffer, table: string, column: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", dek, HKDF_SALT, Buffer.from(`enc|${table}|${column}`), 32));
}

export function encryptField(plaintext: string, fieldKey: Buffer, place: FieldPlace, keyVersion: number): string {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv("aes-256-gcm", fieldKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(place, keyVersion));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${CIPHERTEXT_PREFIX}.${keyVersion}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The key version of a ciphertext, or undefined if the value is not one. */
export function ciphertextVersion(value: string): number | undefined {
  const match = FORMAT.exec(value);
  return match ? Number(match[1]) : undefined;
}

export function decryptField(value: string, fieldKey: Buffer, place: FieldPlace): string {
  const match = FORMAT.exec(value);
  if (!match) throw new DecryptionError(place, "the stored value is not a Kamkor ciphertext");
  const keyVersion = Number(match[1]);
  const raw = Buffer.from(match[2], "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new DecryptionError(place, "the ciphertext is truncated", keyVersion);
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", fieldKey, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(place, keyVersion));
    decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    throw new DecryptionError(place, "authentication failed — the ciphertext was altered, or it belongs to another record or column", keyVersion);
  }
}
