// k8s/validate [DIR|FILE ...]: renders each kustomization directory (default: base and both overlays) or reads each
// YAML file, and validates every resource. Exit 1 on the first invalid resource set.
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { K8S_DIR, parseFile, render, validateDocuments } from './validate.mjs';

const targets = process.argv.slice(2);
const inputs = targets.length ? targets : ['base', 'overlays/dev', 'overlays/prod'].map((d) => join(K8S_DIR, d));
let failed = false;
for (const input of inputs) {
  const name = relative(process.cwd(), input) || input;
  let docs;
  try {
    docs = statSync(input).isDirectory() ? render(input) : parseFile(input);
  } catch (error) {
    console.error(`${name}: cannot render or parse: ${(error.stderr || error.message).toString().trim()}`);
    failed = true;
    continue;
  }
  const problems = await validateDocuments(docs, name);
  if (problems.length) {
    failed = true;
    for (const p of problems) console.error(p);
  } else {
    console.log(`${name}: ${docs.filter(Boolean).length} resources valid`);
  }
}
process.exit(failed ? 1 : 0);
