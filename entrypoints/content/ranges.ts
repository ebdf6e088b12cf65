// From a mention's offsets in the sent text back to a live DOM Range, refusing mentions whose text
// changed on the page while the worker was answering.
import type { PageMention } from '../../utils/protocol';
import type { TextMap } from './text-map';

export function mentionRange(map: TextMap<Text>, mention: Pick<PageMention, 'start' | 'end'>, doc: Document = document): Range | null {
  if (!(mention.end > mention.start)) return null;
  const start = map.locate(mention.start, 'start');
  const end = map.locate(mention.end, 'end');
  if (!start || !end) return null;
  if (!start.node.isConnected || !end.node.isConnected) return null;
  if (start.offset > start.node.length || end.offset > end.node.length) return null;
  if (start.node === end.node) {
    // The node may have been edited since it was read; its text must still be what the worker saw.
    if (start.node.data.slice(start.offset, end.offset) !== map.text.slice(mention.start, mention.end)) return null;
  }
  const range = doc.createRange();
  try {
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
  } catch {
    return null;
  }
  return range.collapsed ? null : range;
}
