// The issue tracker this build sends "Report wrong data" to (core/report.ts reportBaseFromEnv, read by
// wxt.config.ts at build time and compiled in as __SPECSCOUT_REPORT_URL__). Unit tests and builds without
// it get none, and the UI offers the report's text to copy instead.
declare const __SPECSCOUT_REPORT_URL__: string | undefined;

export function builtInReportUrl(): string | undefined {
  return typeof __SPECSCOUT_REPORT_URL__ === 'undefined' || __SPECSCOUT_REPORT_URL__ === '' ? undefined : __SPECSCOUT_REPORT_URL__;
}
