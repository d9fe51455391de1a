/**
 * The GitHub Actions workflow (.github/workflows/guide.yml, also shown in docs/ci.md), run here:
 * its `run:` steps are executed in order, as GitHub runs them (bash -eo pipefail, one process per
 * step, GITHUB_ENV carried between steps), for a tag push, in a git repository holding a copy of
 * the edition with two tags. What the test does not run, and why:
 *
 * - `uses:` steps (checkout, setup-node): the temporary repository is the checkout, and this Node
 *   is the Node.
 * - `npm ci`: it needs the npm registry; the copy links this repository's node_modules and lib/
 *   instead, which is what `npm ci` (with its `prepare` build) leaves behind. npm runs with an
 *   empty cache of its own and offline, so `npx guide` can only ever run the checkout's guide
 *   (which npx links into that cache, running `prepare` once, as it does on the runner).
 * - steps that talk to GitHub (`gh release …`): asserted to be exactly the release upload.
 */

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import type { Manifest } from '../../src/release/manifest.js';
import { repoRoot } from '../helpers/paths.js';
import { editFile, git, run, sha256File, tempDir } from './helpers.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

interface Workflow {
  on: { push: { branches: string[]; tags: string[] }; pull_request: unknown };
  defaults: { run: { shell: string } };
  jobs: Record<string, { if?: string; needs?: string; steps: Step[] }>;
}

const workflowFile = path.join(repoRoot, '.github/workflows/guide.yml');
const workflow = parse(await readFile(workflowFile, 'utf8')) as Workflow;

const talksToGitHub = (step: Step) => /(^|\s)gh\s/m.test(step.run ?? '') || 'GH_TOKEN' in (step.env ?? {});
const installs = (step: Step) => /^npm ci\b/.test(step.run ?? '');

/** The sample edition, with the tool as `npm ci` would leave it, in a new git repository. */
async function checkout(): Promise<string> {
  const dir = await tempDir('guide-ci-');
  const entries = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'bin', 'src', 'lib'];
  for (const entry of [...entries, 'guide.yaml', 'policies', 'templates', 'schema']) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, '.gitignore'), 'node_modules/\nlib/\ndist/\nrelease/\ndiagnostics.json\n');
  return dir;
}

