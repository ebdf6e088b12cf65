// Merges curated records with imported dataset devices into one list without duplicates. Curated records
// win: they keep their fields and absorb the imported names and model codes that belong to them; imported
// specs only fill fields a record leaves empty, and say where they came from.

import type { Device, DeviceName, SpecKey, Specs } from './schema';
import { nameKey } from './names';
import { addName, brandGroup, stripBrand } from './adapters/common';
import { isJunkName } from './junk-names';

export interface MergeReport {
  curated: number;
  /** Imported devices folded into an existing record because brand and name matched. */
  joinedByName: number;
  /** Imported devices folded into the one curated record that already owned all their model codes. */
  joinedByCode: number;
  /** Imported devices added as records of their own. */
  added: number;
  /** Model codes left out of an imported device because another record already owns them. */
  codesDropped: number;
  /** Imported names left out because they name no device ("China Telecom", "Pro", "5041"): see junk-names. */
  junkNamesDropped: number;
  /** Imported devices dropped because a junk name was all they had. */
  junkDevicesDropped: number;
}

export interface MergeResult {
  devices: Device[];
  report: MergeReport;
}

/** Kinds of name that identify a device as strongly as its marketing name does (rumors and shorthands do not). */
const IDENTIFYING_KINDS = new Set<DeviceName['kind']>(['official', 'regional', 'carrier', 'former']);

function byId(a: Device, b: Device): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Merges `curated` with each list in `imported` (earlier lists take precedence over later ones).
 * Deterministic: same inputs, same output, devices sorted by id. Inputs are not modified.
 */
export function mergeDevices(curated: readonly Device[], imported: readonly (readonly Device[])[]): MergeResult {
  const devices: Device[] = [...curated].sort(byId).map((d) => structuredClone(d));
  const report: MergeReport = { curated: devices.length, joinedByName: 0, joinedByCode: 0, added: 0, codesDropped: 0, junkNamesDropped: 0, junkDevicesDropped: 0 };
  const ids = new Set(devices.map((d) => d.id));
  const curatedIds = new Set(ids);
  /** brand group | name key -> device */
  const byName = new Map<string, Device>();
  /**
   * brand group | code key -> curated device. Only curated records own codes exclusively: imported lists
   * share codes between products for real (Play lists one Build.MODEL under several marketing names).
   */
  const byCode = new Map<string, Device>();

  const register = (d: Device): void => {
    const group = brandGroup(d.brand);
    for (const slot of nameSlots(d, [d.name])) if (!byName.has(slot)) byName.set(slot, d);
    for (const n of d.names) {
      if (n.kind === 'code') {
        const slot = `${group}|${nameKey(n.name)}`;
        if (curatedIds.has(d.id) && !byCode.has(slot)) byCode.set(slot, d);
      } else if (IDENTIFYING_KINDS.has(n.kind)) {
        for (const slot of nameSlots(d, [n.name])) if (!byName.has(slot)) byName.set(slot, d);
      }
    }
  };
  devices.forEach(register);

  for (const list of imported) {
    for (const incoming of [...list].sort(byId)) {
      const group = brandGroup(incoming.brand);
      const nameKeys = nameSlots(incoming, [incoming.name, ...incoming.names.filter((n) => IDENTIFYING_KINDS.has(n.kind)).map((n) => n.name)]);
      let target = nameKeys.map((k) => byName.get(k)).find((d) => d !== undefined);
      const codes = incoming.names.filter((n) => n.kind === 'code');
      const owners = new Set(codes.map((c) => byCode.get(`${group}|${nameKey(c.name)}`)));
      let joinedByCode = false;
      if (!target && codes.length > 0 && owners.size === 1) {
        const owner = [...owners][0];
        if (owner) {
          target = owner;
          joinedByCode = true;
        }
      }
      // Codes another record already owns stay with it (a carrier variant's code is not the base model's).
      const keep = (n: DeviceName): boolean => {
        if (n.kind !== 'code') return true;
        const owner = byCode.get(`${group}|${nameKey(n.name)}`);
        if (owner === undefined || owner === target) return true;
        report.codesDropped++;
        return false;
      };
      // Junk names may still find a curated record ("OnePlus" + "2"): only curated names are in byName
      // under a junk key, since imported junk never becomes a name. They never become names themselves.
      const notJunk = (n: DeviceName): boolean => {
        if (n.kind === 'code' || !isJunkName(stripBrand(n.name, incoming.brand))) return true;
        report.junkNamesDropped++;
        return false;
      };
      const names = incoming.names.filter(keep).filter(notJunk);

      if (target) {
        if (joinedByCode) report.joinedByCode++;
        else report.joinedByName++;
        absorb(target, incoming, names, curatedIds.has(target.id), joinedByCode);
        register(target);
        continue;
      }
      if (codes.length > 0 && !names.some((n) => n.kind === 'code')) continue; // every code belongs elsewhere
      const name = isJunkName(stripBrand(incoming.name, incoming.brand)) ? nameInsteadOfJunk(names) : incoming.name;
      if (name !== incoming.name) report.junkNamesDropped++;
      if (name === undefined) {
        report.junkDevicesDropped++;
        continue;
      }
      // The id stays: it is the record's identity (follows keep it), not a name.
      const d = structuredClone({ ...incoming, name, names: names.filter((n) => n.kind === 'code' || nameKey(n.name) !== nameKey(name)) });
      d.id = uniqueId(incoming.id, ids);
      ids.add(d.id);
      devices.push(d);
      register(d);
      report.added++;
    }
  }
  devices.sort(byId);
  return { devices, report };
}

