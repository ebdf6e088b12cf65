// The one message protocol between SpecScout's contexts, typed by direction:
// `ToBackground` is what pages of this extension and content scripts ask the worker;
// `ToContent` is what the popup asks a tab's content script. Payloads are validated where they
// enter the worker (utils/protocol-validate.ts), never trusted because the types say so.
import type { ChangeKind } from '../core/changes';
import type { ArticleContext, MatchReason } from '../core/detect/index';
import type { SearchReason } from '../core/search';
import type { Device, Status } from '../core/schema';

/** A device mention as the page sees it: offsets into the text the content script sent. */
export interface PageMention {
  start: number;
  end: number;
  deviceId: string;
  confidence: number;
  reason: MatchReason;
  matchedName: string;
}

/**
 * What the article named so far (core/detect ArticleContext): the content script hands back the context of
 * one batch with the next batch of the same page. Checked where it enters the worker (protocol-validate.ts).
 */
export type DetectionContext = ArticleContext;

export interface DeviceSummary {
  id: string;
  brand: string;
  name: string;
  category: Device['category'];
  status: Status | null;
  statusDate?: string;
  /** Two or three key specs, already formatted: "6.8 in", "Snapdragon 8 Gen 3", "5000 mAh". */
  keySpecs: string[];
  following: boolean;
}

export interface DeviceDetail {
  device: Device;
  following: boolean;
  muted: boolean;
  /** Status at the article's date, when the asker passed one. */
  statusAtDate?: { status: Status | null; date?: string };
  current: { status: Status | null; date?: string };
}

export interface FollowEntry {
  summary: DeviceSummary;
  since: string;
  muted: boolean;
  /** Changes since the reader last looked at the popup. */
  unseenChanges: ChangeNote[];
}

export interface ChangeNote {
  deviceId: string;
  kind: ChangeKind;
  text: string;
  at: string;
}

export interface SearchHit {
  summary: DeviceSummary;
  matchedName: string;
  reason: SearchReason;
}

export interface ReadingEntry {
  url: string;
  title: string;
  site: string;
  date?: string;
  statusThen: Status | null;
  seenAt: string;
}

export type MarkStyle = 'underline' | 'background' | 'off';

export interface Settings {
  markStyle: MarkStyle;
  hoverDelayMs: number;
  /** Sites (host suffixes) where marking is turned off by the reader. */
  disabledSites: string[];
  /** Extra sites turned on by the reader (permission granted at run time). */
  enabledSites: string[];
  notifications: {
    enabled: boolean;
    quiet: boolean;
    dailyCap: number;
    /** Which change kinds notify. */
    kinds: string[];
  };
  /** The reader's region (ISO 3166 code, EU for the European Union), or '' for wherever a device came out first. */
  region: string;
  feedUrls: string[];
  /** Automatic update checks (install, browser start, every refreshHours); "Check now" works either way. */
  updatesEnabled: boolean;
  refreshHours: number;
  keepReadingHistory: boolean;
  /** Device ids the reader said are wrong matches on a site: `${site}|${deviceId}` or `*|${matchedName}`. */
  rejectedMatches: string[];
}

export interface UpdateReport {
  at: string;
  source: string;
  ok: boolean;
  message: string;
  fromVersion?: number;
  toVersion?: number;
}

export interface IndexInfo {
  version: number;
  devices: number;
  names: number;
  builtFrom: string;
  sources: { name: string; licence: string }[];
  lastUpdate?: UpdateReport;
  /** How the worker's detection cuts text into words; absent when the matcher could not load. */
  scanner?: 'webassembly' | 'javascript';
  /** The signed update source this build was made with (primary URL, then mirrors); empty: built without one. */
  updateSource: string[];
  /** YYYY-MM-DD the data is known good as of, and a warning with its reason when it may be out of date. */
  freshness: { dataAsOf: string; warning?: { kind: 'expired' | 'stale'; reason: string } };
}

/** A setting an import would change: list settings say what is added and removed, others from and to. */
export interface SettingChange {
  key: SettingKey;
  added: string[];
  removed: string[];
  from?: string;
  to?: string;
}

export type SettingKey =
  | 'feedUrls'
  | 'markStyle'
  | 'hoverDelayMs'
  | 'disabledSites'
  | 'enabledSites'
  | 'notifications.enabled'
  | 'notifications.quiet'
  | 'notifications.dailyCap'
  | 'notifications.kinds'
  | 'region'
  | 'refreshHours'
  | 'keepReadingHistory'
  | 'rejectedMatches';

