'use strict';
// Shared helpers of the IG build scripts (Node 20 built-ins only).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const IG_DIR = path.resolve(__dirname, '..');

/** Output folder: $IG_OUT (absolute) or ig/output. */
function igOut() {
  return path.resolve(process.env.IG_OUT || path.join(IG_DIR, 'output'));
}

/** Top-level scalar values of sushi-config.yaml (enough for canonical/version/fhirVersion). */
function sushiConfig() {
  const text = fs.readFileSync(path.join(IG_DIR, 'sushi-config.yaml'), 'utf8');
  const cfg = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z][A-Za-z0-9]*):\s*(.*?)\s*$/.exec(line);
    if (m && m[2] !== '' && !m[2].startsWith('#')) cfg[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  return cfg;
}

/** Runs SUSHI on ig/ with output to outDir; exits the process on any SUSHI error. */
function runSushi(outDir) {
  const bin = path.join(IG_DIR, 'node_modules', '.bin', process.platform === 'win32' ? 'sushi.cmd' : 'sushi');
  const res = spawnSync(bin, ['build', IG_DIR, '-o', outDir], { stdio: 'inherit', cwd: IG_DIR });
  if (res.error) {
    console.error(`Cannot run SUSHI: ${res.error.message}`);
    process.exit(2);
  }
  if (res.status !== 0) {
    console.error(`SUSHI failed (exit code ${res.status}): see the errors above.`);
    process.exit(res.status || 1);
  }
}

/** All JSON resources written by SUSHI, sorted by file name. */
function generatedResources(outDir) {
  const dir = path.join(outDir, 'fsh-generated', 'resources');
  if (!fs.existsSync(dir)) return null;
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, resource: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

/** Deterministic pretty JSON (2 spaces, trailing newline). */
function prettyJson(obj) {
  return JSON.stringify(obj, null, 2) + '\n';
}

/** Example transaction bundles among the generated resources. */
function exampleBundles(resources) {
  return resources.filter((r) => r.resource.resourceType === 'Bundle' && r.resource.type === 'transaction');
}

module.exports = { IG_DIR, igOut, sushiConfig, runSushi, generatedResources, prettyJson, exampleBundles };
