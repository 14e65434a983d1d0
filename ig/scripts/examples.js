'use strict';
// npm run examples: writes the example transaction bundles to ../examples/<bundle-id>.json
// (pretty-printed, deterministic). Uses the SUSHI output in $IG_OUT (or ig/output); runs
// SUSHI first when there is none yet.
const fs = require('node:fs');
const path = require('node:path');
const { IG_DIR, igOut, runSushi, generatedResources, prettyJson, exampleBundles } = require('./lib');

const out = igOut();
let resources = generatedResources(out);
if (!resources || process.env.IG_FRESH === '1') {
  runSushi(out);
  resources = generatedResources(out);
}
const target = path.resolve(IG_DIR, '..', 'examples');
fs.mkdirSync(target, { recursive: true });
const written = new Set();
for (const { resource } of exampleBundles(resources)) {
  const file = `${resource.id}.json`;
  fs.writeFileSync(path.join(target, file), prettyJson(resource));
  written.add(file);
  console.log(`examples/${file}`);
}
// Remove bundles of this IG that no longer exist (only lungcare-example-*.json; README etc. stay).
for (const f of fs.readdirSync(target)) {
  if (/^lungcare-example-.*\.json$/.test(f) && !written.has(f)) {
    fs.unlinkSync(path.join(target, f));
    console.log(`removed stale examples/${f}`);
  }
}
