/**
 * Reading an edition as it was at a git commit, without checking anything out: `git rev-parse`
 * finds the commit, `git ls-tree` lists its files and `git cat-file` reads them, behind the same
 * SourceReader the loader uses for the working tree.
 */

import type { ReadResult, SourceReader } from '../catalogue/load.js';
import { policyMatcher } from '../catalogue/policy-patterns.js';

async function git(cwd: string, args: readonly string[]): Promise<Buffer> {
  // Loaded here, not with this module: node:child_process brings net and the stream modules, a
  // few milliseconds of every build and validate that reads no commit.
  const [{ execFile }, { promisify }] = await Promise.all([import('node:child_process'), import('node:util')]);
  const { stdout } = await promisify(execFile)('git', args, {
    cwd,
    encoding: 'buffer',
    maxBuffer: 256 * 1024 * 1024,
    // Plumbing output does not depend on the locale, but messages would; and never ask for a password.
    env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
  });
  return stdout;
}

/** A commit, and where the edition folder sits inside its tree. */
export interface GitRevision {
  /** The repository's top folder. */
  top: string;
  /** Full commit id. */
  commit: string;
  /** The edition folder relative to the top, with a trailing slash ("" at the top). */
  prefix: string;
}

/**
 * The commit `ref` names (a tag, branch, commit id, `HEAD~1`) in the repository holding `dir`;
 * undefined when `dir` is not in a git repository, git is missing, or `ref` names no commit.
 */
export async function resolveGitRevision(dir: string, ref: string): Promise<GitRevision | undefined> {
  // A "ref" starting with "-" would be read as an option.
  if (ref.startsWith('-') || ref.trim() === '') return undefined;
  try {
    const [top, prefix, commit] = await Promise.all([
      git(dir, ['rev-parse', '--show-toplevel']),
      git(dir, ['rev-parse', '--show-prefix']),
      git(dir, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]),
    ]);
    return {
      top: top.toString('utf8').trim(),
      prefix: prefix.toString('utf8').trim(),
      commit: commit.toString('utf8').trim(),
    };
  } catch {
    return undefined;
  }
}

/** Files of the edition folder at a commit, as the loader reads them; paths relative to the edition folder. */
export function gitSourceReader(revision: GitRevision): SourceReader {
  let sizes: Promise<Map<string, number>> | undefined;
  // One `ls-tree -l` gives every file's size, so a read can refuse a huge file before loading it.
  const listing = () =>
    (sizes ??= git(revision.top, ['ls-tree', '-r', '-l', '-z', '--full-tree', revision.commit]).then((out) => {
      const files = new Map<string, number>();
      for (const record of out.toString('utf8').split('\0')) {
        const match = /^\d+ blob [0-9a-f]+ +(\d+)\t(.*)$/s.exec(record);
        if (!match || !match[2]!.startsWith(revision.prefix)) continue;
        files.set(match[2]!.slice(revision.prefix.length), Number(match[1]));
      }
      return files;
    }));
  return {
    async read(file: string, maxBytes: number): Promise<ReadResult> {
      const size = (await listing()).get(file);
      if (size === undefined) return { kind: 'missing' };
      if (size > maxBytes) return { kind: 'too-large', size };
      try {
        return {
          kind: 'ok',
          bytes: await git(revision.top, ['cat-file', 'blob', `${revision.commit}:${revision.prefix}${file}`]),
        };
      } catch (error) {
        return { kind: 'unreadable', reason: (error as Error).message.split('\n')[0] ?? String(error) };
      }
    },
    async list(patterns: readonly string[]): Promise<string[]> {
      const matches = policyMatcher(patterns);
      // As in the working tree: hidden files and folders and node_modules are never measures.
      const hidden = (file: string) => file.split('/').some((part) => part.startsWith('.') || part === 'node_modules');
      const files = [...(await listing()).keys()].filter((file) => !hidden(file) && matches(file));
      return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}
