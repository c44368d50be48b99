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
    // Off: with lazy discovery a fetcher sent while a form navigates fails with "No route matches URL" and shows
    // the error page over the new one (remix-run/react-router#13114; docs/decisions/041).
    v3_lazyRouteDiscovery: false,
  },
  serverDependenciesToBundle: [/^d3-.*/, /^internmap/],
};
