// The page text as the worker sees it: visible text nodes joined with "\n", and the way back from an
// offset in that text to (text node, offset in node), also for the parts of a long node cut into
// batches. Generic over the node type so it is testable without a DOM.
import { TEXT_NODE_SEPARATOR } from '../../core/text-rules';

export interface NodePoint<N> {
  node: N;
  offset: number;
}

/** How far back from a batch's limit a cut in one long text node looks for a space to fall on. */
const CUT_SEARCH = 1000;

/**
 * Where to cut `text` at most `max` characters after `from`: after the last white space in the final
 * CUT_SEARCH characters, so no word (and so no short name) is cut in two; else at `max`, moved back off
 * the middle of a surrogate pair.
 */
export function cutPoint(text: string, from: number, max: number): number {
  const limit = from + max;
  if (limit >= text.length) return text.length;
  for (let i = limit; i > limit - CUT_SEARCH && i > from; i--) {
    if (/\s/.test(text[i - 1]!)) return i;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

export class TextMap<N> {
  readonly nodes: N[] = [];
  /** Offset of each node's first character in the joined text. */
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  /** Where each part starts inside its node (0 unless a long node was cut into parts). */
  private readonly bases: number[] = [];
  private readonly parts: string[] = [];
  private size = 0;
  private joined: string | null = null;

  /**
   * Appends a node's text (or, from `nodeOffset` on, a part of it); nodes are separated by one "\n" so
   * words in different blocks never merge.
   */
  add(node: N, text: string, nodeOffset = 0): void {
    if (this.parts.length > 0) {
      this.parts.push(TEXT_NODE_SEPARATOR);
      this.size += TEXT_NODE_SEPARATOR.length;
    }
    this.nodes.push(node);
    this.starts.push(this.size);
    this.lengths.push(text.length);
    this.bases.push(nodeOffset);
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
   * The same nodes cut into maps of at most about `maxChars` characters, so a huge page goes to the
   * worker in batches. Nodes go whole where they fit; a node longer than that gets a map of its own, and
   * one longer than `maxPartChars` (what the worker accepts in one request) is cut into parts of that
   * size (at white space, see cutPoint), each mapping back into the same node: a text node of millions
   * of characters is read and marked like the rest of the page instead of being refused whole.
   */
  split(maxChars: number, maxPartChars = maxChars): TextMap<N>[] {
    if (this.size <= maxChars) return [this];
    const out: TextMap<N>[] = [];
    let current = new TextMap<N>();
    const flush = () => {
      if (current.length > 0) out.push(current);
      current = new TextMap<N>();
    };
    this.nodes.forEach((node, i) => {
      const text = this.parts[i * 2]!;
      const base = this.bases[i]!;
      if (text.length > maxChars) {
        flush();
        for (let from = 0; from < text.length; ) {
          const to = cutPoint(text, from, Math.max(maxChars, maxPartChars));
          current.add(node, text.slice(from, to), base + from);
          flush();
          from = to;
        }
        return;
      }
      if (current.length > 0 && current.length + TEXT_NODE_SEPARATOR.length + text.length > maxChars) flush();
      current.add(node, text, base);
    });
    flush();
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
      if (offset < this.lengths[i]!) return { node: this.nodes[i]!, offset: this.bases[i]! + offset };
      const next = i + 1;
      return next < this.nodes.length ? { node: this.nodes[next]!, offset: this.bases[next]! } : null;
    }
    const i = this.find(pos, true);
    if (i < 0) return null;
    return { node: this.nodes[i]!, offset: this.bases[i]! + Math.min(pos - this.starts[i]!, this.lengths[i]!) };
  }
}
