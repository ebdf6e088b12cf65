// Page-level styles for the popup and the options page (layout, tabs, switches, states), on top of
// the shared device styles (components/device/styles.ts), whose colour variables and dark theme they use.
import { DEVICE_CSS } from '../device/styles';

const APP_CSS = `
html, body { margin: 0; padding: 0; }
body.ss-root { min-height: 100vh; }
.app { padding: 10px 12px 12px; }
.app-popup { min-width: 360px; max-width: 620px; }
.app-options { max-width: 760px; margin: 0 auto; padding: 16px 20px 40px; }
.app-options h1 { font-size: 20px; line-height: 26px; margin-bottom: 4px; }
.app-options h2 { font-size: 16px; line-height: 22px; margin-top: 6px; }
.app-options nav ul { display: flex; gap: 12px; flex-wrap: wrap; list-style: none; padding: 0; margin: 6px 0 10px; }
.app-sites { columns: 2; column-gap: 24px; }
.app-sites li { break-inside: avoid; }
.app-radio { display: flex; gap: 14px; flex-wrap: wrap; border: 0; padding: 0; margin: 4px 0; }
.app-radio legend { padding: 0; margin-bottom: 4px; }
.app-radio label, .app-checks label { display: inline-flex; gap: 5px; align-items: center; }
.app-checks { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 16px; border: 0; padding: 0; margin: 4px 0; }
.app-dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0; }
.app-dl dt { color: var(--ss-muted); }
.app-dl dd { margin: 0; }
kbd { font-family: ui-monospace, monospace; background: var(--ss-chip); border: 1px solid var(--ss-line); border-radius: 4px; padding: 0 4px; }

.app h1 { font-size: 15px; line-height: 20px; margin: 0; }
.app h2 { font-size: 14px; line-height: 18px; margin: 0 0 6px; }
.app h3 { font-size: 13px; line-height: 18px; margin: 8px 0 4px; }
.app-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 8px; }
.app-header-actions { display: flex; gap: 8px; align-items: center; }
.app-tablist { display: flex; gap: 2px; border-bottom: 1px solid var(--ss-line); margin-bottom: 8px; }
.app-tab {
  font: inherit; background: none; border: 0; border-bottom: 2px solid transparent; color: var(--ss-muted);
  padding: 6px 10px; cursor: pointer; margin-bottom: -1px;
}
.app-tab[aria-selected="true"] { color: var(--ss-fg); border-bottom-color: var(--ss-accent); font-weight: 600; }
.app-tab:focus-visible, .app-tabpanel:focus-visible, .app input:focus-visible, .app select:focus-visible {
  outline: 2px solid var(--ss-accent); outline-offset: 1px;
}
.app-tab-badge { margin-left: 5px; background: var(--ss-accent); color: var(--ss-accent-fg); border-radius: 8px; padding: 0 5px; font-size: 11px; }
.app-tabpanel:focus { outline: none; }
.app-list { list-style: none; margin: 0; padding: 0; }
.app-device { padding: 8px 0; border-top: 1px solid var(--ss-line); display: grid; grid-template-columns: 1fr auto; gap: 4px 8px; }
.app-device:first-child { border-top: 0; }
.app-device-title { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; }
.app-device-name { font-weight: 600; }
.app-device-actions { display: flex; gap: 6px; align-items: start; grid-row: span 2; flex-direction: column; align-items: end; }
.app-device-meta { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; font-size: 12px; }
.app-check { display: inline-flex; gap: 4px; align-items: center; font-size: 12px; color: var(--ss-muted); }
.app-state { padding: 14px 4px; text-align: center; }
.app-state-title { font-weight: 600; margin-bottom: 4px; }
.app-state .ss-button { margin-top: 8px; }
.app-error-detail { font-family: ui-monospace, monospace; font-size: 11px; color: var(--ss-muted); overflow-wrap: anywhere; }
.app-spinner {
  display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: -2px;
  border: 2px solid var(--ss-line); border-top-color: var(--ss-accent); border-radius: 50%;
  animation: app-spin 0.8s linear infinite;
}
@keyframes app-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .app-spinner { animation: none; } }
.app-toggle-row { display: flex; justify-content: space-between; align-items: center; gap: 12px; padding: 6px 0; }
.app-toggle-text { display: flex; flex-direction: column; }
.app-toggle-desc { font-size: 12px; }
.app-toggle {
  position: relative; flex: none; width: 36px; height: 20px; border-radius: 10px; cursor: pointer; padding: 0; margin: 0;
  border: 1px solid var(--ss-muted); background: var(--ss-chip);
}
.app-toggle-knob {
  position: absolute; top: 2px; left: 2px; width: 14px; height: 14px; border-radius: 50%; background: var(--ss-muted);
  transition: left 0.12s;
}
.app-toggle[aria-checked="true"] { background: var(--ss-accent); border-color: var(--ss-accent); }
.app-toggle[aria-checked="true"] .app-toggle-knob { left: 18px; background: var(--ss-accent-fg); }
.app-toggle:focus-visible { outline: 2px solid var(--ss-accent); outline-offset: 2px; }
.app-toggle[disabled] { opacity: 0.5; cursor: default; }
.app input[type="search"], .app input[type="text"], .app input[type="url"], .app input[type="number"], .app select {
  font: inherit; color: var(--ss-fg); background: var(--ss-bg); border: 1px solid var(--ss-muted); border-radius: 6px; padding: 5px 8px;
}
/* Chromium's own placeholder grey (#757575) is 3.5:1 on the dark background; muted is 4.5:1 or more on both. */
.app input::placeholder { color: var(--ss-muted); opacity: 1; }
.app input[type="search"] { width: 100%; }
.app-field { display: flex; flex-direction: column; gap: 3px; margin: 6px 0; }
.app-row { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
form.app-row { align-items: flex-end; }
form.app-row .app-field { margin-bottom: 0; }
form.app-row .ss-button { padding: 6px 12px; }
.app-compare-bar {
  position: sticky; bottom: 0; background: var(--ss-bg); border-top: 1px solid var(--ss-line);
  padding: 6px 0; display: flex; justify-content: space-between; align-items: center; gap: 8px;
}
.app-section { padding: 10px 0; border-top: 1px solid var(--ss-line); }
.app-section:first-of-type { border-top: 0; }
/* Fixed layout: three devices and their labels share the 400 px popup, long values wrap, nothing scrolls sideways. */
.app-compare { border-collapse: collapse; width: 100%; table-layout: fixed; }
.app-compare-corner { width: 26%; }
.app-compare th, .app-compare td { text-align: left; padding: 4px 5px; border-bottom: 1px solid var(--ss-line); vertical-align: top; overflow-wrap: anywhere; }
.app-compare thead th { font-size: 13px; }
.app-compare tbody th { color: var(--ss-muted); font-weight: 400; }
.app-better { white-space: nowrap; }
.app-compare .app-diff { background: var(--ss-rumored-bg); color: var(--ss-fg); font-weight: 600; }
.app-legend { font-size: 12px; margin: 6px 0; }
.app-legend-swatch { display: inline-block; width: 10px; height: 10px; background: var(--ss-rumored-bg); border: 1px solid var(--ss-rumored); margin-right: 4px; vertical-align: -1px; }
.app-changes { margin: 2px 0 0; padding-left: 16px; font-size: 12px; }
.app-changes li { list-style: disc; }
.app-reading li { padding: 4px 0; border-top: 1px solid var(--ss-line); }
.app-reading li:first-child { border-top: 0; }
.app-small { font-size: 12px; }
.app-notice { font-size: 12px; padding: 6px 8px; border-radius: 6px; background: var(--ss-chip); margin: 6px 0; }
.app-import-review { border: 1px solid var(--ss-line); border-radius: 8px; padding: 8px 12px; margin: 8px 0; }
.app-import-review h4 { margin: 0 0 6px; font-size: 14px; }
.app-import-feeds { border-left: 3px solid var(--ss-rumored); background: var(--ss-rumored-bg); padding: 4px 8px; margin: 6px 0; }
.app-import-change { padding: 4px 0; }
.app-import-review .app-changes { padding-left: 20px; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;

/** Everything the popup and the options page need, as one stylesheet. */
export const PAGE_CSS = DEVICE_CSS + APP_CSS;
