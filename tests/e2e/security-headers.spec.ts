import { expect, test } from "@playwright/test";

test("pages carry a nonce-based CSP and other protective headers, and inline scripts are blocked", async ({ page }) => {
  const response = await page.goto("/login");
  const headers = response!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["cache-control"]).toBe("no-store");

  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const loaderData = await page.evaluate(() => JSON.stringify((window as unknown as { __remixContext: { state: unknown } }).__remixContext.state));
  expect(loaderData).not.toContain(nonce);
  const second = await page.request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);

  // What stored XSS would look like: markup with an inline handler. The CSP refuses to run it.
  const violation = page.waitForEvent("console", (message) => message.text().includes("Content Security Policy"));
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image" onerror="window.__injected = true">');
  });
  await violation;
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("sign-out tells the browser to clear cached pages", async ({ request }) => {
  const response = await request.post("/logout", { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers()["clear-site-data"]).toBe('"cache", "storage"');
  expect(response.headers()["set-cookie"]).toContain("Max-Age=0");
});
