// The marks on the page: one live Range per device mention, all in one CSS Custom Highlight registered
// as `specscout`. Nothing is inserted into the page; removing a mark only drops its range.
import type { PageMention } from '../../utils/protocol';

export const HIGHLIGHT_NAME = 'specscout';
/** Enough for the longest live blog; past it, new mentions are not marked (the page stays fast). */
export const MAX_MARKS = 2000;

export interface Mark {
  range: Range;
  mention: PageMention;
  /** The text nodes the range touches (start and end container), for per-node lookups. */
  nodes: Text[];
}

export class MarkStore {
  readonly highlight: Highlight;
  private readonly marks = new Set<Mark>();
  private readonly byNode = new WeakMap<Text, Set<Mark>>();

  constructor(
    private readonly max = MAX_MARKS,
    private readonly registry: HighlightRegistry = CSS.highlights,
  ) {
    this.highlight = new Highlight();
    this.registry.set(HIGHLIGHT_NAME, this.highlight);
  }

  get size(): number {
    return this.marks.size;
  }

  get full(): boolean {
    return this.marks.size >= this.max;
  }

  /** Adds a mark unless the cap is reached or the same span is already marked. */
  add(range: Range, mention: PageMention): Mark | null {
    if (this.full) return null;
    const start = range.startContainer as Text;
    const end = range.endContainer as Text;
    for (const other of this.byNode.get(start) ?? []) {
      if (other.range.startOffset === range.startOffset && other.range.endContainer === end && other.range.endOffset === range.endOffset) {
        return null;
      }
    }
    const mark: Mark = { range, mention, nodes: start === end ? [start] : [start, end] };
    this.marks.add(mark);
    for (const node of mark.nodes) {
      let set = this.byNode.get(node);
      if (!set) this.byNode.set(node, (set = new Set()));
      set.add(mark);
    }
    this.highlight.add(range);
    return mark;
  }

  remove(mark: Mark): void {
    if (!this.marks.delete(mark)) return;
    this.highlight.delete(mark.range);
    for (const node of mark.nodes) this.byNode.get(node)?.delete(mark);
  }

  /** Marks touching a text node (for hit-testing and for rescanning a node whose text changed). */
  onNode(node: Node): Mark[] {
    return node.nodeType === Node.TEXT_NODE ? [...(this.byNode.get(node as Text) ?? [])] : [];
  }

  removeWhere(predicate: (mark: Mark) => boolean): number {
    let removed = 0;
    for (const mark of [...this.marks]) {
      if (predicate(mark)) {
        this.remove(mark);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Drops marks whose text left the page: a live Range whose nodes were removed collapses onto the
   * removed node's parent, so collapsed or disconnected ranges are dead.
   */
  prune(): number {
    return this.removeWhere((m) => m.range.collapsed || m.nodes.some((n) => !n.isConnected));
  }

  /** Marks in document order. */
  ordered(): Mark[] {
    return [...this.marks].sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  all(): Mark[] {
    return [...this.marks];
  }

  clear(): void {
    for (const mark of [...this.marks]) this.remove(mark);
  }

  /** Unregisters the highlight, if it is still ours (a newer content script may have replaced it). */
  dispose(): void {
    this.clear();
    if (this.registry.get(HIGHLIGHT_NAME) === this.highlight) this.registry.delete(HIGHLIGHT_NAME);
  }
}
