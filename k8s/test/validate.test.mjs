import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { K8S_DIR, parseFile, render, validateDocuments } from '../lib/validate.mjs';

const fixture = (name) => join(K8S_DIR, 'test', 'fixtures', name);

async function problemsOf(name) {
  return validateDocuments(parseFile(fixture(name)), name);
}

for (const overlay of ['base', 'overlays/dev', 'overlays/prod']) {
  test(`${overlay} renders and every resource is valid`, async () => {
    const docs = render(join(K8S_DIR, overlay));
    assert.ok(docs.length > 40, `only ${docs.length} resources rendered`);
    assert.deepEqual(await validateDocuments(docs, overlay), []);
  });
}

test('a misspelled Deployment field (replica) is rejected', async () => {
  const problems = await problemsOf('deployment-replica-typo.yaml');
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /replica/);
});

test('a Service port of the wrong type is rejected', async () => {
  const problems = await problemsOf('service-port-wrong-type.yaml');
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /port/);
});

test('an unknown kind is rejected', async () => {
  const problems = await problemsOf('unknown-kind.yaml');
  assert.deepEqual(problems.map((p) => /unknown kind/.test(p)), [true]);
});

test('a misspelled KafkaTopic field (partition) is rejected by the Strimzi CRD schema', async () => {
  const problems = await problemsOf('kafkatopic-partition-typo.yaml');
  assert.ok(problems.some((p) => /'partition'/.test(p)), problems.join('\n'));
});

test('a CloudNativePG Cluster field of the wrong type is rejected', async () => {
  const problems = await problemsOf('cnpg-cluster-wrong-type.yaml');
  assert.ok(problems.some((p) => /\/spec\/instances/.test(p)), problems.join('\n'));
});

test('every topic of infra/kafka/topics.txt has a KafkaTopic with its partitions and configs', async () => {
  const { readFileSync } = await import('node:fs');
  const topics = new Map(render(join(K8S_DIR, 'base')).filter((d) => d.kind === 'KafkaTopic')
    .map((d) => [d.spec.topicName, d.spec]));
  const lines = readFileSync(join(K8S_DIR, '..', 'infra', 'kafka', 'topics.txt'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  assert.equal(topics.size, lines.length);
  for (const line of lines) {
    const [name, partitions, ...configs] = line.split(/\s+/);
    const spec = topics.get(name);
    assert.ok(spec, `no KafkaTopic for ${name}`);
    assert.equal(spec.partitions, Number(partitions), name);
    for (const kv of configs) {
      const [key, value] = kv.split('=');
      assert.equal(String(spec.config[key]), value, `${name} ${key}`);
    }
  }
});
