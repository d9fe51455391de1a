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
  document: Document;
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
  /** What pdfkit does as an object ends: notes where it went, and ends the document after the last. */
  _refEnd(ref: Pick<Ref, 'id' | 'offset'>): void;
  _finalize(): void;
  push(chunk: Uint8Array | null): boolean;
  /** Set by `useObjectStreams`: the state its hooks find through `this`. */
  _objectStreams?: ObjectStreams;
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
   * Numbers `count` objects now, to be written (by `pack`, in order) one at a time later:
   * objects that name each other by number need not all exist at once.
   */
  reserve(count: number): ReservedObjects;
}

/** Objects numbered in advance (`ObjectMaker.reserve`). */
export interface ReservedObjects {
  /**
   * The next reserved object, written as `text`: a dictionary as pdfkit's `PDFObject.convert`
   * writes one, made by its owner without an object of pdfkit's (structure.ts).
   */
  pack(text: string): void;
}

/*
 * The hooks below are functions and classes made once, each finding its document's state through
 * `this`, rather than closures made for each document: V8 drops the optimized code of closures
 * that are gone at a full collection, and `guide batch` made a document every few collections.
 * See "Code kept optimized" in docs/decisions.md.
 */

/** A document's object streams: the objects waiting to be packed, and where each went. */
class ObjectStreams implements ObjectMaker {
  /** Objects written into the stream being filled. */
  packed: Packed[] = [];
  /** Object id → [object stream id, index in it]. */
  readonly compressed = new Map<number, [number, number]>();
  /** Set when the document ends: what is written then stays an object of its own. */
  finishing = false;
  /** What pdfkit writes for the object being packed, caught on its way out. */
  caught: string[] = [];

  constructor(
    readonly doc: Document,
    /** pdfkit's own `ref`, which makes an object and gives it the next number. */
    private readonly makeRef: Document['ref'],
  ) {}

  ref(data: Record<string, unknown>): Ref {
    return packable(this.standalone(data));
  }

  /** An object of its own, never packed: made by pdfkit's `ref` (object streams, the cross-reference stream). */
  standalone(data: Record<string, unknown>): Ref {
    return this.makeRef.call(this.doc, data);
  }

  reserve(count: number): ReservedObjects {
    // What pdfkit's `ref` does for each object: a place in the cross-reference table, and
    // one more object the document waits for.
    const first = this.doc._offsets.length + 1;
    for (let i = 0; i < count; i++) this.doc._offsets.push(null);
    this.doc._waiting += count;
    return new Reserved(this.doc, first, count);
  }

  /** Packs object `id`, written as `body` (its text as pdfkit writes it, with a line end). */
  add(id: number, body: string): void {
    this.packed.push({ id, body });
    if (this.packed.length === OBJECTS_PER_STREAM) this.flush();
  }

  /** Writes the objects packed so far as one object stream (a full one is written at once, so a large guide never holds all its objects' text). */
  flush(): void {
    if (this.packed.length > 0) writeObjectStream(this);
    this.packed = [];
  }
}

/** Objects numbered `first` to `first + count - 1`, written in that order. */
class Reserved implements ReservedObjects {
  private next: number;

  constructor(
    private readonly doc: Document,
    private readonly first: number,
    private readonly count: number,
  ) {
    this.next = first;
  }

  pack(text: string): void {
    if (this.next === this.first + this.count) throw new Error(`only ${this.count} objects were reserved`);
    const streams = this.doc._objectStreams!;
    if (streams.finishing) throw new Error('an object was packed after the object streams were written');
    const id = this.next++;
    streams.add(id, `${text}\n`);
    // What pdfkit does as an object ends, after it is packed: the last object to end ends the document.
    this.doc._refEnd({ id, offset: this.doc._offset });
  }
}

/** Makes `doc` (a pdfkit document, before any object is written) write object streams. */
export function useObjectStreams(doc: PDFKit.PDFDocument): ObjectMaker {
  const internals = doc as unknown as Document;
  const streams = new ObjectStreams(internals, internals.ref);
  internals._objectStreams = streams;
  internals.ref = packedRef;
  internals._finalize = finishStreams;
  return streams;
}

