/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  // The server build imports these at run time from node_modules; only recharts' ESM-only
  // transitive dependencies must be bundled for the classic compiler to load them.
  serverDependenciesToBundle: [/^d3-.*/, /^internmap/],
};
