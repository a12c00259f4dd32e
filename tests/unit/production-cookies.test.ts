import { beforeAll, expect, test } from "vitest";

/** In production the session cookie is a __Host- cookie: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain. */
beforeAll(() => {
  process.env.KAMKOR_MODE = "production";
});

test("production session cookies carry every flag", async () => {
  const { clearSessionCookie, sessionCookieName } = await import("~/server/auth/session.server");
  const { serializeCookie } = await import("~/server/cookies.server");
  expect(sessionCookieName()).toBe("__Host-kamkor_session");
  const cookie = serializeCookie(sessionCookieName(), "token-value");
  const attributes = cookie.split("; ").slice(1);
  expect(attributes).toEqual(expect.arrayContaining(["Path=/", "SameSite=Lax", "HttpOnly", "Secure"]));
  expect(cookie).not.toMatch(/Domain=/i);
  expect(clearSessionCookie()).toContain("Max-Age=0");
});
