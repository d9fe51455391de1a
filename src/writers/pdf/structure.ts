/**
 * The structure tree of a tagged PDF (PDF 1.7, 14.7–14.8), built while pages are drawn: each
 * piece of tagged content gets a marked-content id on its page and joins the element its
 * drawable's path names (types.ts `StructPath`). Elements appear in the order their content is
 * first drawn, which is the reading order of the layout; an element split across pages (a
 * paragraph, a table) stays one element. pdfkit's own tagging API writes each element when it
 * ends and points annotation references at the current page, so the tree is kept here and
 * written once, after the last page.
 */

import type { StructNode, StructPath, StructType } from './types.js';

/** pdfkit's indirect object, as far as the tree uses it. */
interface PdfRef {
  data: Record<string, unknown>;
  end(): void;
}

/** Marked content on a page, or an annotation, inside an element. */
type Kid = Element | { page: number; mcid: number } | { page: number; annotation: PdfRef; key: number };

interface Element {
  type: StructType | 'Document';
  node: StructNode | null;
  kids: Kid[];
}

/**
 * Elements whose single paragraph is read as their own content: a table cell or list body
 * holding one paragraph needs no P of its own (fewer objects, the same reading).
 */
const TAKES_OWN_PARAGRAPH = new Set<Element['type']>(['TH', 'TD', 'LBody']);

/** The structure tree of one document. */
export class StructureTree {
  private readonly root: Element = { type: 'Document', node: null, kids: [] };
  private readonly byKey = new Map<string, Element>();
  /** Per page: the next marked-content id. */
  private readonly mcids: number[] = [];
  private readonly pageRefs: PdfRef[] = [];
  private annotations = 0;

  /** `pageCount`: annotation keys in the parent tree follow the pages'. */
  constructor(private readonly pageCount: number) {}

  /** Starts the next page: its content joins the tree through its StructParents key. */
  startPage(page: PdfRef): void {
    const index = this.pageRefs.length;
    this.pageRefs.push(page);
    this.mcids.push(0);
    page.data.StructParents = index;
    // Tab order follows the structure (PDF/UA 7.18.3).
    page.data.Tabs = 'S';
  }

  /** The element `path` ends at, made (with any missing parents) when first named. */
  element(path: StructPath): Element {
    let parent = this.root;
    for (const node of path) {
      let element = this.byKey.get(node.key);
      if (!element) {
        element = { type: node.type, node, kids: [] };
        this.byKey.set(node.key, element);
        parent.kids.push(element);
      }
      parent = element;
    }
    return parent;
  }

  /** A new marked-content id on the current page for content of `path`'s element. */
  content(path: StructPath): number {
    const page = this.pageRefs.length - 1;
    const mcid = this.mcids[page]!++;
    this.element(path).kids.push({ page, mcid });
    return mcid;
  }

  /**
   * An annotation on the current page that belongs to `path`'s element, made by `create` with
   * the StructParent key it must carry (pdfkit writes an annotation as soon as it is made).
   */
  annotation(path: StructPath, create: (structParent: number) => PdfRef): void {
    const key = this.pageCount + this.annotations++;
    const annotation = create(key);
    this.element(path).kids.push({ page: this.pageRefs.length - 1, annotation, key });
  }

  /**
   * Writes the elements and the parent tree; returns the StructTreeRoot for the catalogue,
   * which pdfkit writes when the document ends.
   * Objects are made in tree order, so the same document gives the same object numbers.
   */
  write(makeRef: (data: Record<string, unknown>) => PdfRef): PdfRef {
    collapseParagraphs(this.root);
    const treeRoot = makeRef({ Type: 'StructTreeRoot' });
    const byPage: PdfRef[][] = this.mcids.map((count) => new Array<PdfRef>(count));
    const byAnnotation: PdfRef[] = [];
    const refs: PdfRef[] = [];
    const writeElement = (element: Element, parent: PdfRef): PdfRef => {
      const ref = makeRef({ S: element.type, P: parent });
      refs.push(ref);
      const { data } = ref;
      const firstPage = element.kids.find((kid) => !('type' in kid));
      const pg = firstPage && !('type' in firstPage) ? firstPage.page : -1;
      if (pg >= 0) data.Pg = this.pageRefs[pg];
      const alt = element.node?.alt;
      if (alt !== undefined) data.Alt = new String(alt);
      const scope = element.node?.scope;
      if (scope !== undefined) data.A = { O: 'Table', Scope: scope };
      data.K = element.kids.map((kid): unknown => {
        if ('type' in kid) return writeElement(kid, ref);
        if ('mcid' in kid) {
          byPage[kid.page]![kid.mcid] = ref;
          return kid.page === pg ? kid.mcid : { Type: 'MCR', Pg: this.pageRefs[kid.page], MCID: kid.mcid };
        }
        byAnnotation[kid.key - this.pageCount] = ref;
        return { Type: 'OBJR', Obj: kid.annotation, Pg: this.pageRefs[kid.page] };
      });
      return ref;
    };
    const document = writeElement(this.root, treeRoot);
    const nums: unknown[] = [];
    byPage.forEach((elements, page) => nums.push(page, elements));
    byAnnotation.forEach((element, i) => nums.push(this.pageCount + i, element));
    Object.assign(treeRoot.data, {
      K: document,
      ParentTree: { Nums: nums },
      ParentTreeNextKey: this.pageCount + this.annotations,
    });
    for (const ref of refs) ref.end();
    // Not ended here: pdfkit ends the catalogue's StructTreeRoot (and MarkInfo) itself.
    return treeRoot;
  }
}

/** A cell or list body with a single paragraph takes the paragraph's content as its own. */
function collapseParagraphs(element: Element): void {
  for (const kid of element.kids) if ('type' in kid) collapseParagraphs(kid);
  const only = element.kids.length === 1 ? element.kids[0] : undefined;
  if (TAKES_OWN_PARAGRAPH.has(element.type) && only && 'type' in only && only.type === 'P') {
    element.kids = only.kids;
  }
}
