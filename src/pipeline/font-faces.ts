/** The theme's fonts as a build reads them: whole files, opened as faces to draw with (writers/pdf/fonts.ts). */

import type { EntryStore } from '../cache-store.js';
import { FontFile } from '../io/resources.js';
import { FontFace } from '../writers/pdf/fonts.js';
import type { FaceReader } from './fonts.js';

/**
 * Faces that keep their lookups and their files' digests in `store` (the build cache) when given;
 * a file whose digest the store keeps is read only when its face needs what the store lacks.
 */
export function drawingFaces(store?: EntryStore): FaceReader<FontFace, FontFile> {
  return {
    read: (root, name) => FontFile.open(root, name, store),
    signature: (file) => file.signature,
    open: (file) => new FontFace(file, store),
  };
}
