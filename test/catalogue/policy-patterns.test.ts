import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { loadCatalogue } from '../../src/catalogue/load.js';
import {
  excludedByPattern,
  isUsablePattern,
  patternFolders,
  policyMatcher,
} from '../../src/catalogue/policy-patterns.js';
import { createSourceReader } from '../../src/io/source-reader.js';

test('policies patterns: braces, classes, negation, and the extension in any case', () => {
  const matches = policyMatcher(['policies/**/*.{yaml,yml}', '!policies/**/drafts/**']);
  assert.ok(matches('policies/tax/a.yaml'));
  assert.ok(matches('policies/tax/a.yml'));
  assert.ok(matches('policies/tax/A.YAML'));
  assert.ok(matches('policies/tax/deep/a.Yml'));
  assert.ok(!matches('policies/tax/drafts/a.yaml'));
  assert.ok(!matches('policies/tax/a.txt'));
  assert.ok(!matches('other/a.yaml'));
  const classes = policyMatcher(['policies/[a-m]*/*.yaml']);
  assert.ok(classes('policies/finance/a.yaml'));
  assert.ok(!classes('policies/tax/a.yaml'));
  assert.ok(policyMatcher(['./policies\\tax\\*.yaml'])('policies/tax/a.yaml'), 'Windows separators and ./');
  assert.ok(!policyMatcher(['!policies/**'])('policies/a.yaml'), 'only negative patterns take nothing');
  assert.ok(excludedByPattern(['policies/**', '!policies/**/drafts/**'])('policies/tax/drafts/x.YAML'));
  assert.deepEqual(patternFolders(['policies/**/*.yaml', 'extra/one.yaml', '**/*.yml', '!policies/x/**']), [
    'policies',
    'extra',
    '',
  ]);
});

test('the real reader lists .yml and .YAML files, and warns of a YAML file no pattern takes', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-patterns-'));
  try {
    await mkdir(path.join(dir, 'policies/tax/drafts'), { recursive: true });
    await mkdir(path.join(dir, 'policies/.hidden'), { recursive: true });
    for (const file of ['tax/a.yaml', 'tax/b.YML', 'tax/drafts/c.yaml', '.hidden/d.yaml', 'tax/e.json'])
      await writeFile(path.join(dir, 'policies', file), 'x: 1\n');
    const reader = createSourceReader(dir);
    assert.deepEqual(await reader.list(['policies/**/*.{yaml,yml}', '!**/drafts/**']), [
      'policies/tax/a.yaml',
      'policies/tax/b.YML',
    ]);
    await writeFile(
      path.join(dir, 'guide.yaml'),
      'title: t\nedition: e\ndate: 2020-03-05\npublisher: p\ncategories: [{ id: tax, title: 稅 }]\n' +
        'policies: ["policies/**/*.yaml"]\n',
    );
    const loaded = await loadCatalogue(reader, dir);
    const unmatched = loaded.diagnostics.filter((d) => d.code === 'W-FILE-UNMATCHED').map((d) => d.file);
    assert.deepEqual(unmatched, ['policies/tax/b.YML']);
    const guide = await readFile(path.join(dir, 'guide.yaml'), 'utf8');
    await writeFile(
      path.join(dir, 'guide.yaml'),
      guide.replace('"policies/**/*.yaml"', '"policies/**/*.{yaml,yml}", "!**/drafts/**"'),
    );
    const narrow = await loadCatalogue(reader, dir);
    assert.deepEqual(
      narrow.diagnostics.filter((d) => d.code === 'W-FILE-UNMATCHED').map((d) => d.file),
      [],
      'a file a !pattern leaves out is left out on purpose',
    );
    assert.ok(narrow.sources.has('policies/tax/b.YML'), 'the .YML file is read as a measure');
    assert.ok(!narrow.sources.has('policies/tax/drafts/c.yaml'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a pattern too complex to match with is an E-POLICIES-PATTERN at it, not a crash', async () => {
  // The fuzzer's finding: braces whose regular expression V8 cannot compile.
  const tooComplex = `policies/**/*.{${'- '.repeat(20000)}}`;
  assert.ok(!isUsablePattern(tooComplex));
  assert.ok(isUsablePattern('policies/**/*.{yaml,yml}') && isUsablePattern('!policies/**/drafts/**'));
  // Wildcards enough to backtrack for minutes on a name that nearly matches; three in a part are fine.
  assert.ok(!isUsablePattern('policies/*a*a*a*a*a*a*a*a*b.yaml'));
  assert.ok(isUsablePattern('policies/**/*-*-*.yaml'));
  const dir = await mkdtemp(path.join(tmpdir(), 'guide-patterns-'));
  try {
    await mkdir(path.join(dir, 'policies'), { recursive: true });
    await writeFile(path.join(dir, 'policies/a.yaml'), 'x: 1\n');
    const guide = `title: t\nedition: e\ndate: 2020-03-05\npublisher: p\ncategories: [{ id: tax, title: 稅 }]\npolicies:\n  - "${tooComplex}"\n`;
    await writeFile(path.join(dir, 'guide.yaml'), guide);
    const loaded = await loadCatalogue(createSourceReader(dir), dir);
    const found = loaded.diagnostics.filter((d) => d.code === 'E-POLICIES-PATTERN');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.file, 'guide.yaml');
    assert.equal(guide.slice(found[0]!.range![0], found[0]!.range![1]), `"${tooComplex}"`);
    assert.match(found[0]!.message, /policies\[1\]/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