/** The document's `ref`: pdfkit's, the object packed when it ends. */
function packedRef(this: Document, data?: Record<string, unknown>): Ref {
  return this._objectStreams!.ref(data ?? {});
}

function packable(ref: Ref): Ref {
  ref.finalize = finalizePacked;
  return ref;
}

/** An object's `finalize`: pdfkit's own serialisation, caught on its way out and packed. */
function finalizePacked(this: Ref): void {
  // pdfkit's own, from the class: the object's own `finalize` is this function.
  const finalize = (Object.getPrototypeOf(this) as Ref).finalize;
  const streams = this.document._objectStreams!;
  // Streams stay objects of their own (as must everything written while finishing).
  if (this.buffer.length > 0 || streams.finishing) {
    finalize.call(this);
    return;
  }
  // pdfkit writes `n 0 obj`, the object and `endobj`: the object is kept for the stream.
  const write = this.document._write;
  streams.caught = [];
  this.document._write = catchWrite;
  try {
    finalize.call(this);
  } finally {
    this.document._write = write;
  }
  streams.add(this.id, `${streams.caught.slice(1, -1).join('\n')}\n`);
}

/** The document's `_write` while an object is packed. */
function catchWrite(this: Document, chunk: string | Uint8Array): void {
  if (typeof chunk !== 'string') throw new Error('an object without a stream wrote bytes');
  this._objectStreams!.caught.push(chunk);
}

/** The document's `_finalize`: the last object stream, then the cross-reference stream. */
function finishStreams(this: Document): void {
  const streams = this._objectStreams!;
  // Writing the streams ends more objects, and pdfkit may call this again as they end.
  if (streams.finishing) return;
  streams.finishing = true;
  streams.flush();
  writeXrefStream(streams);
}

/** The objects packed so far, as one object stream. */
function writeObjectStream(streams: ObjectStreams): void {
  const objects = streams.packed;
  const numbers: string[] = [];
  const bodies: string[] = [];
  let offset = 0;
  for (const object of objects) {
    numbers.push(`${object.id} ${offset}`);
    bodies.push(object.body);
    offset += object.body.length;
  }
  const header = `${numbers.join(' ')}\n`;
  const stream = streams.standalone({ Type: 'ObjStm', N: objects.length, First: header.length });
  stream.write(latin1(header + bodies.join('')));
  stream.end();
  for (const [i, object] of objects.entries()) streams.compressed.set(object.id, [stream.id, i]);
}

/** The cross-reference stream, which also holds the trailer, and the file's last lines. */
function writeXrefStream(streams: ObjectStreams): void {
  const { doc, compressed } = streams;
  const xref = streams.standalone({ Type: 'XRef' });
  const size = xref.id + 1;
  const offset = doc._offset;
  const rows = new Uint8Array(size * 7);
  putXrefRow(rows, 0, 0, 0, 0xffff);
  for (let id = 1; id < size; id++) {
    const inStream = compressed.get(id);
    if (inStream) putXrefRow(rows, id, 2, inStream[0], inStream[1]);
    else putXrefRow(rows, id, 1, id === xref.id ? offset : (doc._offsets[id - 1] ?? 0), 0);
  }
  Object.assign(xref.data, { Size: size, W: [1, 4, 2], Root: doc._root, Info: doc._info, ID: [doc._id, doc._id] });
  xref.write(rows);
  xref.end();
  doc._write('startxref');
  doc._write(`${offset}`);
  doc._write('%%EOF');
  doc.push(null);
}

/** Row `id` of the cross-reference stream: type (1 byte), offset or object stream (4 bytes), generation or index (2 bytes). */
function putXrefRow(rows: Uint8Array, id: number, type: number, field: number, index: number): void {
  const at = id * 7;
  rows[at] = type;
  rows[at + 1] = field >>> 24;
  rows[at + 2] = (field >>> 16) & 0xff;
  rows[at + 3] = (field >>> 8) & 0xff;
  rows[at + 4] = field & 0xff;
  rows[at + 5] = index >>> 8;
  rows[at + 6] = index & 0xff;
}
