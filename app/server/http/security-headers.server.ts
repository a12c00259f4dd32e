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
 * Scripts run only with this response's nonce (and what they load: 'strict-dynamic');
 * no plugins, no <base>, no framing, forms post only to us. Images may be data: URLs (the
 * enrolment QR code). Styles come from our own stylesheet only.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * Cross-site POSTs are refused before any route runs (CSRF defence; SameSite=Lax cookies are
 * the second layer). Browsers send Sec-Fetch-Site on every request, whatever the referrer
 * policy, so it decides when present. Otherwise Origin must match the host. With our
 * `Referrer-Policy: no-referrer` a browser sends `Origin: null` on same-origin form posts, so
 * "null" is only trusted when Sec-Fetch-Site vouches for it. A request with neither header is
 * a non-browser client, which carries no victim's cookies, and is let through.
 */
export function isCrossSiteMutation(request: { method: string; host?: string; origin?: string; secFetchSite?: string }): boolean {
  if (["GET", "HEAD", "OPTIONS"].includes(request.method.toUpperCase())) return false;
  if (request.secFetchSite) return !["same-origin", "none"].includes(request.secFetchSite);
  if (!request.origin) return false;
  if (request.origin === "null") return true;
  try {
    return new URL(request.origin).host !== request.host?.toLowerCase();
  } catch {
    return true;
  }
}
