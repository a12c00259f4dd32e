// The bare Remix page bench:plans compares against (docs/decisions/021-request-cost.md): same
// Remix, React, Express and compression as the app, nothing else. Builds into the repository's
// git-ignored build-bare/.
import path from "node:path";
import { fileURLToPath } from "node:url";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../build-bare");

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverBuildPath: `${out}/index.js`,
  cacheDirectory: `${out}/.cache`,
  assetsBuildDirectory: `${out}/client`,
  publicPath: "/build/",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
};
