// The index's record types: one device, every name it goes by, its specs, release timeline and rumors.
// This is the contract between the data in `data/`, the index builder, the matcher and the UI.
// Runtime validation of these shapes lives in `core/validate.ts`.

export const CATEGORIES = ['phone', 'tablet', 'watch', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * How a name relates to the device:
 * - official: the maker's marketing name (the record's `name` is always one, implicitly);
 * - regional: the name it is sold under in one region (`region` set);
 * - carrier: a carrier's own name or variant (`carrier` and usually `region` set);
 * - former: a name it was sold under earlier or dropped;
 * - rumored: a name used before launch by leaks or press that the maker never used;
 * - shorthand: common short form readers use once the full name is known ("S24 Ultra");
 * - codename: an internal codename ("Honami"); detected only with its brand in context;
 * - code: a model code ("SM-S928B", "D5503", "SO-02F").
 */
export const NAME_KINDS = ['official', 'regional', 'carrier', 'former', 'rumored', 'shorthand', 'codename', 'code'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export interface DeviceName {
  name: string;
  kind: NameKind;
  /** ISO 3166 alpha-2 region code ("JP", "US") or a wider region name ("EU", "global"). */
  region?: string;
  carrier?: string;
}

export const VARIANT_RELATIONS = ['carrier-variant', 'regional-sibling', 'successor', 'predecessor', 'sibling'] as const;
export type VariantRelation = (typeof VARIANT_RELATIONS)[number];

export interface VariantLink {
  /** Id of the other device. */
  id: string;
  /** What *this* device is to the other: `Xperia Z1s` is a `carrier-variant` of `Xperia Z1`. */
  relation: VariantRelation;
  note?: string;
}

/** A date as precisely as it is known: "2014", "2014-01" or "2014-01-22". */
export type PartialDate = string;

export const STATUSES = ['rumored', 'announced', 'released', 'cancelled', 'discontinued'] as const;
export type Status = (typeof STATUSES)[number];

export interface StatusEvent {
  status: Status;
  /** When it happened; absent when only the fact is known. */
  date?: PartialDate;
  /** Region the event applies to; absent means everywhere / first launch. */
  region?: string;
  /** True for a date that is expected, not yet happened (an announced device's release date). */
  expected?: boolean;
  /** Source id from the record's `sources`. */
  source?: string;
}

export const RUMOR_OUTCOMES = ['confirmed', 'wrong', 'partly', 'pending'] as const;
export type RumorOutcome = (typeof RUMOR_OUTCOMES)[number];

export interface RumorSource {
  publication: string;
  /** Only https: URLs are kept (validated). */
  url?: string;
  date?: PartialDate;
}

export interface Rumor {
  claim: string;
  source: RumorSource;
  confidence: 'low' | 'medium' | 'high';
  outcome: RumorOutcome;
  /** What actually happened, shown next to the claim. */
  outcomeNote?: string;
  /** When the outcome became known. */
  resolvedOn?: PartialDate;
}

export interface Specs {
  displayInches?: number;
  /** "1080x2340" (width x height in pixels). */
  displayResolution?: string;
  chipset?: string;
  /** Options in GB, smallest first. */
  ramGb?: number[];
  storageGb?: number[];
  /** Main (widest-use) rear camera in megapixels; other rear cameras in `rearCamerasMp`. */
  mainCameraMp?: number;
  rearCamerasMp?: number[];
  selfieCameraMp?: number;
  batteryMah?: number;
  /** OS at launch: "Android 4.2", "iOS 17", "watchOS 10". */
  osAtLaunch?: string;
  /** Height x width x depth in mm. */
  dimensionsMm?: [number, number, number];
  weightG?: number;
}

export type SpecKey = keyof Specs;

export interface Source {
  /** Short id used by `specSources`, status events and names: "sony-press", "gsmarena". */
  id: string;
  title: string;
  url?: string;
  licence?: string;
}

export interface Device {
  /** Stable, lowercase, dash-separated: "sony-xperia-z1-compact". Never reused. */
  id: string;
  brand: string;
  /** Marketing name without the brand: "Xperia Z1 Compact". */
  name: string;
  category: Category;
  /** Family or series: "Xperia Z", "Galaxy S". */
  family?: string;
  /** Every other name the device goes by (the marketing name itself need not be repeated). */
  names: DeviceName[];
  variants?: VariantLink[];
  specs?: Specs;
  /** Which source each spec came from (spec key -> source id); `*` for all not listed. */
  specSources?: Partial<Record<SpecKey | '*', string>>;
  /** Status timeline, oldest first. */
  status: StatusEvent[];
  rumors?: Rumor[];
  sources: Source[];
  /**
   * Set when the record's status moved back on purpose (an announcement that never happened, a release
   * that was withdrawn). Without it a feed that moves a status back is refused (core/feed.ts), so a broken
   * or replayed feed cannot quietly roll a device back and leave the reader's last note contradicting it.
   */
  statusCorrection?: StatusCorrection;
}

export interface StatusCorrection {
  /** The status that was wrong and is withdrawn ("announced" when the device is in fact still rumored). */
  withdrawn: Status;
  /** Why, in one sentence the reader is shown. */
  note: string;
  /** When the correction was made. */
  date?: PartialDate;
}

/** The index as built and shipped: devices plus a version that feeds compare against. */
export interface DeviceIndex {
  /** Format version of this structure; bumped when its shape changes. */
  format: 1;
  /** Monotonic data version (a positive integer): a feed older than or equal to the installed one is refused. */
  version: number;
  /** ISO date the index was built from its sources (not the build machine's clock: the newest source date). */
  builtFrom: string;
  devices: Device[];
}
