/** The theme's fonts as a build reads them: whole files, opened with fontkit to draw with. */

import type { EntryStore } from '../cache-store.js';
import { readFontFile } from '../io/resources.js';
import { FontFace } from '../writers/pdf/fonts.js';
import type { FaceReader } from './fonts.js';

/** Faces that keep their lookups and their files' digests in `store` (the build cache) when given. */
export function fontkitFaces(store?: EntryStore): FaceReader<FontFace> {
  return { read: (root, name) => readFontFile(root, name, store), open: (data) => new FontFace(data, store) };
}
