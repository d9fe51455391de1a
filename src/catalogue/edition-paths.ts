/**
 * Where a path written in guide.yaml (`policies:` patterns, `templates:`) leads: inside the
 * edition folder, out of it through `..`, or nowhere portable (an absolute path). Pure: the
 * readers in io/ check where links lead.
 */

import path from 'node:path';

export type PathReach = 'inside' | 'outside' | 'absolute';

/** `C:/…`, `/…` and `\\server\…` name one machine's disk: an edition moves between PCs. */
const absolutePath = /^(?:[a-z]:)?[\\/]/i;

export function pathReach(written: string): PathReach {
  const plain = written.replace(/^!/, '').replace(/\\/g, '/');
  if (absolutePath.test(plain)) return 'absolute';
  const normal = path.posix.normalize(plain);
  return normal === '..' || normal.startsWith('../') ? 'outside' : 'inside';
}
