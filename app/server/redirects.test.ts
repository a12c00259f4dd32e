import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "./redirects.server";

const ORIGIN = "https://kamkor.example";

/** Where a browser would actually go if the app answered `Location: <target>`. */
const resolvedOrigin = (target: string) => new URL(target, `${ORIGIN}/language`).origin;

describe("safeRedirectPath", () => {
  test.each([
    "//evil.example",
    "//evil.example/home",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "http://evil.example/home",
    "javascript:alert(1)",
    "evil.example",
    "home",
    "",
  ])("%j falls back to /", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  test.each([null, undefined])("%s falls back to /", (target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  test("a custom fallback is used for unsafe targets", () => {
    expect(safeRedirectPath("//evil.example", "/home")).toBe("/home");
    expect(safeRedirectPath(undefined, "/login")).toBe("/login");
  });

  test.each(["/", "/home", "/home?x=1", "/home?x=1#top", "/login/totp", "/home?next=//evil.example"])("same-site path %j is kept", (target) => {
    expect(safeRedirectPath(target)).toBe(target);
    expect(resolvedOrigin(target)).toBe(ORIGIN);
  });

  test("every rejected example would indeed have left the site or been meaningless", () => {
    expect(resolvedOrigin("//evil.example")).toBe("https://evil.example");
    expect(resolvedOrigin("/\\evil.example")).toBe("https://evil.example");
  });

  // Browsers (WHATWG URL parser) delete ASCII tab and newline anywhere in a URL, so
  // "/\t/evil.example" is "//evil.example" to the browser: must be refused.
  test.each(["/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example"])("%j (tab/newline that browsers strip) stays on the site", (target) => {
    expect(resolvedOrigin(safeRedirectPath(target))).toBe(ORIGIN);
  });
});
