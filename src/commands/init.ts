/**
 * `guide init [DIR]`: a new edition that validates and builds at once. Refuses a folder that
 * already holds something unless --force; even then it never overwrites a file, it only adds the
 * missing ones (docs/decisions.md).
 */

import path from 'node:path';
import { InternalError } from '../errors.js';
import { ExitCode } from '../terminal/exit-codes.js';
import type { CliIo } from '../terminal/io.js';
import { createReporter } from '../terminal/report.js';
import { bundledTemplatesDir } from '../io/resources.js';
import { bundledStarterDir, inspectTarget, readBundledFolder, type StarterFile } from '../io/starter-files.js';
import { somethingAt } from '../io/exists.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { schemaText } from './schema.js';
import { commandMessages as say } from '../messages/cli.js';
import { reportMessages } from '../messages/report.js';

/** Entries a folder may hold and still count as empty: version control and desktop litter. */
const ignorable = new Set(['.git', '.DS_Store', 'Thumbs.db', 'desktop.ini']);

// guide.yaml's templates field without --template (guide's own templates) and with it.
const bundledTemplatesLines = `# 范本文件夹：现在用的是 guide 内置的范本。要修改版式和固定措辞，在本文件夹运行
# guide init --template --force 复制一份到 templates/（只添加缺少的文件，不会覆盖已有文件）
# templates: templates
`;
const ownTemplatesLines = `# 范本文件夹：指南的版式和固定措辞，可以修改（先看 templates/README.md）；
# 删除 templates 文件夹则改用 guide 内置的范本
templates: templates
`;

/** The files of a new edition, guide.yaml last: an init that was stopped leaves no guide.yaml. */
export function starterFiles(options: { template: boolean }): StarterFile[] {
  const files: StarterFile[] = [];
  let guideYaml: StarterFile | undefined;
  for (const file of readBundledFolder(bundledStarterDir)) {
    if (file.path === 'guide.yaml') guideYaml = file;
    // npm leaves files named .gitignore out of a package, so the starter's is stored without the dot.
    else files.push(file.path === 'gitignore' ? { ...file, path: '.gitignore' } : file);
  }
  for (const which of ['guide', 'measure'] as const) {
    files.push({ path: `schema/${which}.schema.json`, data: schemaText(which) });
  }
  if (options.template) {
    for (const file of readBundledFolder(bundledTemplatesDir)) files.push({ ...file, path: `templates/${file.path}` });
  }
  if (!guideYaml) throw new InternalError(`guide's starter edition has no guide.yaml (${bundledStarterDir})`);
  const text = Buffer.from(guideYaml.data).toString('utf8');
  if (!text.includes(bundledTemplatesLines)) {
    throw new InternalError("guide's starter guide.yaml lacks the templates lines init replaces");
  }
  files.push({
    path: 'guide.yaml',
    data: options.template ? text.replace(bundledTemplatesLines, ownTemplatesLines) : text,
  });
  return files;
}

export async function initCommand(
  io: CliIo,
  dir: string | undefined,
  options: { force?: boolean; template?: boolean },
): Promise<number> {
  const report = createReporter(io);
  const target = path.resolve(io.cwd, dir ?? '.');
  const shownDir = shownPath(io.cwd, target);
  const at = inspectTarget(target, shownDir);
  if (at.kind === 'file') {
    report.info(say.initIsFile({ dir: shownDir }));
    return ExitCode.outputFailed;
  }
  const present = at.kind === 'folder' ? at.entries.filter((name) => !ignorable.has(name)) : [];
  if (present.length > 0 && !options.force) {
    const listed = present.slice(0, 5).join(', ') + (present.length > 5 ? say.andMore({ n: present.length }) : '');
    report.info(
      `${shownDir === '.' ? say.initHereNotEmpty({ listed }) : say.initNotEmpty({ dir: shownDir, listed })}\n` +
        `  ${reportMessages.hint({ hint: say.initNotEmptyHint() })}`,
    );
    return ExitCode.outputFailed;
  }

  const files = starterFiles({ template: options.template === true });
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const absolute = path.join(target, ...file.path.split('/'));
    const shown = shownPath(io.cwd, absolute);
    if (somethingAt(absolute)) {
      kept.push(shown);
      continue;
    }
    await writeFileAtomic(absolute, file.data, { shownAs: shown });
    written.push(shown);
  }

  for (const shown of written) report.info(say.wrote({ file: shown }));
  for (const shown of kept) report.info(say.kept({ file: shown }));
  const cd = shownDir === '.' ? '' : `cd ${shellWord(shownDir)} && `;
  report.info(
    say.initDone({
      where: shownDir === '.' ? say.thisFolder() : say.folder({ dir: shownDir }),
      templates: options.template ? say.initOwnTemplates() : say.initBundledTemplates(),
      cd,
    }),
  );
  return ExitCode.ok;
}

// Relative to where the user is, unless that climbs out of it: then the full path.
function shownPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}

// A folder name as a shell would need it typed.
function shellWord(word: string): string {
  return /^[\w./\-\u0080-\uffff]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
