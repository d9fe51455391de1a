/**
 * A comparison side (io/edition-side.ts) as a snapshot: an edition's measures are checked and
 * selected for its edition date; a manifest is read back. Problems come back as diagnostics,
 * with file names as the user should see them.
 */

import { asOfDate, selectMeasures } from '../catalogue/select.js';
import type { IsoDate } from '../catalogue/types.js';
import { validateCatalogue } from '../catalogue/validate.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Side } from '../io/edition-side.js';
import { snapshotFromManifest } from './manifest.js';
import { ManifestShapeError } from './measure-data.js';
import { releaseMessages as say } from '../messages/release.js';
import { snapshotFromSelection, type EditionSnapshot } from './snapshot.js';

export interface SideSnapshot {
  /** Absent when the side has errors. */
  snapshot?: EditionSnapshot;
  /** Errors only: warnings about an edition being compared are not this run's business. */
  diagnostics: Diagnostic[];
  /** File texts for code frames, keyed as the diagnostics name them. */
  sources: Map<string, string>;
  /** The folder the diagnostics' file names are relative to. */
  root: string;
}

/**
 * Reads a side. `asOf` overrides the date an edition's measures are selected for (default: its
 * own edition date); a manifest keeps the date it was built for.
 */
export function sideSnapshot(side: Side, cwd: string, asOf?: IsoDate): SideSnapshot {
  if (side.kind === 'manifest') {
    try {
      return { snapshot: snapshotFromManifest(side.text), diagnostics: [], sources: new Map(), root: cwd };
    } catch (error) {
      if (!(error instanceof ManifestShapeError)) throw error;
      return {
        diagnostics: [
          diagnostic('E-MANIFEST-INVALID', say.notManifest({ detail: error.message }), {
            file: side.file,
            hint: say.nameASide(),
          }),
        ],
        sources: new Map(),
        root: cwd,
      };
    }
  }
  const { loaded, display } = side;
  const rename = (d: Diagnostic): Diagnostic => ({
    ...d,
    ...(d.file !== undefined ? { file: display(d.file) } : {}),
    ...(d.related ? { related: d.related.map((r) => ({ ...r, file: display(r.file) })) } : {}),
  });
  const sources = new Map([...loaded.sources].map(([file, text]) => [display(file), text]));
  const errors = validateCatalogue(loaded, asOf ? { asOf } : {})
    .filter((d) => d.severity === 'error')
    .map(rename);
  if (!loaded.catalogue || errors.length > 0) return { diagnostics: errors, sources, root: side.root };
  const selection = selectMeasures(loaded.catalogue, { asOf: asOfDate(loaded.catalogue.edition, asOf) });
  return { snapshot: snapshotFromSelection(selection), diagnostics: [], sources, root: side.root };
}
