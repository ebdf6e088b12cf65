// The compiled matcher on small hand-made indexes and edge-shaped texts: model codes that are really
// another device's name, texts with more tokens than characters/2, and state not leaking between calls.
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, type MatcherOptions } from '../../core/detect/index';
import type { Device } from '../../core/schema';
import { device } from './index-fixtures';
import { shippedMatcher } from './detect-fixture';

function matcherOf(devices: Device[], options: MatcherOptions = {}): ReturnType<typeof loadMatcher> {
  return loadMatcher(JSON.parse(JSON.stringify(compileMatcher(devices))), options);
}

/**
 * The rules themselves (every word looked up) and the scan's shortcut that skips words, each with the
 * WebAssembly scan and the JavaScript one, to test all four.
 */
function bothMatchers(devices: Device[]): ReturnType<typeof loadMatcher>[] {
  return [
    matcherOf(devices), matcherOf(devices, { lookUpEveryWord: true }),
    matcherOf(devices, { javaScriptScan: true }), matcherOf(devices, { lookUpEveryWord: true, javaScriptScan: true }),
  ];
}

const ids = (m: ReturnType<typeof loadMatcher>, text: string): string[] => m.detect(text).mentions.map((x) => `${x.text}=${x.deviceId}`);

describe('compiled matcher', () => {
  it('does not read as a model code a name another device of the brand is sold under', () => {
    const m = matcherOf([
      device({ id: 'acme-pixel', brand: 'Acme', name: 'Pixel', names: [{ name: 'Pixel 2', kind: 'code' }, { name: 'AC-1234X', kind: 'code' }] }),
      device({ id: 'acme-pixel-2', brand: 'Acme', name: 'Pixel 2', names: [] }),
    ]);
    // Once the first Pixel is named, a "Pixel 2" code of it would win on context over the Pixel 2 itself.
    expect(ids(m, 'The Acme Pixel is old; the Pixel 2 is new. Model AC-1234X.')).toEqual([
      'Acme Pixel=acme-pixel', 'Pixel 2=acme-pixel-2', 'AC-1234X=acme-pixel',
    ]);
  });

  it('keeps a code that only its own device is named', () => {
    const m = matcherOf([device({ id: 'acme-z9', brand: 'Acme', name: 'Z9 Max', names: [{ name: 'Z9 Max', kind: 'code' }, { name: 'ZM-9001', kind: 'code' }] })]);
    expect(ids(m, 'The Acme Z9 Max (ZM-9001) is out.')).toEqual(['Acme Z9 Max=acme-z9', 'ZM-9001=acme-z9']);
  });

  it('starts a name, code or small maker\'s brand as spelled, and never on a lower-case word inside a name', () => {
    const devices = [
      // A short form "on docomo F-07E" would start on "on" in every sentence.
      device({ id: 'fujitsu-disney', brand: 'Fujitsu', name: 'Disney Mobile on docomo F-07E', names: [{ name: 'F-07E', kind: 'code' }] }),
      device({ id: 'acme-a1', brand: 'Acme', name: 'Nova A1 Max', names: [{ name: 'AC-2041X', kind: 'code' }] }),
      device({ id: 'lowco-edge-9', brand: 'lowco', name: 'lowco edge 9', names: [] }),
    ];
    for (const m of bothMatchers(devices)) {
      const disney = ids(m, 'The Fujitsu Disney Mobile on docomo F-07E is out. Turn it on docomo F-07E today.');
      expect(disney[0]).toBe('Fujitsu Disney Mobile on docomo F-07E=fujitsu-disney');
      expect(disney.filter((x) => /^(on|docomo) /i.test(x))).toEqual([]);
      // Capitalised in the record: a lower-case "nova a1 max" or "ac-2041x" in running text names nothing,
      // nor does "acme" written in lower case (a maker of one device); the maker's own lower case does.
      expect(ids(m, 'The Acme brand. a nova a1 max and ac-2041x, the acme Nova A1 Max')).toEqual(['Nova A1 Max=acme-a1']);
      expect(ids(m, 'The Nova A1 Max (AC-2041X or AC-2041x) and the lowco edge 9.')).toEqual([
        'Nova A1 Max=acme-a1', 'AC-2041X=acme-a1', 'AC-2041x=acme-a1', 'lowco edge 9=lowco-edge-9',
      ]);
    }
  });

  it('starts a name on a "+" as on a word', () => {
    const devices = [device({ id: 'acme-plus-simple', brand: 'Acme', name: '+Simple', names: [] })];
    for (const m of bothMatchers(devices)) {
      expect(ids(m, 'Acme launched it. The +Simple is cheap; the Acme +Simple too.')).toEqual([
        '+Simple=acme-plus-simple', 'Acme +Simple=acme-plus-simple',
      ]);
    }
  });

  it('reads a lower-case one-word name only as one word, and a codename only in opening quotes', () => {
    const devices = [device({ id: 'lowco-kb4', brand: 'lowco', name: 'kb4', names: [{ name: 'Honami', kind: 'codename' }] })];
    for (const m of bothMatchers(devices)) {
      expect(ids(m, 'Lowco makes the kb4; a kb 4 is something else.')).toEqual(['kb4=lowco-kb4']);
      // "whale's'Honami'": the quote glued to "whale" is an apostrophe, so it opens nothing.
      expect(ids(m, "Lowco's 'Honami' is out, not the whale's'Honami'.")).toEqual(['Honami=lowco-kb4']);
    }
  });

  it('walks on to a "+" written as a sign after a name\'s first word ("Zeta+", "Zeta +")', () => {
    const devices = [
      device({ id: 'acme-zeta', brand: 'Acme', name: 'Zeta', names: [] }),
      device({ id: 'acme-zeta-plus', brand: 'Acme', name: 'Zeta+', names: [] }),
    ];
    for (const m of bothMatchers(devices)) {
      expect(ids(m, 'The Acme Zeta+ and the Acme Zeta Plus, then the Acme Zeta.')).toEqual([
        'Acme Zeta+=acme-zeta-plus', 'Acme Zeta Plus=acme-zeta-plus', 'Acme Zeta=acme-zeta',
      ]);
    }
  });

  it('reads soft hyphens inside short and long words as absent', async () => {
    const { matcher } = await shippedMatcher();
    const text = 'The Galaxy S2\u00ad4 Ul\u00adtra and the Xperia Z1 Com\u00adpact.';
    expect(matcher.detect(text).mentions.map((x) => x.deviceId)).toEqual(['samsung-galaxy-s24-ultra', 'sony-xperia-z1-compact']);
  });

  it('reads a text with more tokens than half its length', async () => {
    const { matcher } = await shippedMatcher();
    const prefix = 'a1'.repeat(5000) + ' ';
    const found = matcher.detect(prefix + 'the Galaxy S24 Ultra').mentions;
    expect(found.map((x) => [x.start, x.text])).toEqual([[prefix.length + 4, 'Galaxy S24 Ultra']]);
  });

  it('carries nothing from one call to the next without a context', async () => {
    const { matcher } = await shippedMatcher();
    const alone = matcher.detect('Later, the S24 Ultra and the Open impressed.');
    matcher.detect('The Galaxy S24 and the OnePlus Open. '.repeat(2000));
    expect(matcher.detect('Later, the S24 Ultra and the Open impressed.')).toEqual(alone);
    expect(alone.mentions).toEqual([]);
  });

  it('counts every mention of a device in the context it hands on', async () => {
    const { matcher } = await shippedMatcher();
    const { context } = matcher.detect('Galaxy S24 Ultra, Galaxy S24 Ultra and the Samsung Galaxy S24 Ultra.', { brands: [], families: [], devices: { 'samsung-galaxy-s24-ultra': 2 } });
    expect(context.devices).toEqual({ 'samsung-galaxy-s24-ultra': 5 });
    expect(context.families).toEqual(['samsung|galaxy']);
    expect(context.brands).toEqual(['Samsung']);
  });
});
