import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { maxNestingDepth, parseYaml } from '../../src/schema/parse-yaml.js';

const blockNest = (depth: number) => `${'- '.repeat(depth)}x\n`;
const flowNest = (depth: number) => `title: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;

describe('YAML nested too deep', () => {
  it('is E-YAML-DEPTH, block or flow, from a few levels past the limit to thousands', () => {
    for (const text of [blockNest(maxNestingDepth + 1), blockNest(20_000), flowNest(maxNestingDepth + 1), flowNest(20_000)]) {
      const { doc, diagnostics } = parseYaml('deep.yaml', text);
      assert.equal(doc, undefined);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['E-YAML-DEPTH'],
        text.slice(0, 40),
      );
      assert.ok(diagnostics[0]!.range![0] < text.length);
    }
  });

  it('leaves ordinary nesting alone', () => {
    const { doc, diagnostics } = parseYaml('ok.yaml', blockNest(maxNestingDepth - 1));
    assert.deepEqual(diagnostics, []);
    assert.ok(doc);
  });

  it('is refused in a worker thread too, whose stack is smaller (batch builds firms in workers)', async () => {
    // The built library (npm test builds it first): a worker's eval code is plain JavaScript.
    const library = new URL('../../lib/schema/parse-yaml.js', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(library)}).then(({ parseYaml }) => {
        const result = parseYaml('deep.yaml', '- '.repeat(20000) + 'x\\n');
        require('node:worker_threads').parentPort.postMessage(result.diagnostics.map((d) => d.code).join());
      });`,
      { eval: true, resourceLimits: { stackSizeMb: 1 } },
    );
    const answer = await new Promise<string>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.equal(answer, 'E-YAML-DEPTH');
  });
});
