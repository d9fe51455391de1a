/**
 * While the startup snapshot is being built, TextDecoders are made lazily. A decoder for a
 * legacy encoding (our GB18030 and Big5 firm lists, fontkit's "ascii") or a streaming one (the
 * probe fflate runs when docx loads) holds a native ICU converter, and V8 refuses to write a heap
 * that still refers to one. So the decoders modules make as they load get their converter on
 * first use, and those used during the build drop it just before the heap is written; after the
 * snapshot is loaded, `TextDecoder` is the real one again. Imported first by entry.ts, so it is in
 * place before any other module runs; a no-op when no snapshot is being built.
 */

import { startupSnapshot } from 'node:v8';

if (startupSnapshot.isBuildingSnapshot()) {
  const RealTextDecoder = globalThis.TextDecoder;
  const made = new Set<LazyTextDecoder>();

  class LazyTextDecoder {
    readonly #args: ConstructorParameters<typeof RealTextDecoder>;
    #real: InstanceType<typeof RealTextDecoder> | undefined;

    constructor(...args: ConstructorParameters<typeof RealTextDecoder>) {
      this.#args = args;
      made.add(this);
    }
    get #decoder(): InstanceType<typeof RealTextDecoder> {
      return (this.#real ??= new RealTextDecoder(...this.#args));
    }
    get encoding(): string {
      return this.#decoder.encoding;
    }
    get fatal(): boolean {
      return this.#decoder.fatal;
    }
    get ignoreBOM(): boolean {
      return this.#decoder.ignoreBOM;
    }
    decode(...args: Parameters<InstanceType<typeof RealTextDecoder>['decode']>): string {
      return this.#decoder.decode(...args);
    }
    /** Forgets the converter (a fresh one is made on next use). */
    release(): void {
      this.#real = undefined;
    }
  }

  globalThis.TextDecoder = LazyTextDecoder as unknown as typeof RealTextDecoder;
  startupSnapshot.addSerializeCallback(() => {
    for (const decoder of made) decoder.release();
    made.clear();
    globalThis.TextDecoder = RealTextDecoder;
  });
}
