// KAMKOR_BUILD_DIR lets several builds live side by side (parallel test runs); default "build".
const out = process.env.KAMKOR_BUILD_DIR ?? "build";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverBuildPath: `${out}/index.js`,
  assetsBuildDirectory: `${out}/client`,
  publicPath: "/build/",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Tailwind is not used: one small hand-written stylesheet (docs/decisions/005-styling.md).
  postcss: false,
  tailwind: false,
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true },
};
