// "Report wrong data": the report a reader sends about one device's record (its id, the field and what
// they think is right), as the text of a new issue in the project's tracker. The tracker's address is
// fixed at build time (SPECSCOUT_REPORT_URL, read by wxt.config.ts); a build without one offers the
// text to copy. Nothing here sends anything: the reader's own click opens the prefilled page.

/** What the reader can say is wrong: the parts a record view and a card show. */
export const REPORT_FIELDS = ['name', 'status', 'dates', 'specs', 'other-names', 'rumors', 'other'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];

export interface DataReport {
  deviceId: string;
  /** Brand and marketing name, so the report reads without looking the id up. */
  deviceTitle: string;
  field: ReportField;
  /** What the reader thinks is right, and where they read it. */
  correction: string;
  /** The index version the reader saw, so a report about data already fixed can be told apart. */
  indexVersion?: number;
}

/** The longest correction kept: a tracker's prefilled URL must stay well under browsers' URL limits. */
export const MAX_CORRECTION = 2000;

export function reportTitle(report: DataReport): string {
  return `Wrong data: ${report.deviceTitle} (${report.deviceId}), ${report.field}`;
}

export function reportBody(report: DataReport): string {
  return [
    `Device id: ${report.deviceId}`,
    `Device: ${report.deviceTitle}`,
    `Field: ${report.field}`,
    ...(report.indexVersion !== undefined ? [`Index version: ${report.indexVersion}`] : []),
    '',
    'What I think is right (and where I read it):',
    report.correction.trim().slice(0, MAX_CORRECTION),
  ].join('\n');
}

/** The whole report as plain text, for a build without a tracker: the reader copies it. */
export function reportText(report: DataReport): string {
  return `${reportTitle(report)}\n\n${reportBody(report)}`;
}

/**
 * The tracker's "new issue" address with the report filled in (`title` and `body` query parameters, the
 * form GitHub, GitLab and Gitea accept). Parameters the configured address already carries (a template,
 * labels) are kept.
 */
export function reportUrl(base: string, report: DataReport): string {
  const url = new URL(base);
  url.searchParams.set('title', reportTitle(report));
  url.searchParams.set('body', reportBody(report));
  return url.toString();
}

/**
 * The tracker address from the build environment: an https URL without credentials, or undefined (no
 * tracker; the UI offers the text to copy). Anything else fails the build rather than shipping a link
 * that leaks the report over plain http or to a mistyped host.
 */
export function reportBaseFromEnv(env: Record<string, string | undefined>): string | undefined {
  const raw = env.SPECSCOUT_REPORT_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SPECSCOUT_REPORT_URL is not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol !== 'https:') throw new Error('SPECSCOUT_REPORT_URL must be an https address');
  if (url.username || url.password) throw new Error('SPECSCOUT_REPORT_URL must not carry credentials');
  return url.toString();
}
