import argon2 from "argon2";

/** OWASP minimum for argon2id (m = 19 MiB, t = 2, p = 1). Raising it rehashes on next sign-in. */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string, salt?: Buffer): Promise<string> {
  return argon2.hash(password, salt ? { ...PASSWORD_HASH_OPTIONS, salt } : PASSWORD_HASH_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. For an unknown user pass `hash: undefined`: we still run argon2
 * against a dummy hash so that "no such user" and "wrong password" take the same time.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<{ ok: boolean; needsRehash: boolean }> {
  dummyHash ??= hashPassword("kamkor-dummy-password-for-timing");
  const target = hash ?? (await dummyHash);
  let ok = false;
  try {
    ok = await argon2.verify(target, password);
  } catch {
    ok = false;
  }
  if (!hash || !ok) return { ok: false, needsRehash: false };
  return { ok: true, needsRehash: argon2.needsRehash(hash, PASSWORD_HASH_OPTIONS) };
}
