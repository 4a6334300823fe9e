// Validates rendered manifests offline: Kubernetes kinds with kubernetes-models, the operators' kinds against the
// schemas in crds/. Any other kind is an error, so a typo in apiVersion or kind cannot slip through as "unknown".
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import yaml from 'js-yaml';

const K8S_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
const CRD_DIR = join(K8S_DIR, 'crds');

// A structural CRD schema prunes fields it does not declare; here an undeclared field is an error instead.
function closeObjects(schema) {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-')) continue;
    out[key] = closeObjects(value);
  }
  if (out.properties && out.additionalProperties === undefined && !schema['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  // int-or-string fields carry no type of their own.
  if (schema['x-kubernetes-int-or-string']) out.type = ['integer', 'string'];
  return out;
}

function loadCustomSchemas() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = new Map();
  for (const file of readdirSync(join(CRD_DIR, 'strimzi')).filter((f) => f.endsWith('.yaml'))) {
    const crd = yaml.load(readFileSync(join(CRD_DIR, 'strimzi', file), 'utf8'));
    for (const version of crd.spec.versions) {
      const schema = closeObjects(version.schema.openAPIV3Schema);
      // apiVersion/kind/metadata are checked by the API server, not by the CRD's schema.
      schema.properties = { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
      validators.set(`${crd.spec.group}/${version.name}:${crd.spec.names.kind}`, ajv.compile(schema));
    }
  }
  const cnpg = yaml.load(readFileSync(join(CRD_DIR, 'cloudnative-pg', 'postgresql.cnpg.io.schema.yaml'), 'utf8'));
  for (const kind of ['Cluster', 'Database']) {
    validators.set(`postgresql.cnpg.io/v1:${kind}`, ajv.compile({ ...cnpg[kind], definitions: cnpg.definitions }));
  }
  return validators;
}

const customSchemas = loadCustomSchemas();

// kubernetes-models checks types and required fields but lets unknown fields through (a misspelt `replica` would
// pass), so field names are checked against the field lists of fabric8's Kubernetes model (see crds/README.md).
const knownFields = JSON.parse(readFileSync(join(CRD_DIR, 'kubernetes', 'fabric8-fields-6.13.4.json'), 'utf8'));

function fieldDefinition(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const short = group.split('.')[0];
  return [`kubernetes_${short}_${version}_${kind}`, `kubernetes_${short}_${kind}`].find((name) => knownFields[name]);
}

function unknownFields(value, definition, path, problems) {
  const fields = knownFields[definition];
  if (!fields || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => unknownFields(item, definition, `${path}/${i}`, problems));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (!(key in fields)) problems.push(`${path || '/'} has unknown field '${key}'`);
    else if (fields[key]) unknownFields(child, fields[key], `${path}/${key}`, problems);
  }
}

// kubernetes-models lays out its classes as <group>/<version>/<Kind>.js, the core group as v1/<Kind>.js.
async function kubernetesModel(apiVersion, kind) {
  if (!/^[a-z0-9.]+(\/[a-z0-9]+)?$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]+$/.test(kind)) return undefined;
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    return module[kind] ?? module.default;
  } catch {
    return undefined;
  }
}

function describe(doc) {
  return `${doc?.kind ?? '?'} ${doc?.metadata?.name ?? '?'} (${doc?.apiVersion ?? '?'})`;
}

// Returns a list of problems, one string each; empty when every document is valid.
export async function validateDocuments(docs, source) {
  const problems = [];
  for (const doc of docs) {
    if (doc === null || doc === undefined) continue;
    const where = `${source}: ${describe(doc)}`;
    if (typeof doc !== 'object' || !doc.apiVersion || !doc.kind) {
      problems.push(`${where}: not a Kubernetes resource (apiVersion and kind required)`);
      continue;
    }
    const custom = customSchemas.get(`${doc.apiVersion}:${doc.kind}`);
    if (custom) {
      if (!custom(doc)) {
        for (const e of custom.errors) {
          const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : '';
          problems.push(`${where}: ${e.instancePath || '/'} ${e.message}${extra}`);
        }
      }
      continue;
    }
    const Model = await kubernetesModel(doc.apiVersion, doc.kind);
    if (!Model) {
      problems.push(`${where}: unknown kind (neither a Kubernetes kind nor one of the vendored operators' CRDs)`);
      continue;
    }
    try {
      new Model(doc).validate();
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
    const definition = fieldDefinition(doc.apiVersion, doc.kind);
    if (!definition) {
      problems.push(`${where}: no field list for this kind in crds/kubernetes`);
      continue;
    }
    const unknown = [];
    unknownFields(doc, definition, '', unknown);
    problems.push(...unknown.map((p) => `${where}: ${p}`));
  }
  return problems;
}

export function render(kustomizeDir) {
  const out = execFileSync('kubectl', ['kustomize', kustomizeDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return yaml.loadAll(out);
}

export function parseFile(file) {
  return yaml.loadAll(readFileSync(file, 'utf8'));
}

export { K8S_DIR };
