// Shared pieces of the dataset adapters: brand spelling, brand groups for merging, category guesses from
// names, id slugs and small number parsers. Adapters are pure: they take file contents, never paths.

import type { Category, Device, DeviceName, Source } from '../schema';
import { nameKey } from '../names';
import { deviceProblems } from '../validate';

/** Datasets spell makers many ways ("LGE", "samsung", "TCT (Alcatel)", "Sony mobile"); this is the one spelling we show. */
const CANONICAL_BRANDS: Record<string, string> = {
  samsung: 'Samsung', lge: 'LG', lg: 'LG', lgelectronics: 'LG', sony: 'Sony', sonymobile: 'Sony',
  sonyericsson: 'Sony Ericsson', tctalcatel: 'Alcatel', alcatel: 'Alcatel', oppo: 'OPPO', vivo: 'vivo',
  realme: 'realme', oneplus: 'OnePlus', xiaomi: 'Xiaomi', redmi: 'Redmi', poco: 'POCO', google: 'Google',
  motorola: 'Motorola', htc: 'HTC', huawei: 'Huawei', honor: 'Honor', asus: 'Asus', zte: 'ZTE', nokia: 'Nokia',
  hmdglobal: 'Nokia', apple: 'Apple', lenovo: 'Lenovo', blackberry: 'BlackBerry', sharp: 'Sharp',
  kyocera: 'Kyocera', fujitsu: 'Fujitsu', '富士通': 'Fujitsu', fairphone: 'Fairphone', nothing: 'Nothing',
  tcl: 'TCL', meizu: 'Meizu', amazon: 'Amazon', nvidia: 'NVIDIA', dell: 'Dell', panasonic: 'Panasonic',
  casio: 'Casio', nec: 'NEC', pantech: 'Pantech', acer: 'Acer', toshiba: 'Toshiba', fujitsutoshiba: 'Fujitsu',
  hisense: 'Hisense', infinix: 'Infinix', tecno: 'Tecno', itel: 'itel', wiko: 'Wiko', micromax: 'Micromax',
  coolpad: 'Coolpad', blu: 'BLU', archos: 'Archos', prestigio: 'Prestigio', lava: 'Lava', allview: 'Allview',
  iqoo: 'iQOO', blackshark: 'Black Shark', essential: 'Essential', razer: 'Razer', nubia: 'nubia',
  microsoft: 'Microsoft', vaio: 'VAIO', polaroid: 'Polaroid', mozilla: 'Mozilla', covia: 'Covia', cat: 'Cat',
  ulefone: 'Ulefone', doogee: 'Doogee', oukitel: 'Oukitel', umidigi: 'UMIDIGI', blackview: 'Blackview',
  cubot: 'Cubot', gionee: 'Gionee', leeco: 'LeEco', letv: 'LeEco', yu: 'YU', meitu: 'Meitu', sonim: 'Sonim',
};

/** Sub-brands and old names merged with their maker when records are matched (not when shown). */
const BRAND_GROUPS: Record<string, string> = {
  sonyericsson: 'sony', redmi: 'xiaomi', poco: 'xiaomi', hmdglobal: 'nokia', iqoo: 'vivo', blackshark: 'xiaomi',
};

export function canonicalBrand(raw: string): string {
  const trimmed = raw.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const known = CANONICAL_BRANDS[nameKey(trimmed)];
  if (known) return known;
  // An all-lower-case spelling ("samsung") is a dataset habit, not the maker's; upper-case brands stay.
  return trimmed === trimmed.toLowerCase() ? trimmed.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()) : trimmed;
}

/** Key two records must share to be the same maker when merging ("Redmi" and "Xiaomi" do). */
export function brandGroup(brand: string): string {
  const key = nameKey(brand);
  return BRAND_GROUPS[key] ?? key;
}

/** Removes the brand from the front of a name ("Sony Xperia Z1" -> "Xperia Z1", "10or_G2" -> "G2"). */
export function stripBrand(name: string, brand: string): string {
  const cleaned = name.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const candidates = [brand, brand.replace(/\./g, '')];
  for (const b of candidates) {
    if (b === '') continue;
    const re = new RegExp(`^${b.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s_-]+`, 'i');
    if (re.test(cleaned)) {
      const rest = cleaned.replace(re, '').trim();
      if (rest !== '') return rest;
    }
  }
  return cleaned;
}

