import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { measureSkeleton } from '../../src/catalogue/skeleton.js';
import { measureSchema } from '../../src/catalogue/schema.js';
import { schemaText } from '../../src/commands/schema.js';
import { repoRoot } from '../helpers/paths.js';

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.yaml')).map((e) => path.join(e.parentPath, e.name));
}

describe('JSON Schema for editors', () => {
  for (const which of ['guide', 'measure'] as const) {
    it(`schema/${which}.schema.json is what the code exports (run \`guide schema --out schema\` after a schema change)`, async () => {
      assert.equal(await readFile(path.join(repoRoot, `schema/${which}.schema.json`), 'utf8'), schemaText(which));
    });
  }

  it('every sample file points editors at the committed schema', async () => {
    const guide = await readFile(path.join(repoRoot, 'guide.yaml'), 'utf8');
    assert.match(guide, /^# yaml-language-server: \$schema=\.\/schema\/guide\.schema\.json\n/);
    const files = await yamlFiles(path.join(repoRoot, 'policies'));
    assert.ok(files.length >= 26);
    for (const file of files) {
      const first = (await readFile(file, 'utf8')).split('\n')[0];
      assert.equal(first, '# yaml-language-server: $schema=../../schema/measure.schema.json', file);
    }
  });

  it('the guide new skeleton holds every measure field', () => {
    const skeleton = measureSkeleton('tax-x', 'tax', '2020-03-05');
    for (const name of Object.keys(measureSchema.fields)) assert.match(skeleton, new RegExp(`^${name}:`, 'm'), name);
  });
});
