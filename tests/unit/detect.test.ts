// Behaviour of the detector on the cases issue #4 lists, against the shipped index.
import { describe, expect, it } from 'vitest';
import { emptyContext } from '../../core/detect/index';
import { shippedMatcher } from './detect-fixture';

async function found(text: string): Promise<{ text: string; id: string; reason: string }[]> {
  const { matcher } = await shippedMatcher();
  return matcher.detect(text).mentions.map((m) => ({ text: m.text, id: m.deviceId, reason: m.reason }));
}

describe('detect', () => {
  it('finds names with and without the brand, the brand inside the span', async () => {
    expect(await found('The Samsung Galaxy S24 Ultra and the Galaxy S24 Ultra.')).toEqual([
      { text: 'Samsung Galaxy S24 Ultra', id: 'samsung-galaxy-s24-ultra', reason: 'full-name' },
      { text: 'Galaxy S24 Ultra', id: 'samsung-galaxy-s24-ultra', reason: 'name' },
    ]);
  });

  it('prefers the longest name and keeps neighbours apart', async () => {
    expect((await found('Get the iPhone 15 Pro Max, or the iPhone 15 and 15 Pro.')).map((m) => m.text))
      .toEqual(['iPhone 15 Pro Max', 'iPhone 15', '15 Pro']);
  });

  it('reads shorthand only after the family was named', async () => {
    expect(await found('The S24 Ultra is fast.')).toEqual([]);
    expect((await found('The Galaxy S24 is fine. The S24 Ultra is fast.')).map((m) => m.text)).toEqual(['Galaxy S24', 'S24 Ultra']);
  });

  it('keeps the short forms of a rumored name but never turns a bracketed rumored name into its head', async () => {
    // The 16e was rumored as "iPhone SE (4th generation)": that must not make "iPhone SE" the 16e.
    const mentions = await found('Apple replaced the iPhone SE with the iPhone 16e, once rumored as the iPhone SE 4.');
    expect(mentions.map((m) => [m.text, m.id])).toEqual([
      ['iPhone SE', 'apple-iphone-se'],
      ['iPhone 16e', 'apple-iphone-16e'],
      ['iPhone SE 4', 'apple-iphone-16e'],
    ]);
    expect((await found('Sony Xperia Z1 f, Z1 Mini or Z1S?')).map((m) => [m.text, m.id])).toEqual([
      ['Sony Xperia Z1 f', 'sony-xperia-z1-f'],
      ['Z1 Mini', 'sony-xperia-z1-compact'],
      ['Z1S', 'sony-xperia-z1s'],
    ]);
  });

  it('reads a possessive brand as the maker, outside the span, without making ordinary words devices', async () => {
    const mentions = await found("The iPhone 15 Pro Max zooms well, but Xiaomi's 15 Ultra zooms further.");
    expect(mentions.map((m) => [m.text, m.id])).toEqual([
      ['iPhone 15 Pro Max', 'apple-iphone-15-pro-max'],
      ['15 Ultra', 'xiaomi-15-ultra'],
    ]);
    expect(await found("Motorola's edge in charging is real.")).toEqual([]);
  });

  it('takes a family word and two more capitalised words as a name, and the longest name over a shorter one inside it', async () => {
    expect((await found('The Galaxy Watch Ultra lasts. Apple Watch SE too. The Watch Ultra is big.')).map((m) => [m.text, m.id])).toEqual([
      ['Galaxy Watch Ultra', 'samsung-galaxy-watch-ultra'],
      ['Apple Watch SE', 'apple-watch-se'],
      ['Watch Ultra', 'samsung-galaxy-watch-ultra'],
    ]);
    expect(await found('The Milky Way galaxy has no watch, ultra or otherwise.')).toEqual([]);
  });

  it('leaves a name it does not know alone instead of matching another maker\'s device inside it', async () => {
    // Neither "Find X12 Pro" (an OPPO name the index does not have) nor "X12" of another maker inside it.
    expect(await found("OPPO's Find X12 Pro and vivo's X300 Pro launched in China.")).toEqual([
      { text: 'X300 Pro', id: 'vivo-x300-pro', reason: 'name' },
    ]);
  });

  it('does not snap an unknown longer name to a known shorter one', async () => {
    // The Galaxy A17 is in the index; Apple's A17 Pro chip and a made-up "A17 Ultra" are not it.
    expect(await found("Apple's A17 Pro chip beat the rest, and the A17 Ultra is a rumour.")).toEqual([]);
    const watch = await found('The Galaxy Watch7 Ultra name never shipped.');
    expect(watch.map((m) => m.id)).not.toContain('samsung-galaxy-watch7');
    expect((await found('Samsung sells the Galaxy A17 in India.')).map((m) => m.id)).toEqual(['samsung-galaxy-a17']);
  });

  it('does not take sizes or a lone letter before a number for a name', async () => {
    const text = "Sony's Xperia 1 VI is discounted. Apple's iPad (10th generation) is $249 and the 11-inch iPad Pro (M4) is $899; A 2-pack of cases costs $9.";
    const mentions = await found(text);
    expect(mentions.map((m) => m.text)).toEqual(['Xperia 1 VI', 'iPad (10th generation)', 'iPad Pro (M4)']);
    expect(mentions[2]!.id).toBe('apple-ipad-pro-11-inch-m4');
  });

  it('finds model codes, glued as in the code', async () => {
    expect((await found('Models SM-S928B, D5503 and SO-02F.')).map((m) => m.id))
      .toEqual(['samsung-galaxy-s24-ultra', 'sony-xperia-z1-compact', 'sony-xperia-z1-f']);
    expect(await found('Prices rose in 2023 for everyone.')).toEqual([]);
  });

  it('treats spelling variants as one name', async () => {
    const ids = (await found('Galaxy S24+, Galaxy S24 Plus, Xperia Z1f, Xperia Z1 f, Phone (2a), Phone 2a by Nothing')).map((m) => m.id);
    expect(ids).toEqual(['samsung-galaxy-s24-plus', 'samsung-galaxy-s24-plus', 'sony-xperia-z1-f', 'sony-xperia-z1-f', 'nothing-phone-2a', 'nothing-phone-2a']);
  });

  it('leaves the possessive out of the span', async () => {
    expect((await found("The Galaxy S24 Ultra's screen and the Xperia 1 V’s.")).map((m) => m.text)).toEqual(['Galaxy S24 Ultra', 'Xperia 1 V']);
  });

  it('spans line breaks, non-breaking spaces and soft hyphens', async () => {
    const text = 'A Galaxy\nS23 Ultra, a Galaxy\u00a0S25 Ultra and a Xperia Z5 Com\u00adpact.';
    expect((await found(text)).map((m) => m.text)).toEqual(['Galaxy\nS23 Ultra', 'Galaxy\u00a0S25 Ultra', 'Xperia Z5 Com\u00adpact']);
  });

  it('leaves chips, OS versions and ordinary words alone', async () => {
    const text = 'The Snapdragon 8 Gen 3, the A17 Pro chip and the Tensor G4 run Android 14 and iOS 17. ' +
      'One galaxy has many a pixel; note the edge of the air. My mate has one.';
    expect(await found(text)).toEqual([]);
  });

  it('reads a big maker\'s name and family words in lower case, but no other name starts on a lower-case word spelled with a capital', async () => {
    expect(await found('An apple a day; the galaxy s24 ultra; sm-s928b.')).toEqual([]);
    // A big maker's family word may be written in lower case, as comments often do, once the maker is named.
    expect((await found('Google makes phones: my pixel 9 pro is great, the pixel density too.')).map((m) => m.text)).toEqual(['pixel 9 pro']);
    expect(await found('The galaxy is vast, and its pixels are stars.')).toEqual([]);
    expect((await found('The motorola edge 50 pro and the samsung Galaxy S24 Ultra.')).map((m) => m.text))
      .toEqual(['motorola edge 50 pro', 'samsung Galaxy S24 Ultra']);
  });

  it('counts a bare number only with its brand written next to it', async () => {
    expect((await found('The OnePlus 13 beat 13 rivals.')).map((m) => m.text)).toEqual(['OnePlus 13']);
  });

  it('reads an ordinary-word name only for a device already named', async () => {
    expect((await found('The OnePlus Open is thin. The Open is also light. Open the box.')).map((m) => m.text))
      .toEqual(['OnePlus Open', 'Open']);
  });

  it('carries what was named from one batch to the next', async () => {
    const { matcher } = await shippedMatcher();
    const first = matcher.detect('Review: the Galaxy S25 Edge.', emptyContext());
    const second = matcher.detect('Later, the S25 Edge impressed.', first.context);
    expect(second.mentions.map((m) => m.text)).toEqual(['S25 Edge']);
    expect(matcher.detect('Later, the S25 Edge impressed.').mentions).toEqual([]);
    expect(JSON.parse(JSON.stringify(second.context))).toEqual(second.context);
  });

  it('extends a bracketed year to its closing bracket', async () => {
    expect((await found('The Nexus 7 (2013) is a tablet.')).map((m) => m.text)).toEqual(['Nexus 7 (2013)']);
  });
});
