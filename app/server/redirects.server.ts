/**
 * Only same-site paths: "/x" yes; "//evil", "/\\evil", absolute URLs and anything with a
 * control character (browsers drop tabs and newlines, so "/\t/evil" means "//evil") fall back.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || /[\u0000-\u001f\u007f]/.test(target)) return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
