// The reader's own data as it travels outside the database (export files, the storage.local and
// storage.sync copies), and the limits every path shares, so anything SpecScout accepts it can also
// export, copy and import again.

/** Most follows kept: following, importing and restoring all stop here, so every backup re-imports. */
export const MAX_FOLLOWS = 5000;

/**
 * Largest import file, in bytes (the options page checks the file's size before reading it; the worker
 * refuses longer text). A full export (5,000 follows with the longest ids, every settings list at its
 * limit) is 4.3 MB; this leaves room and stays far below Chrome's 64 MiB message limit.
 */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

/** "8 MB": the import limit as the reader reads it. */
export const MAX_IMPORT_LABEL = `${MAX_IMPORT_BYTES / 1024 / 1024} MB`;

/** A follow without its snapshot: what leaves the database. */
export interface ReaderFollow {
  id: string;
  /** ISO timestamp; "" when the source did not say (the importer uses the time of import). */
  since: string;
  muted: boolean;
}

const DEVICE_ID = /^[a-z0-9][a-z0-9-]*$/;

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 200 && DEVICE_ID.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a list of follows from outside (a file, a storage copy): the entries, or a plain sentence saying
 * what is wrong with the first bad one. Entries are numbered from 1 for the reader.
 */
export function checkFollowList(value: unknown): { ok: true; follows: ReaderFollow[] } | { ok: false; message: string } {
  if (!Array.isArray(value)) return { ok: false, message: 'the list of follows is missing or is not a list' };
  if (value.length > MAX_FOLLOWS) {
    return { ok: false, message: `it lists ${value.length.toLocaleString('en')} follows; SpecScout keeps at most ${MAX_FOLLOWS.toLocaleString('en')}` };
  }
  const follows: ReaderFollow[] = [];
  const seen = new Set<string>();
  for (const [i, item] of value.entries()) {
    const n = i + 1;
    if (!isRecord(item)) return { ok: false, message: `follow ${n} is not a follow entry` };
    const { id, since, muted } = item;
    if (!isDeviceId(id)) return { ok: false, message: `follow ${n} has no valid device id` };
    if (seen.has(id)) return { ok: false, message: `"${id}" is listed twice` };
    if (since !== undefined && (typeof since !== 'string' || since.length > 40 || Number.isNaN(Date.parse(since)))) {
      return { ok: false, message: `follow ${n} ("${id}") has a date that cannot be read` };
    }
    if (muted !== undefined && typeof muted !== 'boolean') return { ok: false, message: `follow ${n} ("${id}") has a mute setting that is not true or false` };
    seen.add(id);
    follows.push({ id, since: since === undefined ? '' : new Date(since as string).toISOString(), muted: muted === true });
  }
  return { ok: true, follows };
}
