/// <reference types="vite/client" />
import { describe, expect, test } from "vitest";

/**
 * Every route module that exports a loader or an action must authenticate first. We call each
 * one as an anonymous visitor (no cookie) and require a redirect to sign-in or a 404 — never
 * data. Routes that are public by design are listed here with what they may answer.
 */
const modules = import.meta.glob<Record<string, unknown>>("../../app/routes/*.{ts,tsx}", { eager: true });

const PUBLIC: Record<string, string> = {
  "_index.tsx": "redirects to /login or /home",
  "$.tsx": "the not-found page",
  "healthz.ts": "liveness and database check",
  "language.tsx": "choosing a language before sign-in",
  "login._index.tsx": "the sign-in form",
  "logout.tsx": "sign-out (works with or without a session)",
};

type RouteFunction = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

async function outcome(run: () => Promise<unknown>): Promise<{ status: number; location: string | null }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("location") };
    return { status: 200, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("location") };
    throw thrown;
  }
}

const anonymousParams = new Proxy({}, { get: () => "00000000-0000-4000-8000-000000000000" }) as Record<string, string>;

describe("every non-public loader and action authenticates first", () => {
  const entries = Object.entries(modules).map(([path, module]) => [path.split("/").at(-1)!, module] as const);

  test("the route list is not empty and the public list names real routes", () => {
    const names = entries.map(([name]) => name);
    expect(names.length).toBeGreaterThan(5);
    for (const name of Object.keys(PUBLIC)) expect(names).toContain(name);
  });

  for (const [name, module] of entries) {
    if (name in PUBLIC) continue;
    for (const kind of ["loader", "action"] as const) {
      const fn = module[kind] as RouteFunction | undefined;
      if (!fn) continue;
      test(`${name} ${kind} turns away an anonymous visitor`, async () => {
        const request = new Request(`http://localhost/${name}`, {
          method: kind === "loader" ? "GET" : "POST",
          body: kind === "action" ? new URLSearchParams({ x: "1" }) : undefined,
        });
        const result = await outcome(() => fn({ request, params: anonymousParams, context: { requestId: "test", ip: "127.0.0.1", cspNonce: "" } }));
        const toSignIn = result.status === 302 && result.location !== null && result.location.startsWith("/login");
        expect(toSignIn || result.status === 404, `${name} ${kind} answered ${result.status} ${result.location ?? ""}`).toBe(true);
      });
    }
  }
});
