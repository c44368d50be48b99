/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // The server build imports these at run time from node_modules; only recharts' ESM-only
  // transitive dependencies must be bundled for the classic compiler to load them.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
  },
  serverDependenciesToBundle: [/^d3-.*/, /^internmap/],
};
