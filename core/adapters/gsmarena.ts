// Adapter for a GSMArena-style CSV export (the 2017 scrape in the reference datasets): brand `oem`, model
// `device`, `announced`, `status` strings and spec columns, "NA" for missing. Status strings become events:
// "Available. Released 2014, January" -> released 2014-01; "Coming soon. Exp. release 2017, December" ->
// an expected release; "Discontinued" and "Cancelled" -> undated events of that kind.

import type { Device, Source, Specs, StatusEvent } from '../schema';
import { parseCsvRecords } from './csv';
import { canonicalBrand, cleanText, emptyDevice, guessCategory, keepValid, parseNumber, stripBrand, uniqueIds } from './common';

export const GSMARENA_SOURCE: Source = { id: 'gsmarena-2017', title: 'GSMArena specifications (2017 scrape)' };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "2014, January" -> "2014-01"; "2014, January 16th" -> "2014-01-16"; "2014, Q3" and "2014" -> "2014". */
export function parseGsmDate(text: string): string | undefined {
  const m = /(\d{4})(?:,\s*([A-Za-z]+)(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?)?/.exec(text);
  if (!m) return undefined;
  const year = m[1]!;
  const month = m[2] ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
  if (month === 0) return year;
  const mm = String(month).padStart(2, '0');
  return m[3] ? `${year}-${mm}-${m[3].padStart(2, '0')}` : `${year}-${mm}`;
}

/** Events from the `announced` and `status` columns, oldest first. */
export function gsmStatusEvents(announced: string, status: string): StatusEvent[] {
  const source = GSMARENA_SOURCE.id;
  const events: StatusEvent[] = [];
  const [announcedPart, releasedPart] = announced.split(/\.\s*Released\s*/i);
  const announcedDate = announcedPart && !/not (officially )?announced/i.test(announcedPart) ? parseGsmDate(announcedPart) : undefined;
  if (announcedDate) events.push({ status: 'announced', date: announcedDate, source });
  const s = status.trim();
  const expected = /Exp\.\s*release\s*(.*)$/i.exec(s);
  if (/^Cancelled/i.test(s)) {
    events.push({ status: 'cancelled', source });
  } else if (expected) {
    const date = parseGsmDate(expected[1] ?? '');
    if (date) events.push({ status: 'released', date, expected: true, source });
  } else if (/^Available/i.test(s) || /^Discontinued/i.test(s)) {
    const released = /Released\s*(.*)$/i.exec(s)?.[1] ?? releasedPart;
    const date = released ? parseGsmDate(released) : undefined;
    events.push(date ? { status: 'released', date, source } : { status: 'released', source });
    if (/^Discontinued/i.test(s)) events.push({ status: 'discontinued', source });
  } else if (/rumou?red/i.test(s)) {
    events.unshift({ status: 'rumored', source });
  }
  return events;
}

function na(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t === undefined || t === '' || t === 'NA' ? undefined : t;
}

function megapixels(text: string | undefined): number | undefined {
  const t = na(text);
  if (t === undefined) return undefined;
  if (/^VGA/i.test(t)) return 0.3;
  const m = /(\d+(?:\.\d+)?)\s*MP/i.exec(t);
  return m ? Number(m[1]) : undefined;
}

/** Specs from one row; values that do not parse are left out. */
export function gsmSpecs(row: Record<string, string>): Specs {
  const specs: Specs = {};
  const inches = parseNumber(na(row.display_size));
  if (inches !== undefined && inches >= 0.5 && inches <= 40) specs.displayInches = inches;
  const res = /(\d{2,5})\s*x\s*(\d{2,5})/.exec(na(row.display_res) ?? '');
  if (res) {
    const [a, b] = [Number(res[1]), Number(res[2])];
    specs.displayResolution = `${Math.min(a, b)}x${Math.max(a, b)}`;
  }
  const chipset = cleanText(na(row.chipset));
  if (chipset) specs.chipset = chipset;
  const ram = parseNumber(na(row.ram));
  if (ram !== undefined && ram > 0 && ram <= 64) specs.ramGb = [ram];
  const main = megapixels(row.camera);
  if (main !== undefined) specs.mainCameraMp = main;
  const selfie = megapixels(row.selfie);
  if (selfie !== undefined) specs.selfieCameraMp = selfie;
  const battery = parseNumber(na(row.battery_mah));
  if (battery !== undefined && Number.isInteger(battery) && battery >= 10) specs.batteryMah = battery;
  const os = na(row.os)?.replace(/\s*\(.*$/, '').replace(/,.*$/, '');
  const osClean = cleanText(os);
  if (osClean) specs.osAtLaunch = osClean;
  const dims = [row.dim_length, row.dim_breadth, row.dim_thickness].map((v) => parseNumber(na(v)));
  if (dims.every((n) => n !== undefined && n >= 0.1 && n <= 1000)) specs.dimensionsMm = dims as [number, number, number];
  const weight = parseNumber(na(row.weight));
  if (weight !== undefined && weight >= 0.1) specs.weightG = weight;
  return specs;
}

/** Parses the CSV text into valid devices (rows that cannot become one are skipped), sorted by id. */
export function fromGsmarenaCsv(text: string): Device[] {
  const out: Device[] = [];
  for (const row of parseCsvRecords(text)) {
    const rawBrand = cleanText(na(row.oem));
    const rawName = cleanText(na(row.device));
    if (!rawBrand || !rawName) continue;
    const brand = canonicalBrand(rawBrand);
    const name = stripBrand(rawName, brand);
    const specs = gsmSpecs(row);
    const d = emptyDevice(brand, name, guessCategory(name, specs.displayInches), GSMARENA_SOURCE);
    if (Object.keys(specs).length > 0) {
      d.specs = specs;
      d.specSources = { '*': GSMARENA_SOURCE.id };
    }
    d.status = gsmStatusEvents(row.announced ?? '', row.status ?? '');
    out.push(d);
  }
  return uniqueIds(keepValid(out).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.name < b.name ? -1 : 1)));
}
