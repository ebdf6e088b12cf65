// Code passed to page.evaluate / worker.evaluate runs inside the browser, where the extension API is
// the global `chrome`. Typed loosely on purpose: these are test probes, not extension code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;
