/** Only same-site paths: "/x" yes; "//evil", "/\\evil" and absolute URLs fall back to "/". */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  return target;
}
