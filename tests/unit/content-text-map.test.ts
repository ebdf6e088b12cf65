import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutPoint, TextMap } from '../../entrypoints/content/text-map';

describe('the page text map', () => {
  it('joins node texts with one newline so words from different blocks never merge', () => {
    const map = new TextMap<string>();
    map.add('a', 'Sony Xperia');
    map.add('b', 'Z1 Compact');
    expect(map.text).toBe('Sony Xperia\nZ1 Compact');
    expect(map.length).toBe(map.text.length);
  });

  it('maps offsets back to the node and the offset inside it', () => {
    const map = new TextMap<string>();
    map.add('a', 'The Pixel 8 Pro');
    map.add('b', 'and SM-S928B');
    const start = map.text.indexOf('SM-S928B');
    expect(map.locate(start, 'start')).toEqual({ node: 'b', offset: 4 });
    expect(map.locate(start + 8, 'end')).toEqual({ node: 'b', offset: 12 });
    expect(map.locate(4, 'start')).toEqual({ node: 'a', offset: 4 });
    expect(map.locate(15, 'end')).toEqual({ node: 'a', offset: 15 });
  });

  it('moves a start on a separator to the next node and keeps an end on a separator in the node before', () => {
    const map = new TextMap<string>();
    map.add('a', 'Xperia');
    map.add('b', 'Z1');
    expect(map.locate(6, 'start')).toEqual({ node: 'b', offset: 0 });
    expect(map.locate(7, 'end')).toEqual({ node: 'a', offset: 6 });
    expect(map.locate(9, 'end')).toEqual({ node: 'b', offset: 2 });
  });

  it('splits into batches at node boundaries that map back to the same nodes', () => {
    const map = new TextMap<string>();
    ['aaaa', 'bbbb', 'cccccccccccc', 'dd'].forEach((t, i) => map.add(String(i), t));
    const batches = map.split(10);
    // The node longer than a batch is cut (no white space in it: at the limit).
    expect(batches.map((b) => b.text)).toEqual(['aaaa\nbbbb', 'cccccccccc', 'cc', 'dd']);
    expect(batches[1]!.locate(3, 'start')).toEqual({ node: '2', offset: 3 });
    expect(batches[2]!.locate(1, 'start')).toEqual({ node: '2', offset: 11 });
    // Up to the part size, a long node goes whole in a batch of its own.
    expect(map.split(10, 12).map((b) => b.text)).toEqual(['aaaa\nbbbb', 'cccccccccccc', 'dd']);
    expect(map.split(1000)).toEqual([map]);
  });

  it('cuts a node longer than a batch into parts at white space that map back into the same node', () => {
    const map = new TextMap<string>();
    map.add('a', 'intro');
    const long = 'words and more words Xperia Z1 in the middle then the end';
    map.add('b', long);
    map.add('c', 'outro');
    const batches = map.split(20);
    expect(batches.every((b) => b.length <= 20)).toBe(true);
    // Nothing lost, nothing doubled, and no word cut in two.
    const partsOfB = batches.slice(1, -1).map((b) => b.text);
    expect(partsOfB.join('')).toBe(long);
    expect(partsOfB.every((t) => /\s$/.test(t) || t === partsOfB.at(-1))).toBe(true);
    expect(batches[0]!.text).toBe('intro');
    expect(batches.at(-1)!.text).toBe('outro');
    // A name inside a later part maps back to its offset in the whole node.
    const part = batches.find((b) => b.text.includes('Xperia Z1'))!;
    const at = part.text.indexOf('Xperia Z1');
    expect(part.locate(at, 'start')).toEqual({ node: 'b', offset: long.indexOf('Xperia Z1') });
    expect(part.locate(at + 9, 'end')).toEqual({ node: 'b', offset: long.indexOf('Xperia Z1') + 9 });
  });

  it('cuts a long run without white space at the limit, never inside a surrogate pair', () => {
    expect(cutPoint('x'.repeat(50), 0, 20)).toBe(20);
    expect(cutPoint('x'.repeat(19) + '😀' + 'x'.repeat(30), 0, 20)).toBe(19);
    expect(cutPoint('short', 0, 20)).toBe(5);
    expect(cutPoint('aaaa bbbb cccc', 5, 7)).toBe(10);
  });

  it('sends a text node of over 6,000,000 characters in batches the worker accepts', () => {
    const map = new TextMap<string>();
    const huge = 'lorem ipsum dolor '.repeat(350_000) + 'Pixel 8 Pro';
    expect(huge.length).toBeGreaterThan(6_000_000);
    map.add('huge', huge);
    map.add('after', 'The Xperia Z1 Compact.');
    const batches = map.split(50_000, 5_000_000);
    expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(5_000_000);
    expect(batches).toHaveLength(3);
    const last = batches.at(-2)!;
    expect(last.text.endsWith('Pixel 8 Pro')).toBe(true);
    expect(last.locate(last.text.indexOf('Pixel'), 'start')).toEqual({ node: 'huge', offset: huge.indexOf('Pixel') });
    expect(batches.at(-1)!.text).toBe('The Xperia Z1 Compact.');
  });

  it('refuses offsets outside the text', () => {
    const map = new TextMap<string>();
    map.add('a', 'abc');
    expect(map.locate(-1, 'start')).toBeNull();
    expect(map.locate(4, 'end')).toBeNull();
    expect(map.locate(3, 'start')).toBeNull();
    expect(new TextMap<string>().locate(0, 'start')).toBeNull();
  });

  it('property: every character maps back to the node that holds it', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z0-9 -]{1,12}$/), { minLength: 1, maxLength: 30 }), (texts) => {
        const map = new TextMap<number>();
        texts.forEach((t, i) => map.add(i, t));
        let pos = 0;
        texts.forEach((text, node) => {
          for (let offset = 0; offset < text.length; offset++, pos++) {
            expect(map.locate(pos, 'start')).toEqual({ node, offset });
            expect(map.locate(pos + 1, 'end')).toEqual({ node, offset: offset + 1 });
          }
          // The separator after this node: a start there belongs to the next node.
          if (node + 1 < texts.length) expect(map.locate(pos, 'start')).toEqual({ node: node + 1, offset: 0 });
          pos++;
        });
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
    );
  });
});
