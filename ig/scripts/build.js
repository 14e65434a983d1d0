'use strict';
// npm run build: SUSHI -> $IG_OUT/fsh-generated, then the FHIR NPM package (scripts/pack.js).
const { igOut, runSushi } = require('./lib');
const { pack } = require('./pack');

const out = igOut();
console.log(`IG output folder: ${out}`);
runSushi(out);
pack(out);
