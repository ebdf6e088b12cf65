// The page text as the worker sees it: visible text nodes joined with "\n", and the way back from an
// offset in that text to (text node, offset in node). Generic over the node type so it is testable
// without a DOM.
import { TEXT_NODE_SEPARATOR } from '../../core/text-rules';

export interface NodePoint<N> {
  node: N;
  offset: number;
}

export class TextMap<N> {
  readonly nodes: N[] = [];
  /** Offset of each node's first character in the joined text. */
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly parts: string[] = [];
  private size = 0;
  private joined: string | null = null;

  /** Appends a node's text; nodes are separated by one "\n" so words in different blocks never merge. */
  add(node: N, text: string): void {
    if (this.parts.length > 0) {
      this.parts.push(TEXT_NODE_SEPARATOR);
      this.size += TEXT_NODE_SEPARATOR.length;
    }
    this.nodes.push(node);
    this.starts.push(this.size);
    this.lengths.push(text.length);
    this.parts.push(text);
    this.size += text.length;
    this.joined = null;
  }

  get length(): number {
    return this.size;
  }

  get text(): string {
    this.joined ??= this.parts.join('');
    return this.joined;
  }

  /**
   * The same nodes cut into maps of at most about `maxChars` characters (a node is never cut; one
   * longer than that gets a map of its own), so a huge page goes to the worker in batches.
   */
  split(maxChars: number): TextMap<N>[] {
    if (this.size <= maxChars) return [this];
    const out: TextMap<N>[] = [];
    let current = new TextMap<N>();
    this.nodes.forEach((node, i) => {
      const text = this.parts[i * 2]!;
      if (current.length > 0 && current.length + 1 + text.length > maxChars) {
        out.push(current);
        current = new TextMap<N>();
      }
      current.add(node, text);
    });
    if (current.length > 0) out.push(current);
    return out;
  }

  /** Index of the last node starting at or before `pos` (or strictly before, for an end point). */
  private find(pos: number, strict: boolean): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const start = this.starts[mid]!;
      if (strict ? start < pos : start <= pos) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Where offset `pos` of the joined text lies. A start point on a separator moves to the next node's
   * start; an end point on a separator stays at the end of the node before, so a range never covers
   * a separator it does not need.
   */
  locate(pos: number, edge: 'start' | 'end'): NodePoint<N> | null {
    if (pos < 0 || pos > this.size) return null;
    if (edge === 'start') {
      const i = this.find(pos, false);
      if (i < 0) return null;
      const offset = pos - this.starts[i]!;
      if (offset < this.lengths[i]!) return { node: this.nodes[i]!, offset };
      const next = i + 1;
      return next < this.nodes.length ? { node: this.nodes[next]!, offset: 0 } : null;
    }
    const i = this.find(pos, true);
    if (i < 0) return null;
    return { node: this.nodes[i]!, offset: Math.min(pos - this.starts[i]!, this.lengths[i]!) };
  }
}
