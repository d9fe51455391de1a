/**
 * Heading ids and `#id` links across the parts of a guide. A skeleton and its fragments are read
 * one by one, so only the whole document can tell that two parts declare the same id or that a
 * link points at a heading no part has. Each problem is reported in the part it comes from.
 */

import { diagnostic, type Diagnostic, type Range } from '../diagnostics/diagnostic.js';
import { markdownMessages as say } from '../messages/render.js';

/** A heading id a part declares. */
export interface Anchor {
  id: string;
  range?: Range;
}

/** A `[text](#id)` link a part makes; `near` is the heading it is under. */
export interface InternalLink {
  id: string;
  range?: Range;
  near?: string;
}

/** What the check needs of a part: its name in diagnostics, its anchors and its links. */
export interface AnchoredPart {
  file?: string;
  anchors: readonly Anchor[];
  links: readonly InternalLink[];
}

/**
 * Ids declared by two parts (a part's own duplicates are the reader's to report) and links to
 * ids no part declares.
 */
export function checkAnchors(parts: readonly AnchoredPart[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const declared = new Map<string, { part: AnchoredPart; anchor: Anchor }>();
  for (const part of parts) {
    for (const anchor of part.anchors) {
      const first = declared.get(anchor.id);
      if (first === undefined) {
        declared.set(anchor.id, { part, anchor });
        continue;
      }
      if (first.part === part) continue;
      diagnostics.push(
        diagnostic('E-TEMPLATE-DIRECTIVE', say.duplicateId({ id: anchor.id }), {
          ...place(part, anchor.range),
          hint: say.uniqueId(),
          ...(first.part.file !== undefined
            ? {
                related: [
                  {
                    file: first.part.file,
                    ...(first.anchor.range ? { range: first.anchor.range } : {}),
                    message: say.firstHeading(),
                  },
                ],
              }
            : {}),
        }),
      );
    }
  }
  for (const part of parts) {
    for (const link of part.links) {
      if (declared.has(link.id)) continue;
      const message = say.brokenLink({ id: link.id });
      diagnostics.push(
        diagnostic(
          'E-TEMPLATE-DIRECTIVE',
          link.near !== undefined ? say.under({ message, near: link.near }) : message,
          {
            ...place(part, link.range),
            hint: say.brokenLinkHint(),
          },
        ),
      );
    }
  }
  return diagnostics;
}

function place(part: AnchoredPart, range: Range | undefined): { file?: string; range?: Range } {
  return { ...(part.file !== undefined ? { file: part.file } : {}), ...(range ? { range } : {}) };
}
