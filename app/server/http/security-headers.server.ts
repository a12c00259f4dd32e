/**
 * Headers every response carries. Pages are never cached (they may hold case data), and the
 * browser is told not to sniff, frame, refer or use device features.
 */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * Cross-site POSTs are refused before any route runs (CSRF defence by strict origin check;
 * SameSite=Lax cookies are the second layer). A request with neither Origin nor Referer is a
 * non-browser client and carries no ambient cookies of a victim, so it is let through.
 */
export function isCrossSiteMutation(method: string, host: string | undefined, origin: string | undefined, referer: string | undefined): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase())) return false;
  const source = origin && origin !== "null" ? origin : referer;
  if (origin === "null") return true;
  if (!source) return false;
  try {
    return new URL(source).host !== host;
  } catch {
    return true;
  }
}
