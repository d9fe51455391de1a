/**
 * Delta debugging (Zeller's ddmin): the smallest file, by removing chunks of lines and then of
 * bytes, on which the failure persists. Bounded by a number of tries, so a slow failure cannot
 * hold the run for long.
 */

function split(bytes: Buffer, unit: 'line' | 'byte'): Buffer[] {
  if (unit === 'byte') return [...bytes].map((b) => Buffer.from([b]));
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      parts.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) parts.push(bytes.subarray(start));
  return parts;
}

/** `bytes` made as small as `fails` allows, trying it at most `maxTries` times. */
export async function minimise(
  bytes: Buffer,
  fails: (candidate: Buffer) => Promise<boolean>,
  maxTries: number,
): Promise<Buffer> {
  let tries = 0;
  let current = bytes;
  // Bytes only once the file is small: one try per chunk of a long file would take too long.
  for (const unit of ['line', 'byte'] as const) {
    if (unit === 'byte' && current.length > 2000) break;
    let parts = split(current, unit);
    let chunks = 2;
    while (parts.length >= 2 && tries < maxTries) {
      const size = Math.ceil(parts.length / chunks);
      let reduced = false;
      for (let start = 0; start < parts.length && tries < maxTries; start += size) {
        const rest = [...parts.slice(0, start), ...parts.slice(start + size)];
        tries++;
        if (await fails(Buffer.concat(rest))) {
          parts = rest;
          chunks = Math.max(chunks - 1, 2);
          reduced = true;
          break;
        }
      }
      if (!reduced) {
        if (chunks >= parts.length) break;
        chunks = Math.min(chunks * 2, parts.length);
      }
    }
    current = Buffer.concat(parts);
  }
  return current;
}
