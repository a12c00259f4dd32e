import { describe, expect, test } from "vitest";
import { BASE_SECURITY_HEADERS, isCrossSiteMutation } from "./security-headers.server";

// Written against the object signature { method, host, origin, secFetchSite } (the Referer
// is no longer consulted; Sec-Fetch-Site decides when present).
const HOST = "kamkor.example";
type Input = Parameters<typeof isCrossSiteMutation>[0];
const post = (headers: Omit<Input, "method">, method = "POST") => isCrossSiteMutation({ method, host: HOST, ...headers });

describe("isCrossSiteMutation", () => {
  test.each(["GET", "HEAD", "OPTIONS", "get", "head"])("%s is never refused, whatever the headers", (method) => {
    expect(post({ origin: "https://evil.example", secFetchSite: "cross-site" }, method)).toBe(false);
    expect(post({ origin: "null" }, method)).toBe(false);
    expect(post({ origin: "::garbage::" }, method)).toBe(false);
  });

  test.each(["POST", "PUT", "PATCH", "DELETE", "post"])("%s with a same-host Origin is allowed", (method) => {
    expect(post({ origin: `https://${HOST}` }, method)).toBe(false);
  });

  test("same host with a port must match the Host header's port", () => {
    expect(isCrossSiteMutation({ method: "POST", host: "localhost:3000", origin: "http://localhost:3000" })).toBe(false);
    expect(isCrossSiteMutation({ method: "POST", host: "localhost:3000", origin: "http://localhost:4000" })).toBe(true);
  });

  test.each(["https://evil.example", `https://${HOST}.evil.example`, `https://sub.${HOST}`, `https://${HOST}:8443`])(
    "POST with another host's Origin %s is refused",
    (origin) => {
      expect(post({ origin })).toBe(true);
    },
  );

  test('Origin "null" without Sec-Fetch-Site is refused', () => {
    expect(post({ origin: "null" })).toBe(true);
  });

  test("neither Origin nor Sec-Fetch-Site (non-browser client) is allowed", () => {
    expect(post({})).toBe(false);
    expect(post({ origin: "" })).toBe(false);
  });

  test.each(["not a url", "://", "https://", "kamkor.example"])("an unparsable Origin %j is refused", (origin) => {
    expect(post({ origin })).toBe(true);
  });

  test("a POST with an Origin but no Host header is refused", () => {
    expect(isCrossSiteMutation({ method: "POST", origin: `https://${HOST}` })).toBe(true);
  });

  describe("Sec-Fetch-Site decides when present", () => {
    test.each(["same-origin", "none"])("%s is allowed, even with Origin null (no-referrer form posts)", (secFetchSite) => {
      expect(post({ secFetchSite, origin: "null" })).toBe(false);
      expect(post({ secFetchSite })).toBe(false);
    });

    test.each(["cross-site", "same-site", "bogus"])("%s is refused, even with a same-host Origin", (secFetchSite) => {
      expect(post({ secFetchSite, origin: `https://${HOST}` })).toBe(true);
      expect(post({ secFetchSite })).toBe(true);
    });
  });
});

describe("BASE_SECURITY_HEADERS", () => {
  test("forbid sniffing, framing and referrers", () => {
    expect(BASE_SECURITY_HEADERS).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(BASE_SECURITY_HEADERS["Permissions-Policy"]).toContain("camera=()");
  });
});