export type ImportPreview =
  | { ok: false; message: string }
  | {
      ok: true;
      follows: { total: number; added: number; notInIndex: number };
      /** False when the file has no settings (then only follows can be imported). */
      hasSettings: boolean;
      /** Feed URL changes first: a feed can replace the whole device index. */
      settingChanges: SettingChange[];
    };

/** What the last storage.sync write did. */
export interface SyncStatus {
  /** ok: all in sync; partial: what did not fit the quota is left out; pending: the write failed and is retried. */
  state: 'ok' | 'partial' | 'pending';
  followsInSync: number;
  followsTotal: number;
  settingsInSync: boolean;
  mutedInSync: boolean;
  bytes: number;
  at: string;
  error?: string;
  retryInMinutes?: number;
  /** Failed writes in a row (the retry backs off with them). */
  failures?: number;
}

/** Something the reader must know about their data: it was restored after a loss, or (some of it) lost. */
export interface DataNotice {
  at: string;
  kind: 'restored' | 'lost';
  message: string;
}

export interface BackupStatus {
  sync: SyncStatus;
  notices: DataNotice[];
}

export interface ToBackground {
  ping: { req: Record<string, never>; res: { version: string; indexVersion: number | null } };
  detect: {
    req: { text: string; context?: DetectionContext; url: string; title?: string; publishedAt?: string };
    res: { mentions: PageMention[]; context: DetectionContext; summaries: DeviceSummary[] };
  };
  getDevice: { req: { id: string; at?: string }; res: DeviceDetail | null };
  getSummaries: { req: { ids: string[] }; res: DeviceSummary[] };
  search: { req: { query: string; limit?: number }; res: SearchHit[] };
  setFollow: { req: { id: string; follow: boolean }; res: { following: boolean } };
  setMuted: { req: { id: string; muted: boolean }; res: { muted: boolean } };
  listFollows: { req: Record<string, never>; res: FollowEntry[] };
  markChangesSeen: { req: Record<string, never>; res: { ok: true } };
  getSettings: { req: Record<string, never>; res: Settings };
  setSettings: { req: { patch: Partial<Settings> }; res: Settings };
  rejectMatch: { req: { site: string; deviceId: string; matchedName: string; scope: 'device' | 'site' }; res: { ok: true } };
  checkNow: { req: Record<string, never>; res: UpdateReport[] };
  /** "Restore the built-in data": the index shipped with the extension replaces the installed one. */
  restoreBuiltInData: { req: Record<string, never>; res: UpdateReport };
  getIndexInfo: { req: Record<string, never>; res: IndexInfo };
  exportData: { req: Record<string, never>; res: { json: string } };
  /** What importing the file would change, before anything does (feed URLs first). */
  previewImport: { req: { json: string }; res: ImportPreview };
  /** Imports the file's follows, and its settings only when the reader confirmed `settings: 'replace'`. */
  importData: { req: { json: string; settings: 'keep' | 'replace' }; res: { ok: boolean; message: string } };
  /** The storage.sync copy's state and what the reader must be told about restored or lost data. */
  backupStatus: { req: Record<string, never>; res: BackupStatus };
  dismissDataNotices: { req: Record<string, never>; res: { ok: true } };
  resetData: { req: { keepFollows: boolean }; res: { ok: true } };
  readingHistory: { req: { deviceId?: string }; res: ReadingEntry[] };
  forgetReadingHistory: { req: Record<string, never>; res: { ok: true } };
  /** Devices mentioned in the same articles the reader opened as `id` (from reading history). */
  comparedWith: { req: { id: string }; res: DeviceSummary[] };
  recentChanges: { req: Record<string, never>; res: ChangeNote[] };
  /** Opens the full record (popup.html?device=<id>) in a new tab; content scripts cannot open extension pages. */
  /** `section: 'report'`: the record opens with its "Report wrong data" form. */
  openRecord: { req: { id: string; section?: 'report' }; res: { ok: true } };
}

export interface ToContent {
  pageDevices: { req: Record<string, never>; res: { url: string; ids: string[]; summaries: DeviceSummary[] } };
  settingsChanged: { req: { settings: Settings }; res: { ok: true } };
  /** The `open-card` keyboard command: open the card for the marked name at the caret or selection. */
  openCardAtSelection: { req: Record<string, never>; res: { opened: boolean } };
}

export type BackgroundType = keyof ToBackground;
export type ContentType = keyof ToContent;

/** The envelope every message travels in; `specscout` tells our messages from anything else. */
export interface Envelope<T extends string = string> {
  specscout: 1;
  type: T;
  data: unknown;
}

/** What a handler answers: a result, or an error the sender can show. */
export type Reply<R> = { ok: true; value: R } | { ok: false; error: string };
