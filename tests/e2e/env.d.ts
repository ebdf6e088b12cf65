// Code passed to page.evaluate / worker.evaluate runs inside the browser, where the extension API is
// the global `chrome`. Typed loosely on purpose: these are test probes, not extension code.
declare const chrome: any;
