/**
 * Progress of a batch run on stderr. On a terminal: one line redrawn in place, with a bar, firms
 * done of total, the rate and the time left. Otherwise (a log, CI): a plain line at every tenth
 * of the way, so logs stay short and still show the run moving.
 */

import { batchMessages as say } from '../messages/batch.js';
import type { OutputStream } from '../terminal/io.js';

const barWidth = 24;
/** Redraw a terminal line at most this often (ms): drawing costs more than a firm on a fast run. */
const redrawEvery = 100;

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Tracks firms finished and shows it. `now` gives milliseconds (the caller owns the clock). */
export class Progress {
  private done = 0;
  private failed = 0;
  private lastDraw = -Infinity;
  private lastTenth = 0;
  private drawn = false;
  private readonly started: number;

  constructor(
    private readonly stream: OutputStream,
    private readonly total: number,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  private get tty(): boolean {
    return this.stream.isTTY === true;
  }

  /** One more firm finished (built or failed). */
  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    if (this.tty) {
      const time = this.now();
      if (time - this.lastDraw >= redrawEvery || this.done === this.total) {
        this.lastDraw = time;
        this.draw();
      }
      return;
    }
    const tenth = Math.floor((this.done * 10) / this.total);
    if (tenth > this.lastTenth || this.done === this.total) {
      this.lastTenth = tenth;
      this.stream.write(`${this.line()}\n`);
    }
  }

  /** Prints a message above the bar (a failure), keeping the bar below it. */
  message(text: string): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(text.endsWith('\n') ? text : `${text}\n`);
    if (this.tty && this.drawn) this.draw();
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  finish(): void {
    if (this.tty && this.drawn) {
      this.draw();
      this.stream.write('\n');
      this.drawn = false;
    }
  }

  private line(): string {
    const seconds = (this.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const left = rate > 0 ? (this.total - this.done) / rate : Infinity;
    const percent = Math.floor((this.done * 100) / this.total);
    return say.progress({
      done: this.done,
      total: this.total,
      percent,
      failed: this.failed > 0 ? say.progressFailed({ n: this.failed }) : '',
      rate: rate.toFixed(1),
      time:
        this.done === this.total
          ? say.progressTook({ clock: clock(seconds) })
          : say.progressLeft({ clock: clock(left) }),
    });
  }

  private draw(): void {
    const filled = Math.round((this.done / this.total) * barWidth);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
    this.stream.write(`\r\x1b[2K${bar} ${this.line()}`);
    this.drawn = true;
  }
}
