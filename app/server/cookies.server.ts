import { getEnv } from "~/server/env.server";

/** Minimal cookie helpers: our cookie values are opaque tokens or locale codes. */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export type CookieOptions = { maxAge?: number; httpOnly?: boolean; secure?: boolean };

/** Secure by default in production; demo mode serves plain HTTP on localhost. */
export function serializeCookie(name: string, value: string, options: CookieOptions = {}): string {
  const secure = options.secure ?? getEnv().KAMKOR_MODE === "production";
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", "SameSite=Lax"];
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`);
  if (options.httpOnly !== false) parts.push("HttpOnly");
  if (secure) parts.push("Secure");
  return parts.join("; ");
}
