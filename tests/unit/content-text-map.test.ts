import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextMap } from '../../entrypoints/content/text-map';

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
    expect(batches.map((b) => b.text)).toEqual(['aaaa\nbbbb', 'cccccccccccc', 'dd']);
    expect(batches[1]!.locate(3, 'start')).toEqual({ node: '2', offset: 3 });
    expect(map.split(1000)).toEqual([map]);
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
