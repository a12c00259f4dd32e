import argon2 from "argon2";
import { afterEach, describe, expect, test, vi } from "vitest";
import { hashPassword, PASSWORD_HASH_OPTIONS, verifyPassword } from "./password.server";

const PASSWORD = "correct horse battery staple";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hashPassword", () => {
  test("produces argon2id with m=19456, t=2, p=1 in the encoded string", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(PASSWORD_HASH_OPTIONS).toMatchObject({ type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  test("a random salt makes two hashes of the same password differ", async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  test("a given salt makes the hash deterministic", async () => {
    const salt = Buffer.alloc(16, 7);
    expect(await hashPassword(PASSWORD, salt)).toBe(await hashPassword(PASSWORD, salt));
  });
});

describe("verifyPassword", () => {
  test("accepts the right password", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, PASSWORD)).toEqual({ ok: true, needsRehash: false });
  });

  test("refuses a wrong password", async () => {
    const hash = await hashPassword(PASSWORD);
    expect(await verifyPassword(hash, "correct horse battery stapler")).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword(hash, "")).toEqual({ ok: false, needsRehash: false });
  });

  test("refuses an unknown user (hash undefined), whatever the password", async () => {
    expect(await verifyPassword(undefined, PASSWORD)).toEqual({ ok: false, needsRehash: false });
    // Not even the dummy password unlocks an unknown user.
    expect(await verifyPassword(undefined, "kamkor-dummy-password-for-timing")).toEqual({ ok: false, needsRehash: false });
  });

  test("an empty-string hash is treated like an unknown user", async () => {
    expect(await verifyPassword("", PASSWORD)).toEqual({ ok: false, needsRehash: false });
  });

  test("a corrupt hash is refused, not thrown", async () => {
    await expect(verifyPassword("$argon2id$garbage", PASSWORD)).resolves.toEqual({ ok: false, needsRehash: false });
  });

  test("needsRehash is true for a hash made with weaker parameters", async () => {
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 8192, timeCost: 2, parallelism: 1 });
    expect(weak).toContain("m=8192");
    expect(await verifyPassword(weak, PASSWORD)).toEqual({ ok: true, needsRehash: true });
  });

  test("needsRehash is true for a weaker time cost too", async () => {
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 1, parallelism: 1 });
    expect(await verifyPassword(weak, PASSWORD)).toEqual({ ok: true, needsRehash: true });
  });

  test("a weaker hash with the wrong password is refused without a rehash hint", async () => {
    const weak = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 8192, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(weak, "nope nope nope")).toEqual({ ok: false, needsRehash: false });
  });

  test("an unknown user still runs argon2.verify (against a dummy argon2id hash)", async () => {
    // password.server.ts imports the CommonJS default export, which is this same object,
    // so a spy on its property sees the call.
    const verify = vi.spyOn(argon2, "verify");
    const result = await verifyPassword(undefined, PASSWORD);
    expect(result.ok).toBe(false);
    expect(verify).toHaveBeenCalledTimes(1);
    const [dummy, password] = verify.mock.calls[0];
    expect(password).toBe(PASSWORD);
    expect(dummy).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    // It really ran (the spy calls through): the awaited verification resolved to false.
    await expect(verify.mock.results[0].value).resolves.toBe(false);
  });

  test("a known user runs argon2.verify exactly once against the stored hash", async () => {
    const hash = await hashPassword(PASSWORD);
    const verify = vi.spyOn(argon2, "verify");
    await verifyPassword(hash, PASSWORD);
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify.mock.calls[0][0]).toBe(hash);
  });
});
