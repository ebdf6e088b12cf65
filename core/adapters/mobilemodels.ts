// Adapter for MobileModels-style markdown (model code -> marketing name by region and carrier):
//   **[`X4`] Mi 4 (`cancro`):**          a device section, optional internal id and codename
//   `2014215` `2014218`: Mi 4 WCDMA       model codes and what they are sold as
//   `SC-03L`: Galaxy S10 Japan (NTT Docomo)
// Codes are grouped by the marketing name their line gives (region and carrier words taken off), so a
// line that names another model than its section still lands on the right device.

import type { Device, DeviceName, Source } from '../schema';
import { nameKey } from '../names';
import { addName, brandGroup, cleanCode, cleanText, emptyDevice, guessCategory, keepValid, uniqueIds } from './common';

export const MOBILEMODELS_SOURCE: Source = {
  id: 'mobilemodels',
  title: 'MobileModels: model codes by region and carrier',
  url: 'https://github.com/KHwang9883/MobileModels',
  licence: 'CC-BY-NC-SA-4.0',
};

/** Trailing region words and the region they mean; longest first so "South Korea" wins over "Korea". */
const REGIONS: [string, string][] = ([
  ['Global', 'global'], ['International', 'global'], ['Rest of the world', 'global'], ['China', 'CN'], ['Japan', 'JP'],
  ['US Carrier', 'US'], ['US Unlocked', 'US'], ['US', 'US'], ['USA', 'US'], ['Canada', 'CA'], ['India', 'IN'],
  ['South Korea', 'KR'], ['Korea', 'KR'], ['Europe', 'EU'], ['EU', 'EU'], ['Taiwan', 'TW'], ['Hong Kong', 'HK'],
  ['Brazil', 'BR'], ['Indonesia', 'ID'], ['Vietnam', 'VN'], ['Thailand', 'TH'], ['Malaysia', 'MY'], ['Philippines', 'PH'],
  ['Russia', 'RU'], ['Australia', 'AU'], ['Latin America', 'LATAM'], ['North America', 'North America'], ['UK', 'GB'],
  ['Mexico', 'MX'], ['Turkey', 'TR'], ['Middle East', 'Middle East'], ['Africa', 'Africa'], ['Singapore', 'SG'],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length);

const CARRIERS = /^(NTT Docomo|docomo|au|SoftBank|Rakuten Mobile|Y!mobile|KDDI|Verizon|AT&T|T-Mobile|Sprint|US Cellular|China Mobile|China Unicom|China Telecom|UQ Mobile|Ymobile)$/i;

interface Placement {
  name: string;
  region?: string;
  carrier?: string;
}

/** "Galaxy S10 Japan (NTT Docomo)" -> { name: "Galaxy S10", region: "JP", carrier: "NTT Docomo" }. */
export function splitVariantName(text: string): Placement {
  let rest = text.trim();
  let carrier: string | undefined;
  let region: string | undefined;
  const paren = /\s*\(([^)]*)\)\s*$/.exec(rest);
  if (paren) {
    const inside = paren[1]!.trim();
    const asRegion = REGIONS.find(([word]) => word.toLowerCase() === inside.toLowerCase());
    if (CARRIERS.test(inside)) carrier = inside;
    else if (asRegion) region = asRegion[1];
    rest = rest.slice(0, paren.index).trim();
  }
  const carrierWords = /\s+(China Mobile|China Unicom|China Telecom|Verizon|AT&T|T-Mobile|Sprint)$/i.exec(rest);
  if (carrierWords && !carrier) {
    carrier = carrierWords[1];
    rest = rest.slice(0, carrierWords.index).trim();
    if (/^China/i.test(carrier ?? '')) region ??= 'CN';
  }
  for (const [word, code] of REGIONS) {
    if (rest.toLowerCase().endsWith(` ${word.toLowerCase()}`)) {
      region ??= code;
      rest = rest.slice(0, rest.length - word.length).trim();
      break;
    }
  }
  // Technology words say which radio, not which product.
  rest = rest.replace(/\s+(dual|dual SIM|WCDMA|CDMA|TD-SCDMA|LTE|5G|4G|GSM|Wi-?Fi|Cellular)$/i, (m) => (/(5G|4G|LTE|Wi-?Fi|Cellular)$/i.test(m) ? m : '')).trim();
  const out: Placement = { name: rest };
  if (region) out.region = region;
  if (carrier) out.carrier = carrier;
  return out;
}

const SECTION = /^\*\*(?:\[`[^`]*`\]\s*)?(.+?)(?:\s*\(`([^`]+)`\))?:\*\*\s*$/;
const CODES_LINE = /^((?:`[^`]+`\s*)+):\s*(.+)$/;

/** Devices of one brand from one markdown file. */
export function fromMobileModels(markdown: string, brand: string): Device[] {
  const groups = new Map<string, Device>();
  let sectionCodename: string | undefined;
  let sectionName: string | undefined;
  for (const rawLine of markdown.split(/\r?\n/)) {
    const line = rawLine.trim();
    const section = SECTION.exec(line);
    if (section) {
      sectionName = cleanText(section[1]);
      sectionCodename = cleanText(section[2]);
      continue;
    }
    const codes = CODES_LINE.exec(line);
    if (!codes) continue;
    const text = cleanText(codes[2]);
    if (!text) continue;
    const placement = splitVariantName(text);
    const name = placement.name || sectionName;
    if (!name) continue;
    const key = `${brandGroup(brand)}|${nameKey(name)}`;
    let d = groups.get(key);
    if (!d) {
      d = emptyDevice(brand, name, guessCategory(name), MOBILEMODELS_SOURCE);
      groups.set(key, d);
    }
    // The codename belongs to the section; only take it when the line is about the section's device.
    if (sectionCodename && sectionName && nameKey(sectionName).startsWith(nameKey(name))) addName(d, { name: sectionCodename, kind: 'codename' });
    for (const m of codes[1]!.matchAll(/`([^`]+)`/g)) {
      const code = cleanCode(m[1]!);
      if (!code) continue;
      const entry: DeviceName = { name: code, kind: 'code' };
      if (placement.region) entry.region = placement.region;
      if (placement.carrier) entry.carrier = placement.carrier;
      addName(d, entry);
    }
  }
  const out = [...groups.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : 1));
  return uniqueIds(keepValid(out));
}