const TABLET = /\b(tab|tablet|pad|ipad|mediapad|matepad|slate|pixel c|nexus (7|9|10)|kindle|fire hd|iconia tab|shield tablet)\b|\bpad\d|tab\d/i;
const WATCH = /\b(watch|gear s\d?|gear live|gear fit|smartwatch|wear os|band \d)\b/i;
const OTHER = /\b(tv|box|stick|chromecast|chromebook|projector|car|auto|stb|dongle|speaker|set[- ]?top|display|monitor|glass|vr|camera|player|walkman|nw-|nwz-|headset|kiosk|pos|terminal|scanner|printer|signage)\b/i;
const PHONE = /\b(phone|smartphone|galaxy (s|a|m|j|f|note|z|c|e|on|grand|core|ace|mini|young|xcover)|galaxy|xperia|iphone|pixel|nexus (4|5|5x|6|6p|s|one)|redmi|moto|oneplus|mi \d|mi note|poco|zenfone|rog phone|lumia|blackberry|optimus|velvet|wing|nord|find x|reno|honor|nova|mate \d{1,2}|p\d{1,2}|aquos|arrows|desire|ascend|p smart|enjoy|stylo|razr|droid|narzo|blade|axon|spark|camon|pova|phantom x|iqoo)\b/i;

/** A category only when the name says it; "other" is the honest answer for the rest. */
export function guessCategory(name: string, displayInches?: number): Category {
  if (WATCH.test(name)) return 'watch';
  if (TABLET.test(name)) return 'tablet';
  if (OTHER.test(name)) return 'other';
  if (displayInches !== undefined) {
    if (displayInches >= 7) return 'tablet';
    if (displayInches >= 3) return 'phone';
  }
  if (PHONE.test(name)) return 'phone';
  return 'other';
}

/** "Sony", "Xperia Z1 f" -> "sony-xperia-z1-f"; the id stays within the validator's 100 characters. */
export function slugId(brand: string, name: string): string {
  const slug = (s: string): string => s.normalize('NFKD').toLowerCase().replace(/\+/g, ' plus ').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const b = slug(brand) || 'unknown';
  const n = slug(name) || 'device';
  return `${b}-${n}`.slice(0, 90).replace(/-+$/, '');
}

/** Adds a name unless the device already has it (same key and kind), or it is the marketing name itself. */
export function addName(device: Pick<Device, 'name' | 'names'>, name: DeviceName): boolean {
  const key = nameKey(name.name);
  if (key === '' || name.name.length > 120) return false;
  if (name.kind !== 'code' && key === nameKey(device.name)) return false;
  if (device.names.some((n) => nameKey(n.name) === key && (n.kind === name.kind || name.kind !== 'code'))) return false;
  device.names.push(name);
  return true;
}

/** A number from dataset text ("5.2 inches", "3,000 mAh", "NA" -> undefined). */
export function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /-?\d+(?:[.,]\d+)?/.exec(text.replace(/(\d),(\d{3})\b/g, '$1$2'));
  if (!m) return undefined;
  const n = Number(m[0].replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/** Model codes as written by datasets are trimmed and must look like codes (no spaces inside long prose). */
export function cleanCode(code: string): string | undefined {
  const c = code.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (c === '' || c.length > 40 || /[\u0000-\u001f]/.test(c)) return undefined;
  return c;
}

/** Drops characters the validator refuses (control and bidi) and trims; undefined when nothing is left. */
export function cleanText(text: string | undefined, max = 120): string | undefined {
  if (text === undefined) return undefined;
  const t = text.normalize('NFKC').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t.slice(0, max).trim();
}

/**
 * Names garbled by a wrong text encoding upstream: U+FFFD, the Hangul syllables U+BFEF and U+BDBF that the
 * UTF-8 bytes of U+FFFD (EF BF BD) become when read as UTF-16, and private-use characters, all seen in
 * Chinese names in the Play list ("붿붿8붿春版").
 */
export function isGarbled(text: string): boolean {
  return /[\ufffd\ubfef\ubdbf\ue000-\uf8ff]/.test(text);
}

/** Makes ids unique within one adapter's output ("-2", "-3" in order), which must already be sorted. */
export function uniqueIds<T extends { id: string }>(devices: T[]): T[] {
  const seen = new Set<string>();
  for (const d of devices) {
    let id = d.id;
    for (let i = 2; seen.has(id); i++) id = `${d.id}-${i}`;
    d.id = id;
    seen.add(id);
  }
  return devices;
}

export function emptyDevice(brand: string, name: string, category: Category, source: Source): Device {
  return { id: slugId(brand, name), brand, name, category, names: [], status: [], sources: [{ ...source }] };
}

/**
 * Only records the validator accepts: a record whose timeline is inconsistent (a dataset typo putting the
 * release before the announcement) loses its timeline; one still invalid after that is dropped.
 */
export function keepValid(devices: Device[]): Device[] {
  const out: Device[] = [];
  for (const d of devices) {
    if (deviceProblems(d).length === 0) {
      out.push(d);
      continue;
    }
    const withoutStatus = { ...d, status: [] };
    if (deviceProblems(withoutStatus).length === 0) out.push(withoutStatus);
  }
  return out;
}
