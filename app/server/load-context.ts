/**
 * What the Express server hands every loader and action (scripts/start.ts): a request id for
 * the audit log, the client IP, and the CSP nonce (which never goes into loader data).
 */
export type KamkorLoadContext = {
  requestId: string;
  ip: string | undefined;
  cspNonce: string;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends KamkorLoadContext {}
}
