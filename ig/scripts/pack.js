'use strict';
// Assembles the FHIR NPM package from the SUSHI output (Node 20 built-ins only):
//   $IG_OUT/package/                 package.json, .index.json, conformance resources
//   $IG_OUT/package/example/         example instances (+ .index.json)
//   $IG_OUT/<name>-<version>.tgz     gzipped tar, entries under package/
//   $IG_OUT/examples/<bundle-id>.json  the example transaction bundles
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { IG_DIR, igOut, sushiConfig, generatedResources, prettyJson, exampleBundles } = require('./lib');

const CONFORMANCE_TYPES = new Set([
  'StructureDefinition', 'ValueSet', 'CodeSystem', 'ConceptMap', 'SearchParameter',
  'NamingSystem', 'CapabilityStatement', 'OperationDefinition', 'ImplementationGuide',
]);

function indexEntry(file, r) {
  const e = { filename: file, resourceType: r.resourceType, id: r.id };
  if (r.url) e.url = r.url;
  if (r.version) e.version = r.version;
  if (r.kind) e.kind = r.kind;
  if (r.type) e.type = r.type;
  return e;
}

function writeIndex(dir, entries) {
  fs.writeFileSync(path.join(dir, '.index.json'), prettyJson({ 'index-version': 1, files: entries }));
}

// --- minimal deterministic ustar writer ---------------------------------------
function tarHeader(name, size) {
  const h = Buffer.alloc(512, 0);
  const put = (str, off, len) => h.write(str, off, Math.min(len, Buffer.byteLength(str)), 'utf8');
  const oct = (n, len) => n.toString(8).padStart(len - 1, '0') + '\0';
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name too long: ${name}`);
  put(name, 0, 100);
  put(oct(0o644, 8), 100, 8);
  put(oct(0, 8), 108, 8);
  put(oct(0, 8), 116, 8);
  put(oct(size, 12), 124, 12);
  put(oct(0, 12), 136, 12); // mtime 0: reproducible archive
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  let sum = 0;
  for (const b of h) sum += b;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return h;
}

function tarGz(baseDir, relFiles) {
  const parts = [];
  for (const rel of relFiles) {
    const data = fs.readFileSync(path.join(baseDir, rel));
    parts.push(tarHeader(rel, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return zlib.gzipSync(Buffer.concat(parts), { level: 9 });
}

function listFiles(dir, prefix = '') {
  const out = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const abs = path.join(dir, f);
    const rel = prefix ? `${prefix}/${f}` : f;
    if (fs.statSync(abs).isDirectory()) out.push(...listFiles(abs, rel));
    else out.push(rel);
  }
  return out;
}

function pack(outDir = igOut()) {
  const cfg = sushiConfig();
  const npm = JSON.parse(fs.readFileSync(path.join(IG_DIR, 'package.json'), 'utf8')).fhirPackage;
  const resources = generatedResources(outDir);
  if (!resources) throw new Error(`No SUSHI output in ${outDir}/fsh-generated/resources`);

  const pkgDir = path.join(outDir, 'package');
  const exDir = path.join(pkgDir, 'example');
  fs.rmSync(pkgDir, { recursive: true, force: true });
  fs.mkdirSync(exDir, { recursive: true });

  const topIndex = [];
  const exIndex = [];
  for (const { file, resource } of resources) {
    const isConformance = CONFORMANCE_TYPES.has(resource.resourceType);
    const dir = isConformance ? pkgDir : exDir;
    fs.writeFileSync(path.join(dir, file), prettyJson(resource));
    (isConformance ? topIndex : exIndex).push(indexEntry(file, resource));
  }
  const manifest = {
    name: npm.name,
    version: cfg.version,
    description: npm.description,
    title: npm.title,
    author: npm.author,
    license: npm.license,
    canonical: cfg.canonical,
    url: cfg.canonical,
    fhirVersions: [cfg.fhirVersion],
    jurisdiction: 'urn:iso:std:iso:3166#BE',
    type: 'IG',
    dependencies: { 'hl7.fhir.r4.core': '4.0.1' },
  };
  fs.writeFileSync(path.join(pkgDir, 'package.json'), prettyJson(manifest));
  writeIndex(pkgDir, topIndex);
  writeIndex(exDir, exIndex);

  // One package in the output: a build of an older version must not leave its tgz beside this one.
  for (const old of fs.readdirSync(outDir).filter(f => f.startsWith(`${npm.name}-`) && f.endsWith('.tgz'))) {
    fs.rmSync(path.join(outDir, old));
  }
  const tgz = path.join(outDir, `${npm.name}-${cfg.version}.tgz`);
  fs.writeFileSync(tgz, tarGz(outDir, listFiles(pkgDir, 'package')));

  const exOut = path.join(outDir, 'examples');
  fs.rmSync(exOut, { recursive: true, force: true });
  fs.mkdirSync(exOut, { recursive: true });
  const bundles = exampleBundles(resources);
  for (const { resource } of bundles) {
    fs.writeFileSync(path.join(exOut, `${resource.id}.json`), prettyJson(resource));
  }
  console.log(`FHIR package ${npm.name}#${cfg.version}: ${topIndex.length} conformance resources, ` +
    `${exIndex.length} examples -> ${tgz}`);
  console.log(`${bundles.length} transaction bundles -> ${exOut}`);
}

module.exports = { pack };
if (require.main === module) pack();