describe('the CI workflow', () => {
  it('validates on every push and builds and releases on a tag', () => {
    assert.deepEqual(workflow.on.push.tags, ['v*']);
    assert.deepEqual(workflow.on.push.branches, ['**']);
    assert.equal(workflow.defaults.run.shell, 'bash');
    const validate = workflow.jobs['validate']!;
    assert.equal(validate.if, undefined, 'validation runs on every push');
    assert.ok(validate.steps.some((s) => s.run?.includes('npx guide validate --strict --format json')));
    const release = workflow.jobs['release']!;
    assert.equal(release.if, "startsWith(github.ref, 'refs/tags/')");
    assert.equal(release.needs, 'validate');
    const checkoutStep = release.steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    assert.equal(checkoutStep?.with?.['fetch-depth'], 0, 'tags and history, for the commit time and --since');
  });

  it('is shown word for word in docs/ci.md', async () => {
    const doc = await readFile(path.join(repoRoot, 'docs/ci.md'), 'utf8');
    const shown = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    assert.equal(shown, await readFile(workflowFile, 'utf8'));
  });

  it('only the release upload talks to GitHub; only `npm ci` needs the registry', () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    assert.deepEqual(
      steps.filter(talksToGitHub).map((s) => s.name),
      ['Attach to the release'],
    );
    const upload = steps.find(talksToGitHub)!;
    for (const line of upload.run!.split('\n').filter((l) => /(^|\s)gh\s/.test(l))) {
      assert.match(line, /gh release (view|create|upload) /, line);
    }
    assert.deepEqual(
      steps.filter(installs).map((s) => s.run!.trim()),
      ['npm ci --no-audit --no-fund', 'npm ci --no-audit --no-fund'],
    );
    for (const step of steps.filter((s) => s.uses !== undefined)) {
      assert.match(step.uses!, /^actions\/(checkout|setup-node)@v4$/);
    }
  });

  it('its steps, run here for a tag, build the edition and prepare every file the upload attaches', async () => {
    const dir = await checkout();
    await git(dir, ['init', '--quiet']);
    await git(dir, ['add', '.']);
    await git(dir, ['commit', '--quiet', '-m', '2020年3月版']);
    await git(dir, ['tag', 'v2020.03']);
    await editFile(path.join(dir, 'policies/tax/tax-small-scale-vat.yaml'), (text) =>
      text.replace('until: 2020-05-31', 'until: 2020-12-31'),
    );
    await git(dir, ['commit', '--quiet', '-am', '小規模納稅人減徵延長至年底'], '2020-04-30T18:00:00+08:00');
    await git(dir, ['tag', 'v2020.04']);
    const sha = (await git(dir, ['rev-parse', 'HEAD'])).trim();

    const runnerTemp = await tempDir('guide-runner-');
    const githubEnv = path.join(runnerTemp, 'github-env');
    await writeFile(githubEnv, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_REF: 'refs/tags/v2020.04',
      GITHUB_REF_NAME: 'v2020.04',
      GITHUB_SHA: sha,
      GITHUB_WORKSPACE: dir,
      GITHUB_ENV: githubEnv,
      RUNNER_TEMP: runnerTemp,
      // npx must use the checkout's own guide, never fetch a package of that name.
      npm_config_offline: 'true',
      npm_config_cache: path.join(runnerTemp, 'npm-cache'),
      npm_config_update_notifier: 'false',
    };
    delete env['SOURCE_DATE_EPOCH'];

    for (const job of ['validate', 'release']) {
      for (const [index, step] of workflow.jobs[job]!.steps.entries()) {
        if (step.run === undefined || talksToGitHub(step) || installs(step)) continue;
        // What earlier steps appended to GITHUB_ENV, as the runner passes it on.
        const carried = Object.fromEntries(
          (await readFile(githubEnv, 'utf8'))
            .split('\n')
            .filter((line) => line.includes('='))
            .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
        );
        const script = path.join(runnerTemp, `${job}-${index}.sh`);
        await writeFile(script, step.run);
        const result = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
          cwd: dir,
          env: { ...env, ...carried, ...step.env },
        });
        assert.equal(result.code, 0, `step "${step.name}" failed:\n${result.stdout}\n${result.stderr}`);
      }
    }

    const diagnostics = JSON.parse(await readFile(path.join(dir, 'diagnostics.json'), 'utf8')) as { errors: number };
    assert.equal(diagnostics.errors, 0);

    const manifest = JSON.parse(await readFile(path.join(dir, 'dist/manifest.json'), 'utf8')) as Manifest;
    assert.equal(manifest.sourceDateEpoch, Date.parse('2020-04-30T18:00:00+08:00') / 1000, "the tag's commit time");
    assert.equal(manifest.changes?.old.edition, '2020年3月版', '--since the previous tag');
    for (const output of manifest.outputs) assert.ok(existsSync(path.join(dir, 'dist', output.path)));

    // Everything the skipped upload step reads is there.
    const labels = (await readFile(path.join(dir, 'release/labels.tsv'), 'utf8')).trim().split('\n');
    assert.deepEqual(
      labels.map((line) => line.split('\t')),
      manifest.outputs.map((o) => [`release/guide-v2020.04.${o.format}`, o.path]),
    );
    for (const output of manifest.outputs) {
      assert.equal(await sha256File(path.join(dir, `release/guide-v2020.04.${output.format}`)), output.sha256);
    }
    assert.equal(
      await readFile(path.join(dir, 'release/manifest.json'), 'utf8'),
      await readFile(path.join(dir, 'dist/manifest.json'), 'utf8'),
    );
    const sums = await readFile(path.join(dir, 'release/SHA256SUMS'), 'utf8');
    assert.match(sums, /^[0-9a-f]{64} {2}guide-v2020\.04\.pdf$/m);
    assert.match(sums, /^[0-9a-f]{64} {2}manifest\.json$/m);
    const notes = await readFile(path.join(dir, 'release/notes.md'), 'utf8');
    assert.equal(
      notes,
      '與 v2020.03 相比：\n\n- 內容調整：1.6　小規模納稅人增值稅減按1%徵收\n  - 有效期延長至2020年12月31日\n',
    );
  });
});
