/**
 * The mail journal on disk: read whole at the start of a run, then appended one line at a time,
 * each line on the disk (fsync) before guide hands the message over or moves on.
 */

import { open, type FileHandle } from 'node:fs/promises';
import { OutputError } from '../errors.js';
import { ioMessages as say } from '../messages/io.js';
import type { JournalEntry } from '../mail/journal.js';

/** An open journal. */
export interface JournalWriter {
  /** Appends an entry and waits until it is on the disk. */
  append(entry: JournalEntry): Promise<void>;
  close(): Promise<void>;
}

/** Opens the journal for appending (creating it); a journal guide cannot write stops the run. */
export async function openJournal(file: string): Promise<JournalWriter> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'a+');
  } catch (error) {
    throw new OutputError(say.cannotWrite({ file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  // A crash can leave a last line without its newline: end it, so the next entry starts a line.
  const size = (await handle.stat()).size;
  if (size > 0) {
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] !== 0x0a) await handle.appendFile('\n');
  }
  // Two workers append: one write at a time, in the order asked, so lines never interleave.
  let queue: Promise<void> = Promise.resolve();
  return {
    append(entry) {
      const line = `${JSON.stringify(entry)}\n`;
      const done = queue.then(async () => {
        try {
          await handle.appendFile(line, 'utf8');
          await handle.sync();
        } catch (error) {
          throw new OutputError(
            say.cannotWrite({ file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }),
          );
        }
      });
      queue = done.catch(() => undefined);
      return done;
    },
    async close() {
      await queue;
      await handle.close();
    },
  };
}
