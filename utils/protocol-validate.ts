// Shape checks for every message that enters the worker. The types in protocol.ts say what an
// honest sender sends; these say what the worker accepts. Anything else is refused and counted.
import type { BackgroundType, ToBackground } from './protocol';
import { MAX_IMPORT_BYTES } from './reader-data';

type Check = (data: unknown) => string | null;

const MAX_TEXT = 6_000_000; // a 5 MB text node plus separators; larger batches are split by the sender
const MAX_ID = 200;
const MAX_QUERY = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown, max: number): boolean {
  return typeof value === 'string' && value.length <= max;
}

function optionalStr(value: unknown, max: number): boolean {
  return value === undefined || str(value, max);
}

function fields(spec: Record<string, (value: unknown) => boolean>): Check {
  return (data) => {
    if (!isRecord(data)) return 'payload is not an object';
    for (const key of Object.keys(data)) {
      // Own keys only: `in` would let "constructor", "toString" or "__proto__" through as declared fields.
      if (!Object.prototype.hasOwnProperty.call(spec, key)) return `unexpected field "${key.slice(0, 40)}"`;
    }
    for (const [key, ok] of Object.entries(spec)) {
      if (!ok(data[key])) return `field "${key}" has the wrong shape`;
    }
    return null;
  };
}

const empty = fields({});
const id = (value: unknown) => str(value, MAX_ID) && /^[a-z0-9][a-z0-9-]*$/.test(value as string);
const bool = (value: unknown) => typeof value === 'boolean';

/**
 * The article context a content script hands back with its next batch: what the worker answered for the
 * earlier ones (core/detect/article-context.ts ArticleContext). The matcher walks it, so its shape is checked
 * here: brands and families as short strings, device ids as slugs with whole-number counts. The caps are
 * far above what a page yields (the whole index has about 30,000 devices).
 */
const MAX_CONTEXT_BRANDS = 2_000;
const MAX_CONTEXT_FAMILIES = 20_000;
const MAX_CONTEXT_DEVICES = 100_000;

function stringList(value: unknown, maxItems: number, maxLength: number): boolean {
  return Array.isArray(value) && value.length <= maxItems && value.every((v) => str(v, maxLength));
}

function articleContext(value: unknown): boolean {
  if (value === undefined) return true;
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 3 || !keys.every((k) => k === 'brands' || k === 'families' || k === 'devices')) return false;
  if (!stringList(value.brands, MAX_CONTEXT_BRANDS, 100) || !stringList(value.families, MAX_CONTEXT_FAMILIES, 200)) return false;
  const devices = value.devices;
  if (!isRecord(devices)) return false;
  const ids = Object.keys(devices);
  return ids.length <= MAX_CONTEXT_DEVICES && ids.every((k) => id(k) && Number.isSafeInteger(devices[k]) && (devices[k] as number) >= 0);
}

const CHECKS: Record<BackgroundType, Check> = {
  ping: empty,
  detect: fields({
    text: (v) => str(v, MAX_TEXT),
    context: articleContext,
    url: (v) => str(v, 4096),
    title: (v) => optionalStr(v, 1000),
    publishedAt: (v) => optionalStr(v, 40),
  }),
  getDevice: fields({ id, at: (v) => optionalStr(v, 40) }),
  getSummaries: fields({ ids: (v) => Array.isArray(v) && v.length <= 2000 && v.every(id) }),
  search: fields({
    query: (v) => str(v, MAX_QUERY),
    limit: (v) => v === undefined || (Number.isInteger(v) && (v as number) > 0 && (v as number) <= 100),
  }),
  setFollow: fields({ id, follow: bool }),
  setMuted: fields({ id, muted: bool }),
  listFollows: empty,
  markChangesSeen: empty,
  getSettings: empty,
  setSettings: fields({ patch: isRecord }),
  rejectMatch: fields({
    site: (v) => str(v, 253),
    deviceId: id,
    matchedName: (v) => str(v, 200),
    scope: (v) => v === 'device' || v === 'site',
  }),
  checkNow: empty,
  restoreBuiltInData: empty,
  getIndexInfo: empty,
  exportData: empty,
  previewImport: fields({ json: (v) => str(v, MAX_IMPORT_BYTES) }),
  importData: fields({ json: (v) => str(v, MAX_IMPORT_BYTES), settings: (v) => v === 'keep' || v === 'replace' }),
  backupStatus: empty,
  dismissDataNotices: empty,
  resetData: fields({ keepFollows: bool }),
  readingHistory: fields({ deviceId: (v) => v === undefined || id(v) }),
  forgetReadingHistory: empty,
  comparedWith: fields({ id }),
  recentChanges: empty,
  openRecord: fields({ id, section: (value) => value === undefined || value === 'report' }),
};

export type ValidMessage = { [K in BackgroundType]: { type: K; data: ToBackground[K]['req'] } }[BackgroundType];

/** Checks an incoming envelope; returns the typed message or the reason it was refused. */
export function validateMessage(message: unknown): { ok: true; message: ValidMessage } | { ok: false; reason: string } {
  if (!isRecord(message) || message.specscout !== 1) return { ok: false, reason: 'not a SpecScout message' };
  const type = message.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(CHECKS, type)) {
    return { ok: false, reason: 'unknown message type' };
  }
  const problem = CHECKS[type as BackgroundType](message.data ?? {});
  if (problem) return { ok: false, reason: `${type}: ${problem}` };
  return { ok: true, message: { type, data: message.data ?? {} } as ValidMessage };
}
