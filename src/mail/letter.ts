/**
 * The letter `guide mail` sends each firm: subject, plain text and HTML from templates/mail.*.hbs,
 * through the same isolated, strict Handlebars environment as the guide, with `{{value}}`
 * escaped for what each part is (nothing for the subject and text, HTML entities for the HTML).
 */

import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compileGuide, type TemplateSources } from '../template/render.js';
import type { TemplateOutput } from '../template/helpers.js';

/** What the mail templates see. */
export interface MailView {
  firm: { id: string; name: string; contact: string | null };
  edition: { title: string; subtitle: string | null; edition: string; date: string; publisher: string };
  /** The office that signs: guide.yaml `mail.office`, else the publisher. */
  office: string;
  /** How many measures the firm's guide holds. */
  measures: number;
  /** The edition's first hotline, or null. */
  hotline: { name: string; phone: string } | null;
  /** The attachments' file names and formats. */
  files: { name: string; format: string }[];
  /** The date the tailored guides' letters carry (the batch's letter date). */
  letterDate: string;
}

/** One firm's letter. */
export interface Letter {
  /** One line. */
  subject: string;
  text: string;
  html: string;
}

/** The mail templates compiled, ready for every firm. */
export interface CompiledLetter {
  render(view: MailView): { letter?: Letter; diagnostics: Diagnostic[] };
}

const parts = [
  ['subject', 'mail.subject', 'text'],
  ['text', 'mail.text', 'text'],
  ['html', 'mail.html', 'html'],
] as const satisfies readonly (readonly [keyof Letter, string, TemplateOutput])[];

/** Compiles the three mail templates; diagnostics (every template's) instead when any is broken. */
export function compileLetter(sources: TemplateSources): { letter?: CompiledLetter; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const compiled = parts.map(([part, name, output]) => {
    const source = sources[name];
    // Each template on its own: the mail templates include no partials, and see none of the guide's.
    const result = compileGuide(source ? { [name]: source } : {}, { entry: name, output });
    diagnostics.push(...result.diagnostics);
    return { part, guide: result.guide };
  });
  if (diagnostics.length > 0 || compiled.some((c) => c.guide === undefined)) return { diagnostics };
  return {
    diagnostics,
    letter: {
      render(view) {
        const letter: Partial<Letter> = {};
        const problems: Diagnostic[] = [];
        for (const { part, guide } of compiled) {
          const result = guide!.renderView(view);
          problems.push(...result.diagnostics);
          letter[part] = result.markdown;
        }
        if (problems.length > 0) return { diagnostics: problems };
        return {
          diagnostics: [],
          letter: {
            // A header is one line: the template's line breaks and runs of spaces become one space.
            subject: letter.subject!.replace(/\s+/g, ' ').trim(),
            text: `${letter
              .text!.replace(/^\s*\n/, '')
              .replace(/\n{3,}/g, '\n\n')
              .trimEnd()}\n`,
            html: letter.html!.replace(/^\s*\n/, ''),
          },
        };
      },
    },
  };
}
