/**
 * Compressed object streams (PDF 1.5, 7.5.7) for pdfkit, which writes every object on its own,
 * uncompressed, and a classic cross-reference table. A tagged guide has thousands of small
 * dictionaries (structure elements, annotations, actions); written plainly they and their
 * xref lines nearly doubled the file. Here every object without a stream of its own is
 * gathered into object streams, and the file ends with a cross-reference stream. Order and
 * content depend only on the objects, so the bytes stay reproducible.
 */

/** Objects per object stream: readers decompress a whole stream to read one of them. */
const OBJECTS_PER_STREAM = 200;

/** The parts of pdfkit's objects and document this hooks into. */
interface Ref {
  id: number;
  offset: number;
  buffer: unknown[] | Uint8Array;
  data: Record<string, unknown>;
  finalize(): void;
  write(data: Uint8Array): void;
  end(): void;
}
interface Document {
  _offset: number;
  /** Objects made and not yet written: the document ends when none is left. */
  _waiting: number;
  _offsets: (number | null)[];
  _root: Ref;
  _info: Ref;
  _id: Uint8Array;
  ref(data?: Record<string, unknown>): Ref;
  _write(data: string | Uint8Array): void;
  _finalize(): void;
  push(chunk: Uint8Array | null): boolean;
}

/**
 * What pdfkit wrote for one object, without its `n 0 obj` and `endobj`: a string of one byte per
 * character, as pdfkit's own (objects without a stream are written as strings only).
 */
interface Packed {
  id: number;
  body: string;
}

/** pdfkit's strings hold one byte per character (its own `fromBinaryString`). */
const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** How objects are made in a document that writes object streams. */
export interface ObjectMaker {
  /** A new object, as `doc.ref` makes it. */
  ref(data: Record<string, unknown>): Ref;
  /**
   * Numbers `count` objects now, to be made (by the function returned) and written one at a time
   * later: objects that name each other by number need not all exist at once.
   */
  reserve(count: number): (data: Record<string, unknown>) => Ref;
}

/** Makes `doc` (a pdfkit document, before any object is written) write object streams. */
export function useObjectStreams(doc: PDFKit.PDFDocument): ObjectMaker {
  const internals = doc as unknown as Document;
  const makeRef = internals.ref.bind(internals);
  /** pdfkit's class of objects, for those made with a reserved number. */
  const Reference = internals._root.constructor as new (
    doc: Document,
    id: number,
    data: Record<string, unknown>,
  ) => Ref;
  let packed: Packed[] = [];
  // A full object stream is written at once, so a large guide never holds all its objects' text.
  const flush = () => {
    if (packed.length > 0) writeObjectStream(makeRef, packed, compressed);
    packed = [];
  };
  /** Object id → [object stream id, index in it]. */
  const compressed = new Map<number, [number, number]>();
  let finishing = false;

  const packable = (ref: Ref): Ref => {
    const finalize = ref.finalize.bind(ref);
    ref.finalize = () => {
      // Streams stay objects of their own (as must everything written while finishing).
      if (ref.buffer.length > 0 || finishing) {
        finalize();
        return;
      }
      // pdfkit's own serialisation, caught on its way out: `n 0 obj`, the object, `endobj`.
      const parts: string[] = [];
      const write = internals._write;
      internals._write = (chunk) => {
        if (typeof chunk !== 'string') throw new Error('an object without a stream wrote bytes');
        parts.push(chunk);
      };
      try {
        finalize();
      } finally {
        internals._write = write;
      }
      packed.push({ id: ref.id, body: `${parts.slice(1, -1).join('\n')}\n` });
      if (packed.length === OBJECTS_PER_STREAM) flush();
    };
    return ref;
  };
  internals.ref = (data) => packable(makeRef(data));

  internals._finalize = () => {
    // Writing the streams ends more objects, and pdfkit may call this again as they end.
    if (finishing) return;
    finishing = true;
    flush();
    writeXrefStream(internals, makeRef, compressed);
  };

  return {
    ref: (data) => internals.ref(data),
    reserve(count) {
      // What pdfkit's `ref` does for each object: a place in the cross-reference table, and
      // one more object the document waits for.
      const first = internals._offsets.length + 1;
      for (let i = 0; i < count; i++) internals._offsets.push(null);
      internals._waiting += count;
      let next = first;
      return (data) => {
        if (next === first + count) throw new Error(`only ${count} objects were reserved`);
        return packable(new Reference(internals, next++, data));
      };
    },
  };
}

function writeObjectStream(
  makeRef: Document['ref'],
  objects: readonly Packed[],
  compressed: Map<number, [number, number]>,
): void {
  const offsets: number[] = [];
  let offset = 0;
  for (const object of objects) {
    offsets.push(offset);
    offset += object.body.length;
  }
  const header = `${objects.map((object, i) => `${object.id} ${offsets[i]}`).join(' ')}\n`;
  const stream = makeRef({ Type: 'ObjStm', N: objects.length, First: header.length });
  stream.write(latin1(header + objects.map((object) => object.body).join('')));
  stream.end();
  objects.forEach((object, i) => compressed.set(object.id, [stream.id, i]));
}

/** The cross-reference stream, which also holds the trailer, and the file's last lines. */
function writeXrefStream(doc: Document, makeRef: Document['ref'], compressed: Map<number, [number, number]>): void {
  const xref = makeRef({ Type: 'XRef' });
  const size = xref.id + 1;
  const offset = doc._offset;
  // Entry: type (1 byte), offset or object stream (4 bytes), generation or index (2 bytes).
  const rows = new Uint8Array(size * 7);
  const put = (id: number, type: number, field: number, index: number): void => {
    const at = id * 7;
    rows[at] = type;
    rows[at + 1] = field >>> 24;
    rows[at + 2] = (field >>> 16) & 0xff;
    rows[at + 3] = (field >>> 8) & 0xff;
    rows[at + 4] = field & 0xff;
    rows[at + 5] = index >>> 8;
    rows[at + 6] = index & 0xff;
  };
  put(0, 0, 0, 0xffff);
  for (let id = 1; id < size; id++) {
    const inStream = compressed.get(id);
    if (inStream) put(id, 2, inStream[0], inStream[1]);
    else put(id, 1, id === xref.id ? offset : (doc._offsets[id - 1] ?? 0), 0);
  }
  Object.assign(xref.data, { Size: size, W: [1, 4, 2], Root: doc._root, Info: doc._info, ID: [doc._id, doc._id] });
  xref.write(rows);
  xref.end();
  doc._write('startxref');
  doc._write(`${offset}`);
  doc._write('%%EOF');
  doc.push(null);
}
