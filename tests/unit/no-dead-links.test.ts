import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { AREAS } from "~policies/navigation.policy";

const ROUTES_DIR = path.resolve("app/routes");
const ROUTE_EXTENSIONS = /\.(tsx|ts|jsx|js)$/;

/**
 * Remix v2 flat routes, static part only: "home._index.tsx" → "/home", "_index.tsx" → "/",
 * "_auth.home.tsx" → "/home" (pathless layout), "home_.edit.tsx" → "/home/edit", "[.]well-known"
 * → ".well-known", a folder "home/route.tsx" → "/home". Dynamic segments ("$id") and optional
 * ones ("(lang)") are kept as patterns.
 */
function routePath(fileOrFolder: string): string {
  const name = fileOrFolder.replace(ROUTE_EXTENSIONS, "");
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const char of name) {
    if (char === "[") escaped = true;
    else if (char === "]") escaped = false;
    else if (char === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += char;
  }
  segments.push(current);
  // Bracket-escaped text was copied without its brackets; a leading "_" that came from an
  // escape is rare enough to ignore here.
  const urlSegments = segments.filter((segment) => !segment.startsWith("_")).map((segment) => (segment.endsWith("_") ? segment.slice(0, -1) : segment));
  return `/${urlSegments.join("/")}`;
}

function routeModules(): { file: string; path: string }[] {
  return fs.readdirSync(ROUTES_DIR, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && ROUTE_EXTENSIONS.test(entry.name) && !/\.test\./.test(entry.name)) {
      return [{ file: entry.name, path: routePath(entry.name) }];
    }
    if (entry.isDirectory()) {
      const inside = fs.readdirSync(path.join(ROUTES_DIR, entry.name));
      const route = inside.find((file) => /^route\.(tsx|ts|jsx|js)$/.test(file));
      return route ? [{ file: `${entry.name}/${route}`, path: routePath(entry.name) }] : [];
    }
    return [];
  });
}

function segmentMatches(pattern: string, actual: string): boolean {
  if (pattern.startsWith("$")) return actual !== "";
  return pattern === actual;
}

/** Does a URL path (static, as in AREAS) match a route module's path pattern? */
function matches(routePattern: string, urlPath: string): boolean {
  const pattern = routePattern.split("/").filter(Boolean);
  const actual = urlPath.split("?")[0].split("/").filter(Boolean);
  const optional = (segment: string) => segment.startsWith("(") && segment.endsWith(")");
  const walk = (p: number, a: number): boolean => {
    if (p === pattern.length) return a === actual.length;
    const segment = pattern[p];
    if (segment === "$") return a < actual.length; // splat
    if (optional(segment)) {
      const inner = segment.slice(1, -1);
      return walk(p + 1, a) || (a < actual.length && segmentMatches(inner, actual[a]) && walk(p + 1, a + 1));
    }
    return a < actual.length && segmentMatches(segment, actual[a]) && walk(p + 1, a + 1);
  };
  return walk(0, 0);
}

describe("flat-route matcher", () => {
  test.each([
    ["_index.tsx", "/"],
    ["home.tsx", "/home"],
    ["home._index.tsx", "/home"],
    ["login._index.tsx", "/login"],
    ["login.totp.tsx", "/login/totp"],
    ["_auth.home.tsx", "/home"],
    ["people_.new.tsx", "/people/new"],
    ["[.]well-known.security[.]txt.ts", "/.well-known/security.txt"],
    ["people.$id.tsx", "/people/$id"],
    ["healthz.ts", "/healthz"],
    ["home", "/home"],
  ])("%s → %s", (file, expected) => {
    expect(routePath(file)).toBe(expected);
  });

  test("matching of static, dynamic and optional segments", () => {
    expect(matches("/home", "/home")).toBe(true);
    expect(matches("/home", "/homes")).toBe(false);
    expect(matches("/home", "/home/x")).toBe(false);
    expect(matches("/people/$id", "/people/42")).toBe(true);
    expect(matches("/people/$id", "/people")).toBe(false);
    expect(matches("/($lang)/home", "/home")).toBe(true);
    expect(matches("/($lang)/home", "/ky/home")).toBe(true);
    expect(matches("/", "/")).toBe(true);
  });

  test("the real routes folder is read (sanity: the sign-in page exists)", () => {
    expect(routeModules().map((route) => route.path)).toContain("/login");
  });
});

describe("no dead links in the navigation", () => {
  const modules = routeModules();

  test.each(Object.entries(AREAS).map(([area, { path: urlPath }]) => [area, urlPath]))("area %s (%s) has a route module in app/routes", (_area, urlPath) => {
    const found = modules.filter((route) => matches(route.path, urlPath));
    expect(found, `no route module for ${urlPath}; routes: ${modules.map((r) => `${r.file}→${r.path}`).join(", ")}`).not.toEqual([]);
  });

  test.each(Object.entries(AREAS).map(([area, { path: urlPath }]) => [area, urlPath]))(
    "area %s (%s) is a page (its route module has a default export), not only a resource route",
    (_area, urlPath) => {
      const pages = modules
        .filter((route) => matches(route.path, urlPath))
        .filter((route) => /export\s+default\b/.test(fs.readFileSync(path.join(ROUTES_DIR, route.file), "utf8")));
      expect(pages).not.toEqual([]);
    },
  );
});