/**
 * The name shown for an imported device whose marketing name is junk: another name of it that identifies
 * it, else its first model code that is not junk itself (Play lists "5041" or "PRO" as codes too); undefined
 * when it has neither, and the device is left out.
 */
function nameInsteadOfJunk(names: readonly DeviceName[]): string | undefined {
  return names.find((n) => IDENTIFYING_KINDS.has(n.kind))?.name ?? names.find((n) => n.kind === 'code' && !isJunkName(n.name))?.name;
}

/**
 * Merge slots for names of a device: "brand group|name key", and the same with the brand in front of the
 * name, so "Fairphone" + "4" meets a dataset's "Fairphone4" and "Fairphone 4".
 */
function nameSlots(d: Pick<Device, 'brand'>, names: string[]): string[] {
  const group = brandGroup(d.brand);
  const brand = nameKey(d.brand);
  const slots: string[] = [];
  for (const name of names) {
    const key = nameKey(name);
    if (key === '') continue;
    slots.push(`${group}|${key}`);
    if (!key.startsWith(brand)) slots.push(`${group}|${brand}${key}`);
  }
  return slots;
}

function uniqueId(id: string, taken: Set<string>): string {
  if (!taken.has(id)) return id;
  for (let i = 2; ; i++) {
    const candidate = `${id}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Folds an imported device into `target`; only names, empty spec fields and (for empty timelines) status. */
function absorb(target: Device, incoming: Device, names: DeviceName[], targetIsCurated: boolean, byCodeOnly: boolean): void {
  let used = false;
  for (const n of names) {
    // Joined through codes alone, the imported marketing name may be a different product: codes only then.
    if (byCodeOnly && n.kind !== 'code' && n.kind !== 'codename') continue;
    // "Nothing Phone (2a) Plus" on a Nothing record is its own name again: the brand comes off first.
    const name = n.kind === 'code' ? n.name : stripBrand(n.name, target.brand);
    if (n.kind !== 'code' && isJunkName(name)) continue;
    if (addName(target, { ...n, name })) used = true;
  }
  const incomingName = stripBrand(incoming.name, target.brand);
  if (!byCodeOnly && !isJunkName(incomingName) && nameKey(incomingName) !== nameKey(target.name) && addName(target, { name: incomingName, kind: 'official' })) used = true;

  if (incoming.specs) {
    const filled = fillSpecs(target, incoming);
    if (filled) used = true;
  }
  if (target.status.length === 0 && incoming.status.length > 0) {
    target.status = incoming.status.map((e) => ({ ...e }));
    used = true;
  }
  if (!targetIsCurated && target.category === 'other' && incoming.category !== 'other') target.category = incoming.category;
  if (!target.family && incoming.family && !targetIsCurated) target.family = incoming.family;

  if (used) {
    // The incoming sources the target does not know by id come along (they are what the new facts cite).
    for (const s of incoming.sources) if (!target.sources.some((t) => t.id === s.id)) target.sources.push({ ...s });
  }
}

function fillSpecs(target: Device, incoming: Device): boolean {
  const from = incoming.specs ?? {};
  const specs: Specs = target.specs ? { ...target.specs } : {};
  const sources = { ...(target.specSources ?? {}) };
  const fallback = incoming.specSources?.['*'] ?? incoming.sources[0]?.id;
  let filled = false;
  for (const key of Object.keys(from).sort() as SpecKey[]) {
    if (specs[key] !== undefined || from[key] === undefined) continue;
    (specs as Record<SpecKey, unknown>)[key] = structuredClone(from[key]);
    const source = incoming.specSources?.[key] ?? fallback;
    if (source !== undefined) sources[key] = source;
    filled = true;
  }
  if (filled) {
    target.specs = specs;
    target.specSources = sources;
  }
  return filled;
}
