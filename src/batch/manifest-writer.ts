/**
 * Keeps manifest.json and manifest.csv up to date while a batch runs. Each write replaces both
 * files atomically (temporary file, flush, rename), so a reader, or a run killed at any moment,
 * finds a whole manifest. Writes never overlap; updates that arrive during a write are written
 * together after a short pause, so a fast run does not spend its time rewriting the manifest.
 */

import path from 'node:path';
import { OutputError } from '../errors.js';
import { batchMessages as say } from '../messages/batch.js';
import { writeFileAtomic } from '../io/write-atomic.js';
import { manifestCsvPieces, manifestJsonPieces, type BatchManifest, type ManifestFirm } from './manifest.js';

/**
 * Pause between writes while updates keep coming (ms): longer for longer manifests, whose every
 * write is megabytes of JSON and CSV for the garbage collector (10,000 firms: about 2 s).
 */
function pauseFor(firms: number): number {
  return Math.min(5000, 200 + firms / 5);
}

/** The manifest of a run in progress, written to disk as firms finish. */
export class ManifestWriter {
  private writing: Promise<void> | undefined;
  private dirty = false;
  private failure: unknown;
  private readonly positions: Map<string, number>;

  constructor(
    private readonly dir: string,
    private readonly manifest: BatchManifest,
  ) {
    // Entries keyed by row (empty id) are failed rows, never updated.
    this.positions = new Map(manifest.firms.flatMap((firm, index) => (firm.id === '' ? [] : [[firm.id, index]])));
  }

  /** The manifest as it stands. */
  get current(): BatchManifest {
    return this.manifest;
  }

  /** Replaces the firm's entry (or adds it at the end) and schedules a write. */
  update(firm: ManifestFirm): void {
    const index = this.positions.get(firm.id);
    if (index !== undefined) this.manifest.firms[index] = firm;
    else this.positions.set(firm.id, this.manifest.firms.push(firm) - 1);
    this.dirty = true;
    this.writing ??= this.drain(true);
  }

  /** Writes what is not written yet and waits for it. Throws OutputError when a write failed. */
  async flush(): Promise<void> {
    this.dirty = true;
    while (this.writing) await this.writing;
    this.writing = this.drain(false);
    await this.writing;
    if (this.failure !== undefined) {
      const reason = (this.failure as NodeJS.ErrnoException).code ?? String(this.failure);
      throw new OutputError(say.couldNotWrite({ file: path.join(this.dir, 'manifest.json'), reason }));
    }
  }

  private async drain(wait: boolean): Promise<void> {
    try {
      while (this.dirty) {
        if (wait) await new Promise((resolve) => setTimeout(resolve, pauseFor(this.manifest.firms.length)));
        this.dirty = false;
        const snapshot = { ...this.manifest, firms: [...this.manifest.firms] };
        try {
          // In pieces: the whole text of a long manifest is megabytes, every few seconds.
          await writeFileAtomic(path.join(this.dir, 'manifest.json'), manifestJsonPieces(snapshot));
          await writeFileAtomic(path.join(this.dir, 'manifest.csv'), manifestCsvPieces(snapshot));
        } catch (error) {
          this.failure ??= error;
        }
        wait = true;
      }
    } finally {
      this.writing = undefined;
    }
  }
}
