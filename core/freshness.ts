// How fresh the reader's data is, for the card, popup and options: the date the data is known good as of,
// and a plain warning with its reason when no update has succeeded for STALE_AFTER_DAYS or the signed
// feed's manifest has expired. Pure: `now` and what the updater recorded are passed in.

/** Days without a successful update after which the reader is warned that statuses may be out of date. */
export const STALE_AFTER_DAYS = 30;
const DAY_MS = 86_400_000;

export interface FreshnessInput {
  now: Date;
  /** The installed index's builtFrom (YYYY-MM-DD): the newest fact it holds. */
  builtFrom: string;
  /** Whether the build has a signed update source, or the reader added feeds. */
  hasSource: boolean;
  /** Last time a check succeeded (ISO). */
  lastSuccess?: string;
  /** When the data was last confirmed current: the verified manifest's build time (ISO). */
  confirmedAt?: string;
  /** The verified manifest's expiry (ISO). */
  expires?: string;
  /** The last failed check's message, when the last check failed. */
  lastFailure?: string;
  /** The browser reports being offline. */
  offline?: boolean;
}

export interface Freshness {
  /** YYYY-MM-DD the data is known good as of. */
  dataAsOf: string;
  warning?: { kind: 'expired' | 'stale'; reason: string };
}

/** A failure message in the reader's words: offline, feed unreachable, signature refused, or as it was. */
export function failureReason(message: string | undefined, offline: boolean): string {
  if (offline) return 'this browser is offline';
  if (message === undefined) return 'no update has been checked yet';
  if (/unreachable|could not fetch|Failed to fetch/i.test(message)) return 'the update feed could not be reached';
  if (/signature refused/i.test(message)) return 'the update feed\u2019s signature was refused';
  return `the last update failed (${message})`;
}

export function freshness(input: FreshnessInput): Freshness {
  const confirmed = input.confirmedAt?.slice(0, 10);
  const dataAsOf = confirmed && confirmed > input.builtFrom ? confirmed : input.builtFrom;
  const now = input.now.getTime();
  if (input.expires && Date.parse(input.expires) <= now) {
    return { dataAsOf, warning: { kind: 'expired', reason: `the update feed\u2019s manifest expired on ${input.expires.slice(0, 10)}, so this data is unconfirmed` } };
  }
  // Fresh when a check succeeded lately, or the data itself is recent (a new install, a new build).
  const lastGood = Math.max(input.lastSuccess ? Date.parse(input.lastSuccess) : 0, Date.parse(`${dataAsOf}T00:00:00Z`));
  if (now - lastGood <= STALE_AFTER_DAYS * DAY_MS) return { dataAsOf };
  const reason = input.hasSource ? failureReason(input.lastFailure, input.offline ?? false) : 'this build has no update source, so the data only changes with the extension';
  return { dataAsOf, warning: { kind: 'stale', reason: `no update for more than ${STALE_AFTER_DAYS} days: ${reason}` } };
}

/** "3 Dec 2026" from "2026-12-03" (English month abbreviations; the UI text around it is translated). */
export function formatDataDate(date: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return `${d} ${months[m - 1]} ${y}`;
}
