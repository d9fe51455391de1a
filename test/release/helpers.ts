/** Shared by the release tests: temporary editions, file edits, digests, and guide in a child process. */

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../helpers/paths.js';

/** A new temporary folder. */
export function tempDir(prefix = 'guide-release-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** A copy of the sample edition (guide.yaml, policies, templates) in `dir`, or in a new folder. */
export async function copyEdition(dir?: string): Promise<string> {
  const target = dir ?? (await tempDir('guide-edition-'));
  for (const entry of ['guide.yaml', 'policies', 'templates']) {
    await cp(path.join(repoRoot, entry), path.join(target, entry), { recursive: true });
  }
  return target;
}

/** Rewrites a text file; fails when `edit` changes nothing, so a test never edits in vain. */
export async function editFile(file: string, edit: (text: string) => string): Promise<void> {
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`editing ${file} changed nothing`);
  await writeFile(file, after);
}

export async function sha256File(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

export interface ProcessRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An ES module's source as a URL node can import (`--import`, `register`). */
export function moduleUrl(source: string): string {
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

/**
 * Runs `node bin/guide.cjs …` of this repository in its own process (lib/ must be built); with
 * `probe`, an ES module's source, imported into that process before guide starts.
 */
export function spawnGuide(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; probe?: string },
): Promise<ProcessRun> {
  const preload = options.probe === undefined ? [] : ['--import', moduleUrl(options.probe)];
  return run(process.execPath, [...preload, path.join(repoRoot, 'bin/guide.cjs'), ...args], options);
}

/** Runs a program and collects its output. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs git with a fixed identity and dates, so commits are the same on every machine. */
export async function git(cwd: string, args: readonly string[], date = '2020-03-05T09:00:00+08:00'): Promise<string> {
  const result = await run('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'guide test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'guide test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
    },
  });
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * The changes the diff tests make to a copy of the sample edition: tax-small-scale-vat extended
 * to the end of the year with the extending notice added to its basis, a new measure
 * (finance-guarantee-fee-cut), and costs-gas-offseason removed.
 */
export async function makeNextEdition(dir: string): Promise<void> {
  await editFile(path.join(dir, 'policies/tax/tax-small-scale-vat.yaml'), (text) =>
    text
      .replace('until: 2020-05-31', 'until: 2020-12-31')
      .replace(
        '    date: 2020-02-28\n',
        '    date: 2020-02-28\n  - title: 關於延長小規模納稅人減免增值稅政策執行期限的公告\n    number: 財政部 稅務總局公告2020年第24號\n    date: 2020-04-30\n',
      ),
  );
  await writeFile(path.join(dir, 'policies/finance/finance-guarantee-fee-cut.yaml'), newMeasure);
  await rm(path.join(dir, 'policies/costs/costs-gas-offseason.yaml'));
}

const newMeasure = `id: finance-guarantee-fee-cut
title: 政府性融資擔保降費
category: finance
summary: 政府性融資擔保機構對受疫情影響的中小微企業降低擔保費率。
authority: 山東省財政廳
basis:
  - title: 關於充分發揮政府性融資擔保作用為小微企業和「三農」主體融資增信的通知
    number: 魯財金〔2020〕8號
    date: 2020-02-20
effective: { from: 2020-03-01, until: 2020-12-31 }
eligibility:
  - 受疫情影響、暫時遇到困難的中小微企業
steps:
  - 向合作銀行或擔保機構提出申請
  - 擔保機構審核並出具擔保函
fee: 擔保費率降至1%以下
contacts:
  - { name: 山東省財政廳金融處, phone: "0531-86067890" }
reviewed: 2020-03-05
`;
