#!/bin/sh
# Bundles the command-line tools into build/cli/*.mjs, which `npm run extract` and `npm run import` run with plain
# node: starting through tsx compiled every module on each run (about 0.45 s before the first article).
# The scripts call this before every run: when no source under importers/ or db/ (all the bundles read) is newer
# than the bundles it returns at once, else esbuild rebuilds them in about 50 ms, so a bundle is never stale.
# Packages stay in node_modules: better-sqlite3 is native, and the others load as fast from there.
# The import's and the worker's extraction threads start extractThread.mjs, bundled beside them.
out=build/cli
fresh() { [ -f "$out/$1" ] && [ -z "$(find importers db scripts/buildCli.sh package.json -newer "$out/$1" -print 2>/dev/null | head -n 1)" ]; }
if [ "$1" != "--force" ] && fresh extract.mjs && fresh import.mjs && fresh worker.mjs && fresh extractThread.mjs; then
  exit 0
fi
exec node_modules/.bin/esbuild importers/cli/extract.ts importers/cli/import.ts importers/cli/worker.ts \
  extractThread=importers/jobs/extractThread.ts \
  --bundle --platform=node --format=esm --target=node20 --packages=external \
  --outdir="$out" --out-extension:.js=.mjs --log-level=warning
