// The card's own layout on top of the shared device styles; px only, so the host page cannot reach it.
import { DEVICE_CSS } from '../device/styles';

export const CARD_CSS = `${DEVICE_CSS}
.ss-card {
  /* A popover in the top layer: its UA defaults (inset 0, auto margins) give way to the placed left/top. */
  position: fixed;
  inset: auto;
  margin: 0;
  z-index: 2147483647;
  width: 340px;
  max-height: min(520px, calc(100vh - 16px));
  overflow: auto;
  padding: 12px 14px;
  border: 1px solid var(--ss-line);
  border-radius: 10px;
  box-shadow: var(--ss-shadow);
  outline: none;
}
/* A phone narrower than the card (370 px with padding and border) and its margins (position.ts
   EDGE_MARGIN): the card takes the screen's width less the margins. */
@media (max-width: 386px) {
  .ss-card { box-sizing: border-box; width: calc(100vw - 16px); }
}
.ss-card:focus-visible { outline: 2px solid var(--ss-accent); outline-offset: 0; }
.ss-card-head { display: flex; align-items: flex-start; gap: 8px; }
.ss-card-titles { flex: 1; min-width: 0; }
.ss-card-name { font-size: 16px; line-height: 21px; font-weight: 700; }
.ss-card-close {
  font: inherit; font-size: 16px; line-height: 16px; width: 24px; height: 24px; border-radius: 6px; padding: 0; margin: 0;
  border: 0; background: transparent; color: var(--ss-muted); cursor: pointer;
}
.ss-card-close:hover { background: var(--ss-chip); color: var(--ss-fg); }
.ss-card-status { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
.ss-card-then-now { margin-top: 6px; font-size: 12px; }
.ss-card-matched { margin-top: 4px; font-size: 12px; color: var(--ss-muted); }
.ss-card-actions { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin-top: 12px; padding-top: 10px; border-top: 1px solid var(--ss-line); }
.ss-card-state { padding: 6px 0; color: var(--ss-muted); }
`;
