// The stylesheet shared by the hover card and the popup, as a string: the card injects it into its
// shadow root, the popup into its document. Every length is in px so neither the page's CSS nor its
// root font size can resize it; light and dark follow prefers-color-scheme.

export const DEVICE_CSS = `
.ss-root {
  --ss-bg: #ffffff;
  --ss-fg: #1b1d21;
  --ss-muted: #5b6270;
  --ss-line: #e1e4ea;
  --ss-accent: #1a56c4;
  --ss-accent-fg: #ffffff;
  --ss-chip: #f1f3f7;
  --ss-shadow: 0 8px 28px rgba(15, 20, 30, 0.18), 0 1px 3px rgba(15, 20, 30, 0.12);
  --ss-rumored: #8a5a00;   --ss-rumored-bg: #fff3d6;
  --ss-announced: #1a56c4; --ss-announced-bg: #e3ecfc;
  --ss-released: #176b38;  --ss-released-bg: #dff3e6;
  --ss-cancelled: #a3231b; --ss-cancelled-bg: #fde3e1;
  --ss-discontinued: #4c5260; --ss-discontinued-bg: #eceef2;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 13px;
  line-height: 18px;
  color: var(--ss-fg);
  background: var(--ss-bg);
  text-align: left;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
}
@media (prefers-color-scheme: dark) {
  .ss-root {
    --ss-bg: #1e2127;
    --ss-fg: #e8eaef;
    --ss-muted: #a4abb8;
    --ss-line: #343944;
    --ss-accent: #8ab4ff;
    --ss-accent-fg: #0f1218;
    --ss-chip: #2a2e37;
    --ss-shadow: 0 8px 28px rgba(0, 0, 0, 0.55), 0 1px 3px rgba(0, 0, 0, 0.4);
    --ss-rumored: #ffd27a;   --ss-rumored-bg: #4a3a12;
    --ss-announced: #a9c7ff; --ss-announced-bg: #1f3358;
    --ss-released: #8fe0ac;  --ss-released-bg: #1b4129;
    --ss-cancelled: #ffaba4; --ss-cancelled-bg: #552420;
    --ss-discontinued: #c9ced8; --ss-discontinued-bg: #3a3f4a;
  }
}
.ss-root *, .ss-root *::before, .ss-root *::after { box-sizing: border-box; }
.ss-root h2, .ss-root h3, .ss-root p, .ss-root ul, .ss-root ol, .ss-root dl, .ss-root dd { margin: 0; padding: 0; }
.ss-root ul, .ss-root ol { list-style: none; }
.ss-root a { color: var(--ss-accent); text-decoration: underline; }
.ss-root a:focus-visible, .ss-root button:focus-visible, .ss-root [tabindex]:focus-visible {
  outline: 2px solid var(--ss-accent);
  outline-offset: 2px;
}
.ss-muted { color: var(--ss-muted); }
.ss-section { margin-top: 10px; }
.ss-section-title {
  font-size: 11px; line-height: 14px; font-weight: 600; text-transform: uppercase;
  letter-spacing: 0.4px; color: var(--ss-muted); margin-bottom: 4px;
}
.ss-badge {
  display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 12px; line-height: 16px;
  font-weight: 600; white-space: nowrap;
}
.ss-badge-rumored { color: var(--ss-rumored); background: var(--ss-rumored-bg); }
.ss-badge-announced { color: var(--ss-announced); background: var(--ss-announced-bg); }
.ss-badge-released { color: var(--ss-released); background: var(--ss-released-bg); }
.ss-badge-cancelled { color: var(--ss-cancelled); background: var(--ss-cancelled-bg); }
.ss-badge-discontinued { color: var(--ss-discontinued); background: var(--ss-discontinued-bg); }
.ss-badge-unknown { color: var(--ss-muted); background: var(--ss-chip); }
.ss-outcome { font-size: 11px; padding: 0 6px; line-height: 15px; }
.ss-outcome-confirmed { color: var(--ss-released); background: var(--ss-released-bg); }
.ss-outcome-wrong { color: var(--ss-cancelled); background: var(--ss-cancelled-bg); }
.ss-outcome-partly { color: var(--ss-rumored); background: var(--ss-rumored-bg); }
.ss-outcome-pending { color: var(--ss-discontinued); background: var(--ss-discontinued-bg); }
.ss-chips { display: flex; flex-wrap: wrap; gap: 4px; }
.ss-chip { background: var(--ss-chip); border-radius: 4px; padding: 1px 6px; font-size: 12px; line-height: 17px; }
.ss-spec-table { display: grid; grid-template-columns: max-content 1fr; column-gap: 10px; row-gap: 2px; }
.ss-spec-table dt { color: var(--ss-muted); }
.ss-spec-table dd { overflow-wrap: anywhere; }
.ss-names li { margin: 1px 0; }
.ss-name-kind { color: var(--ss-muted); font-size: 12px; }
.ss-rumors li { padding: 5px 0; border-top: 1px solid var(--ss-line); }
.ss-rumors li:first-child { border-top: 0; padding-top: 0; }
.ss-rumor-meta { color: var(--ss-muted); font-size: 12px; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 2px; }
.ss-rumor-note { font-size: 12px; margin-top: 2px; }
.ss-timeline li { display: flex; gap: 8px; align-items: baseline; margin: 2px 0; }
.ss-timeline-date { color: var(--ss-muted); font-variant-numeric: tabular-nums; min-width: 78px; }
.ss-timeline-expected { font-style: italic; }
/* Buttons are scoped under .ss-root so they outrank ".ss-root a": a link drawn as a button keeps the
   button's colours (the primary one was accent text on accent). Their edge is --ss-muted, 3:1 or more
   against every background they sit on (WCAG 1.4.11), as the inputs' and switches' edges are. */
.ss-root .ss-button {
  font: inherit; font-size: 12px; line-height: 16px; padding: 4px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--ss-muted); background: var(--ss-chip); color: var(--ss-fg); margin: 0; text-decoration: none;
}
.ss-root a.ss-button { display: inline-block; }
.ss-root .ss-button:hover { border-color: var(--ss-accent); }
.ss-root .ss-button[disabled] { opacity: 0.6; cursor: default; }
.ss-follow { display: inline-grid; }
.ss-follow > span { grid-area: 1 / 1; }
.ss-follow > .ss-follow-spare { visibility: hidden; }
.ss-root .ss-button-primary { background: var(--ss-accent); color: var(--ss-accent-fg); border-color: var(--ss-accent); }
.ss-link-button { font: inherit; font-size: 12px; background: none; border: 0; padding: 0; margin: 0; color: var(--ss-accent); text-decoration: underline; cursor: pointer; }
`;
