import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { openJournal } from '../../src/io/mail-journal.js';
import { filesKey, journalStates, parseJournal, stateKey, type JournalEntry } from '../../src/mail/journal.js';
import { compileLetter, type MailView } from '../../src/mail/letter.js';
import { parseMailbox } from '../../src/mail/address.js';
import { readMailTemplates } from '../../src/io/resources.js';
import { runCli } from '../helpers/cli.js';
import { copySampleEdition, editFile } from '../helpers/edition.js';
import { repoRoot } from '../helpers/paths.js';

const sending = (firm: string, messageId: string, sha: string): JournalEntry => ({
  event: 'sending',
  time: '2020-03-05T00:00:00.000Z',
  firm,
  to: `${firm}@example.com`,
  messageId,
  files: [{ path: `${firm}/a.pdf`, sha256: sha }],
});

describe('the mail journal', () => {
  it('tells sent, in doubt, not handed over and failed apart, per firm and set of files', () => {
    const entries: JournalEntry[] = [
      sending('A', '<1>', 'aa'),
      { event: 'sent', time: 't', firm: 'A', messageId: '<1>', response: '250 ok' },
      sending('B', '<2>', 'bb'),
      { event: 'handed', time: 't', firm: 'B', messageId: '<2>' },
      sending('D', '<4>', 'dd'),
      sending('C', '<3>', 'cc'),
      { event: 'retry', time: 't', firm: 'C', messageId: '<3>', error: '451', delayMs: 1 },
      sending('C', '<3>', 'cc'),
      { event: 'failed', time: 't', firm: 'C', messageId: '<3>', error: '550' },
    ];
    const states = journalStates(entries);
    assert.deepEqual(states.get(stateKey('A', filesKey(['aa']))), { sent: 1 });
    assert.deepEqual(states.get(stateKey('B', filesKey(['bb']))), {
      sent: 0,
      inDoubt: { messageId: '<2>', time: 't' },
    });
    // Killed before the whole message was out: certainly not accepted, so not in doubt.
    assert.equal(states.get(stateKey('D', filesKey(['dd'])))?.inDoubt, undefined);
    // Failed: neither sent nor in doubt, so the next run sends it.
    assert.equal(states.get(stateKey('C', filesKey(['cc'])))?.sent ?? 0, 0);
    assert.equal(states.get(stateKey('C', filesKey(['cc'])))?.inDoubt, undefined);
    // New files for A (a new edition) have no state: they are sent.
    assert.equal(states.get(stateKey('A', filesKey(['a2']))), undefined);
  });

  it('skips a last line cut short by a crash, and the next entry starts on a line of its own', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'guide-journal-'));
    const file = path.join(dir, 'mail-journal.jsonl');
    writeFileSync(file, `${JSON.stringify(sending('A', '<1>', 'aa'))}\n{"event":"sent","fi`);
    assert.equal(parseJournal(readFileSync(file, 'utf8')).length, 1);
    const journal = await openJournal(file);
    await journal.append({ event: 'sent', time: 't', firm: 'A', messageId: '<1>', response: '250' });
    await journal.close();
    const entries = parseJournal(readFileSync(file, 'utf8'));
    assert.deepEqual(
      entries.map((e) => e.event),
      ['sending', 'sent'],
    );
    assert.equal(journalStates(entries).get(stateKey('A', filesKey(['aa'])))?.sent, 1);
  });
});

describe('the mail letter', () => {
  const view: MailView = {
    firm: { id: 'X-1', name: '<b>臺商&公司</b>*', contact: null },
    edition: { title: '辦事指南', subtitle: null, edition: '2020年3月版', date: '2020-03-05', publisher: '辦公室' },
    office: '辦公室',
    measures: 7,
    hotline: null,
    files: [{ name: 'a.pdf', format: 'pdf' }],
    letterDate: '2020-03-05',
  };

  it('escapes values for HTML in the HTML part and leaves the text and subject as written', () => {
    const { sources } = readMailTemplates(repoRoot, { templates: 'templates', allow_outside: false });
    const { letter, diagnostics } = compileLetter(sources);
    assert.deepEqual(diagnostics, []);
    const rendered = letter!.render(view).letter!;
    assert.equal(rendered.subject, '<b>臺商&公司</b>*：惠企政策服務指南（2020年3月版，7項措施）');
    assert.match(rendered.text, /^<b>臺商&公司<\/b>\* 您好：/);
    assert.match(rendered.html, /<strong>&lt;b&gt;臺商&amp;公司&lt;\/b&gt;\*<\/strong>/);
    assert.match(rendered.text, /直接回覆本郵件/, 'no hotline: the other sentence');
  });

  it('reports a name the template uses that the view lacks, at its line', () => {
    const { letter } = compileLetter({
      'mail.subject': { file: 'templates/mail.subject.hbs', text: '{{firm.nmae}}' },
      'mail.text': { file: 'templates/mail.text.hbs', text: 'x' },
      'mail.html': { file: 'templates/mail.html.hbs', text: 'x' },
    });
    const { diagnostics } = letter!.render(view);
    assert.equal(diagnostics[0]?.code, 'E-TEMPLATE');
    assert.equal(diagnostics[0]?.file, 'templates/mail.subject.hbs');
  });

  it('reads a sender with or without a name', () => {
    assert.deepEqual(parseMailbox('山東省委臺港澳辦 <service@example.gov.cn>'), {
      name: '山東省委臺港澳辦',
      address: 'service@example.gov.cn',
    });
    assert.deepEqual(parseMailbox('service@example.gov.cn'), { name: '', address: 'service@example.gov.cn' });
    assert.equal(parseMailbox('山東省委 <service@>'), undefined);
  });
});

describe('guide.yaml mail:', () => {
  it('refuses a sender that is not an address, at its line, and guide mail asks for mail: when it is missing', async () => {
    const dir = copySampleEdition('mail-config');
    editFile(path.join(dir, 'guide.yaml'), 'from: 山東省委臺港澳辦 <service@example.gov.cn>', 'from: 山東省委臺港澳辦');
    const run = await runCli(['validate'], { cwd: dir });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /guide\.yaml:\d+:\d+ error E-MAIL-ADDRESS .*"山東省委臺港澳辦" is not an email address/);

    editFile(path.join(dir, 'guide.yaml'), /^mail:[^\n]*\n(?: {2}[^\n]*\n)*/m, '');
    const mail = await runCli(['mail', '--dry-run', 'eml'], { cwd: dir });
    assert.equal(mail.code, 1);
    assert.match(mail.stderr, /E-MAIL-CONFIG guide\.yaml has no mail: block/);
  });
});
