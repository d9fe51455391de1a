/**
 * What guide reads stays inside the edition folder (the folder holding guide.yaml) unless
 * guide.yaml says `allow_outside: true`: policies patterns, the templates folder, and links
 * among measures, templates and theme fonts, all by one rule. A templates line naming no folder
 * is an error, not a silent switch to guide's own templates.
 */

import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

const temps: string[] = [];
after(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the sample edition in `<temp>/E`, with `<temp>/outside` holding a secret YAML file. */
async function edition(): Promise<{ dir: string; outside: string }> {
  const temp = await mkdtemp(path.join(tmpdir(), 'guide-paths-'));
  temps.push(temp);
  const dir = path.join(temp, 'E');
  for (const entry of ['guide.yaml', 'policies', 'templates']) {
    await cp(path.join(repoRoot, entry), path.join(dir, entry), { recursive: true });
  }
  const outside = path.join(temp, 'outside');
  await mkdir(outside);
  await writeFile(path.join(outside, 'x.yaml'), 'secret: 機密內容\n');
  return { dir, outside };
}

async function editGuide(dir: string, edit: (text: string) => string): Promise<void> {
  const file = path.join(dir, 'guide.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}

const setPolicies = (patterns: string) => (text: string) => text.replace(/^policies:.*$/m, `policies: ${patterns}`);

describe('paths in guide.yaml', () => {
  it('a policies pattern leading out is an error at its place, and nothing there is read or shown', async () => {
    const { dir } = await edition();
    await editGuide(dir, setPolicies('["policies/**/*.{yaml,yml}", "../outside/*.yaml"]'));
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      /guide\.yaml:\d+:\d+ error E-PATH-OUTSIDE policies\[2\] "\.\.\/outside\/\*\.yaml" leads outside the edition folder/,
    );
    assert.match(run.stderr, /write allow_outside: true in guide\.yaml/);
    assert.doesNotMatch(run.stderr, /機密內容|secret/);
    const hans = await runCli(['validate', '--lang', 'zh-Hans'], { cwd: dir });
    assert.match(hans.stderr, /指向了版本文件夹（guide\.yaml 所在的文件夹）以外/);
  });

  it('allow_outside: true reads them', async () => {
    const { dir } = await edition();
    await editGuide(
      dir,
      (text) => `${setPolicies('["policies/**/*.{yaml,yml}", "../outside/*.yaml"]')(text)}allow_outside: true\n`,
    );
    const run = await runCli(['validate'], { cwd: dir });
    assert.match(run.stderr, /\.\.\/outside\/x\.yaml:1:1 error E-FIELD-UNKNOWN unknown field "secret"/);
    assert.doesNotMatch(run.stderr, /E-PATH-OUTSIDE/);
  });

  it('an absolute path is an error even with allow_outside: true', async () => {
    const { dir, outside } = await edition();
    await editGuide(
      dir,
      (text) =>
        `${setPolicies(`["policies/**/*.yaml", ${JSON.stringify(`${outside}/*.yaml`)}]`)(text)}allow_outside: true\n`,
    );
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /E-PATH-OUTSIDE policies\[2\] ".*" is an absolute path/);
    assert.doesNotMatch(run.stderr, /機密內容/);
  });

  it('templates: naming a missing folder is an error at its value, with the folder meant', async () => {
    const { dir } = await edition();
    await editGuide(dir, (text) => text.replace(/^templates:.*$/m, 'templates: tempaltes'));
    for (const command of [['validate'], ['build', '--out', 'out']]) {
      const run = await runCli(command, { cwd: dir });
      assert.equal(run.code, 1, command[0]);
      assert.match(
        run.stderr,
        /guide\.yaml:\d+:12 error E-TEMPLATES-MISSING templates: there is no folder "tempaltes" in the edition folder \(did you mean "templates"\?\)/,
      );
      assert.match(run.stderr, /delete the templates line to build with guide's own templates/);
    }
    const hant = await runCli(['validate', '--lang', 'zh-Hant'], { cwd: dir });
    assert.match(hant.stderr, /版次資料夾中沒有「tempaltes」資料夾（是不是要寫「templates」？）/);
  });

  it('templates: leading out is an error; no templates line and no folder is guide’s own templates', async () => {
    const { dir } = await edition();
    await editGuide(dir, (text) => text.replace(/^templates:.*$/m, 'templates: ../templates'));
    const out = await runCli(['validate'], { cwd: dir });
    assert.match(out.stderr, /E-PATH-OUTSIDE templates "\.\.\/templates" leads outside/);
    // `templates: templates` (as guide init writes it) with the folder deleted: guide's own, as
    // init's comment promises; so too without the line.
    await rm(path.join(dir, 'templates'), { recursive: true });
    await editGuide(dir, (text) => text.replace(/^templates:.*$/m, 'templates: templates'));
    const named = await runCli(['validate', '--strict'], { cwd: dir });
    assert.equal(named.code, 0, named.stderr);
    await editGuide(dir, (text) => text.replace(/^templates:.*\n/m, ''));
    const own = await runCli(['validate', '--strict'], { cwd: dir });
    assert.equal(own.code, 0, own.stderr);
  });
});

describe('links', () => {
  it('a linked measure file is read when it stays inside, and refused by name when it leads out', async () => {
    const { dir, outside } = await edition();
    const measure = 'policies/tax/tax-small-scale-vat.yaml';
    // Inside: the file moved to another folder of the edition, linked back.
    await mkdir(path.join(dir, 'shared'));
    await rename(path.join(dir, measure), path.join(dir, 'shared/vat.yaml'));
    await symlink(path.join(dir, 'shared/vat.yaml'), path.join(dir, measure));
    const inside = await runCli(['list'], { cwd: dir });
    assert.equal(inside.code, 0, inside.stderr);
    assert.match(inside.stdout, /tax-small-scale-vat/);
    // Outside: the same link, to a file outside the edition folder.
    await rename(path.join(dir, 'shared/vat.yaml'), path.join(outside, 'vat.yaml'));
    await rm(path.join(dir, measure));
    await symlink(path.join(outside, 'vat.yaml'), path.join(dir, measure));
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(
      run.stderr,
      new RegExp(
        `${measure} error E-PATH-OUTSIDE ${measure} is a link to .*outside/vat\\.yaml, outside the edition folder`,
      ),
    );
    await editGuide(dir, (text) => `${text}allow_outside: true\n`);
    assert.equal((await runCli(['validate'], { cwd: dir })).code, 0);
  });

  it('a linked folder leading out is named, a link loop ends, a broken link is reported', async () => {
    const { dir, outside } = await edition();
    await symlink(outside, path.join(dir, 'policies/shared'));
    await symlink(path.join(dir, 'policies'), path.join(dir, 'policies/tax/loop'));
    await symlink(path.join(dir, 'policies/gone.yaml'), path.join(dir, 'policies/tax/broken.yaml'));
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /policies\/shared error E-PATH-OUTSIDE policies\/shared is a link to .*outside, outside/);
    assert.match(run.stderr, /policies\/tax\/broken\.yaml error E-FILE-READ/);
    assert.doesNotMatch(run.stderr, /機密內容/);
  });

  it('templates and theme fonts follow the same rule', async () => {
    const { dir, outside } = await edition();
    await writeFile(path.join(outside, 'letter.md.hbs'), '外面的範本\n');
    await rm(path.join(dir, 'templates/letter.md.hbs'));
    await symlink(path.join(outside, 'letter.md.hbs'), path.join(dir, 'templates/letter.md.hbs'));
    const template = await runCli(['build', '--out', 'out'], { cwd: dir });
    assert.equal(template.code, 1);
    assert.match(
      template.stderr,
      /templates\/letter\.md\.hbs error E-PATH-OUTSIDE templates\/letter\.md\.hbs is a link to/,
    );
    await rm(path.join(dir, 'templates/letter.md.hbs'));
    const theme = path.join(dir, 'templates/theme.yaml');
    const font = path.join(
      repoRoot,
      'node_modules/@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf',
    );
    await symlink(font, path.join(dir, 'templates/font.ttf'));
    await writeFile(
      theme,
      (await readFile(theme, 'utf8')).replace(
        /regular: "@expo-google-fonts\/noto-sans-tc[^"]*"/,
        'regular: templates/font.ttf',
      ),
    );
    const fonts = await runCli(['validate'], { cwd: dir });
    assert.equal(fonts.code, 1);
    assert.match(
      fonts.stderr,
      /templates\/theme\.yaml:\d+:\d+ error E-PATH-OUTSIDE fonts\.pdf\.regular: templates\/font\.ttf is a link to/,
    );
    await editGuide(dir, (text) => `${text}allow_outside: true\n`);
    const allowed = await runCli(['validate'], { cwd: dir });
    assert.equal(allowed.code, 0, allowed.stderr);
  });
});
