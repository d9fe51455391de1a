import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as OpenCC from 'opencc-js';
import { codes } from '../../src/diagnostics/codes.js';
import { hasSimplified } from '../../src/convert/script.js';
import { languages } from '../../src/messages/language.js';
import type { Translations } from '../../src/messages/message.js';

/** Every message of the catalogue: each module of src/messages, each group it exports. */
async function catalogue(): Promise<Map<string, Translations>> {
  const found = new Map<string, Translations>();
  const folder = new URL('../../src/messages/', import.meta.url);
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
    const module = (await import(new URL(file, folder).href)) as Record<string, unknown>;
    for (const [groupName, group] of Object.entries(module)) {
      if (typeof group !== 'object' || group === null) continue;
      for (const [name, value] of Object.entries(group)) {
        const translations = (value as { translations?: Translations } | undefined)?.translations;
        if (translations) found.set(`${file}:${groupName}.${name}`, translations);
      }
    }
  }
  for (const [code, info] of Object.entries(codes)) found.set(`codes:${code}`, info.summary.translations);
  return found;
}

/** Text outside «placeholders» and outside quoted examples (“…”, 「…」, '…'), which stay as written. */
function prose(text: string): string {
  return text.replace(/«[^»]*»|“[^”]*”|「[^」]*」|'[^']*'|`[^`]*`/g, '');
}

function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(/«([^«»|]+)(?:\|[^«»]*)?»/g)].map((m) => m[1]!))].sort();
}

describe('the message catalogue', async () => {
  const messages = await catalogue();
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

  it('holds the messages of every module, and a summary for every diagnostic code', () => {
    assert.ok(messages.size > Object.keys(codes).length + 20, `${messages.size} messages`);
  });

  it('has every message in every language, none empty', () => {
    const missing = [...messages].flatMap(([name, t]) =>
      languages.filter((language) => !t[language]?.trim()).map((language) => `${name} [${language}]`),
    );
    assert.deepEqual(missing, []);
  });

  it('uses the same «placeholders» in every language', () => {
    const differing = [...messages].filter(([, t]) => {
      const en = placeholderNames(t.en).join();
      return languages.some((language) => placeholderNames(t[language]).join() !== en);
    });
    assert.deepEqual(
      differing.map(([name]) => name),
      [],
    );
  });

  it('writes zh-Hant without Simplified characters', () => {
    const simplified = [...messages].filter(([, t]) => hasSimplified(prose(t['zh-Hant'])));
    assert.deepEqual(
      simplified.map(([name, t]) => `${name}: ${t['zh-Hant']}`),
      [],
    );
  });

  it('writes zh-Hans without Traditional characters', () => {
    const traditional = [...messages].filter(([, t]) => toSimplified(prose(t['zh-Hans'])) !== prose(t['zh-Hans']));
    assert.deepEqual(
      traditional.map(([name, t]) => `${name}: ${t['zh-Hans']} → ${toSimplified(prose(t['zh-Hans']))}`),
      [],
    );
  });
});
