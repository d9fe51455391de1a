/**
 * `guide build --since <old>`: what changed since an earlier edition, for the 本版更新說明 section.
 */

import type { Selection } from '../catalogue/select.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { openSide } from '../io/edition-side.js';
import type { CompiledGuide } from '../template/render.js';
import { diffEditions, type EditionDiff } from './diff.js';
import { sideSnapshot, type SideSnapshot } from './side-snapshot.js';
import { snapshotFromSelection } from './snapshot.js';
import { releaseMessages as say } from '../messages/release.js';

/** The name of the partial that prints the 本版更新說明 section. */
const changesPartial = 'changes';

/** The changes since `old`, or the problems of reading it (with what the report needs to show them). */
export async function changesSince(
  old: string,
  selection: Selection,
  guide: CompiledGuide,
  place: { cwd: string; config?: string },
): Promise<{ diff: EditionDiff; diagnostics: Diagnostic[] } | { failed: SideSnapshot }> {
  const side = sideSnapshot(await openSide(old, place.cwd, place.config), place.cwd);
  if (!side.snapshot) return { failed: side };
  const diff = diffEditions(side.snapshot, snapshotFromSelection(selection));
  const diagnostics = guide.partialCalls.has(changesPartial)
    ? []
    : [
        diagnostic('W-CHANGES-NOT-SHOWN', say.changesNotShown(), {
          hint: say.includeChanges(),
        }),
      ];
  return { diff, diagnostics };
}
