/**
 * Bytes written in many small pieces, kept in 256 KB blocks. pdfkit hands out a 2,000-measure guide
 * in about 100,000 small Buffers, each holding on to a slab of Node's Buffer pool as long as it is
 * kept: copied here as they come, they are let go at once. A block of 256 KB comes from memory the
 * process has used before; one of 1 MB came from the system each time, in pages it gives one by
 * one as they are first written (0.6 ms for a firm's 250 KB PDF, 0.05 ms now).
 */
export class ByteBlocks {
  private static readonly blockSize = 256 * 1024;
  private readonly full: Uint8Array[] = [];
  private block = new Uint8Array(ByteBlocks.blockSize);
  private used = 0;

  push(chunk: Uint8Array): void {
    for (let offset = 0; offset < chunk.length;) {
      if (this.used === this.block.length) {
        this.full.push(this.block);
        this.block = new Uint8Array(ByteBlocks.blockSize);
        this.used = 0;
      }
      const take = Math.min(chunk.length - offset, this.block.length - this.used);
      this.block.set(chunk.subarray(offset, offset + take), this.used);
      this.used += take;
      offset += take;
    }
  }

  /** Everything pushed, as one array. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.full.length * ByteBlocks.blockSize + this.used);
    this.full.forEach((block, i) => out.set(block, i * ByteBlocks.blockSize));
    out.set(this.block.subarray(0, this.used), this.full.length * ByteBlocks.blockSize);
    return out;
  }
}
