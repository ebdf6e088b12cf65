// The content script's life on one page: load settings, read the visible text, ask the worker which
// devices it names, mark them with the CSS Custom Highlight API, follow the page as it grows, and
// open the card on hover or on the keyboard command. Cleans up completely when the extension is
// reloaded or updated (ctx.onInvalidated) instead of throwing "Extension context invalidated".
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CardTarget, RejectScope } from '../../components/card/CardBody';
import { sendToBackground } from '../../utils/messaging';
import type { DetectionContext, DeviceSummary, Envelope, Reply, Settings, ToContent } from '../../utils/protocol';
import { CardHost } from './card-host';
import { collectText } from './collect';
import { HighlightStyle } from './highlight-style';
import { markAtPoint, markAtSelection } from './hit-test';
import { HoverIntent } from './hover-intent';
import { MarkStore, type Mark } from './marks';
import { publishedDate } from './published-date';
import { mentionRange } from './ranges';
import { isRejected, isSiteDisabled, siteForHost } from './site';
import { OWN_HOST } from './skip-rules';
import { createSlice } from './slicer';
import { TextMap } from './text-map';

/** How long the browser may defer a scan of new content when it is busy. */
const IDLE_TIMEOUT_MS = 500;
/** Longest wait for the page's first rendered frame before reading it anyway. */
const FIRST_FRAME_WAIT_MS = 1000;
/** Characters of page text per detect request (about 100 KB of UTF-16). */
const BATCH_CHARS = 50_000;
/**
 * A single text node longer than a batch goes whole up to this size (one request, one marking pass, as
 * the 5 MB node of tests/e2e hostile-heavy.html measures best), and in parts of this size beyond it: the
 * worker refuses requests over 6,000,000 characters (utils/protocol-validate.ts).
 */
const MAX_NODE_PART_CHARS = 5_000_000;
/** Least time between two scans of new content, so bursts of mutations go to the worker as one batch. */
const MIN_SCAN_GAP_MS = 250;
/** Longest pause between two tries to reach a worker that does not answer. */
const MAX_RETRY_PAUSE_MS = 5000;

const CONTENT_TYPES: readonly (keyof ToContent)[] = ['pageDevices', 'settingsChanged', 'openCardAtSelection'];

/** Elements whose taps belong to the page (they navigate or act), so a tap there opens no card. */
const TAP_OWNERS = 'a[href], button, input, select, textarea, label, summary, [role="button"], [role="link"]';

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class PageMarker {
  private settings: Settings | null = null;
  private store: MarkStore | null = null;
  private readonly style = new HighlightStyle();
  private observer: MutationObserver | null = null;
  /** Roots added or changed since the last scan; scanned together in idle time. */
  private readonly queue = new Set<Node>();
  private idleHandle: number | null = null;
  private waitHandle: number | null = null;
  private lastScanAt = -Infinity;
  private pruneNeeded = false;
  private scanning: Promise<void> = Promise.resolve();
  private context: DetectionContext | undefined;
  private readonly summaries = new Map<string, DeviceSummary>();
  private publishedAt: string | undefined;
  private readonly site = siteForHost(location.hostname);
  /** The URL the marks belong to; a location-change event without a new URL is ignored. */
  private href = location.href;
  private readonly card: CardHost;
  private readonly hover: HoverIntent<Mark>;
  private pointer: { x: number; y: number; overCard: boolean } | null = null;
  private frameRequested = false;
  private scrollFrameRequested = false;
  /** Bumped on every reset, so answers for a page that has since changed are dropped. */
  private generation = 0;
  /** When the script started and when highlights first appeared (read by the benchmark). */
  readonly timing: { start: number; firstMarks?: number } = { start: performance.now() };

  constructor(private readonly ctx: ContentScriptContext) {
    this.card = new CardHost(ctx, {
      load: (id) => sendToBackground('getDevice', this.publishedAt ? { id, at: this.publishedAt } : { id }),
      onReject: (target, scope) => void this.reject(target, scope),
      onOpenRecord: (id, section) => {
        // One record tab per card open: the card closes as its tab opens (the worker bounds tabs per minute too).
        this.hover.hide();
        void sendToBackground('openRecord', { id, ...(section ? { section } : {}) }).catch(() => undefined);
      },
      onCloseRequest: () => this.hover.hide(),
    });
    this.hover = new HoverIntent<Mark>({
      delayMs: 300,
      open: (mark) => {
        void this.card.show(this.targetOf(mark), mark.range, { focus: false, pointerY: this.pointer?.y });
      },
      close: () => this.card.hide(),
    });
  }

  start(): void {
    performance.mark('specscout:start');
    const onMessage = (message: unknown) => this.onMessage(message);
    browser.runtime.onMessage.addListener(onMessage);
    this.ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      this.deactivate();
      this.hover.dispose();
      this.card.dispose();
    });
    this.ctx.addEventListener(window, 'wxt:locationchange', () => this.restart());
    // Registered once and inert while marking is off (no store); ctx removes them on invalidation.
    // Only the reader's own input counts: page script can dispatch pointer and key events at will
    // (isTrusted is false for those), and must not open, keep or close the card.
    const passive = { passive: true, capture: true };
    this.ctx.addEventListener(document, 'pointermove', (e: PointerEvent) => {
      if (e.isTrusted) this.onPointer(e);
    }, passive);
    this.ctx.addEventListener(document, 'pointerout', (e: PointerEvent) => {
      // A finger lifted leaves with no related target too; that is not the pointer moving away.
      if (e.isTrusted && e.relatedTarget === null && e.pointerType !== 'touch' && this.store) this.hover.update(null);
    }, passive);
    // Up, not down: a touch that becomes a scroll is cancelled and gets no pointerup.
    this.ctx.addEventListener(document, 'pointerup', (e: PointerEvent) => this.onTap(e), passive);
    this.ctx.addEventListener(window, 'scroll', () => this.onScroll(), passive);
    this.ctx.addEventListener(window, 'resize', () => this.onScroll(), passive);
    this.ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
      if (e.isTrusted && e.key === 'Escape' && this.card.isOpen) this.hover.hide();
    }, { capture: true });
    void this.loadSettings();
  }

  private async loadSettings(): Promise<void> {
    // A worker that is starting (or installing the index on first run) may not answer at once; keep
    // asking with a growing pause rather than giving up on the page.
    for (let attempt = 0; this.ctx.isValid; attempt++) {
      try {
        this.applySettings(await sendToBackground('getSettings', {}));
        return;
      } catch {
        if (this.ctx.isInvalid) return;
        await delay(Math.min(250 * 2 ** attempt, MAX_RETRY_PAUSE_MS));
      }
    }
  }

  private applySettings(settings: Settings): void {
    this.settings = settings;
    this.hover.delayMs = settings.hoverDelayMs;
    if (isSiteDisabled(location.hostname, settings)) {
      this.deactivate();
      return;
    }
    this.style.apply(settings.markStyle);
    if (settings.markStyle === 'off') this.hover.hide();
    if (!this.store) {
      this.activate();
      return;
    }
    const removed = this.store.removeWhere((m) => isRejected(this.site, m.mention.deviceId, settings));
    if (removed > 0 && this.hover.current && !this.store.all().includes(this.hover.current)) this.hover.hide();
  }

  private activate(): void {
    this.store = new MarkStore();
    this.publishedAt = publishedDate();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    const generation = this.generation;
    void this.afterRender().then(() => {
      if (generation === this.generation && this.store) this.enqueue(document.body ?? document.documentElement);
    });
  }

  /**
   * Resolves once the page has rendered a frame: reading visibility before that would force the
   * browser to compute a big page's style inside our task. A hidden tab renders no frames, so it
   * gives up waiting after a second.
   */
  private afterRender(): Promise<void> {
    return new Promise((resolve) => {
      this.ctx.requestAnimationFrame(() => this.ctx.setTimeout(resolve, 0));
      this.ctx.setTimeout(resolve, FIRST_FRAME_WAIT_MS);
    });
  }

  /** Stops marking: highlights, style and observer gone; listeners stay inert until activated again. */
  private deactivate(): void {
    this.generation++;
    this.hover.hide();
    this.observer?.disconnect();
    this.observer = null;
    this.queue.clear();
    if (this.idleHandle !== null) cancelIdleCallback(this.idleHandle);
    if (this.waitHandle !== null) clearTimeout(this.waitHandle);
    this.idleHandle = null;
    this.waitHandle = null;
    this.store?.dispose();
    this.store = null;
    this.style.dispose();
    this.context = undefined;
  }

  /** SPA navigation: a new article in the same document. */
  private restart(): void {
    // The event's name is public (it only carries the extension id): a page can fire it at will, so only
    // an actual change of URL counts as a navigation (tests/e2e/hostile.e2e.ts).
    if (location.href === this.href) return;
    this.href = location.href;
    if (!this.store || !this.settings) return;
    const settings = this.settings;
    this.deactivate();
    this.summaries.clear();
    this.applySettings(settings);
  }

  // ---- Reading and marking -------------------------------------------------------------------

  private onMutations(records: MutationRecord[]): void {
    // Only queue here; the scan happens in idle time so a busy page is never slowed by the observer.
    for (const record of records) {
      if (record.type === 'characterData') {
        this.queue.add(record.target);
      } else {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === OWN_HOST) continue;
          if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) this.queue.add(node);
        }
        if (record.removedNodes.length > 0) this.pruneNeeded = true;
      }
    }
    this.scheduleScan();
  }

  private enqueue(root: Node): void {
    this.queue.add(root);
    this.scheduleScan();
  }

  private scheduleScan(): void {
    if (this.idleHandle !== null || this.waitHandle !== null || (this.queue.size === 0 && !this.pruneNeeded)) return;
    // A page that changes all the time (a ticker, a clock) is batched: at most one scan per gap.
    const wait = this.lastScanAt + MIN_SCAN_GAP_MS - performance.now();
    if (wait > 0) {
      this.waitHandle = this.ctx.setTimeout(() => {
        this.waitHandle = null;
        this.scheduleScan();
      }, wait);
      return;
    }
    this.idleHandle = this.ctx.requestIdleCallback(
      () => {
        this.idleHandle = null;
        this.lastScanAt = performance.now();
        this.scanning = this.scanning.then(() => this.scanQueued()).catch((error: unknown) => {
          if (this.ctx.isValid) console.debug('SpecScout: scanning failed', error);
        });
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  }

  private async scanQueued(): Promise<void> {
    const store = this.store;
    if (!store || this.ctx.isInvalid) return;
    const generation = this.generation;
    if (this.pruneNeeded) {
      this.pruneNeeded = false;
      store.prune();
      if (this.hover.current && !store.all().includes(this.hover.current)) this.hover.hide();
    }
    this.style.ensureAdopted();
    const roots = topmost([...this.queue]);
    this.queue.clear();
    // At the cap nothing new would be marked, so reading and sending more text is wasted work.
    if (roots.length === 0 || store.full) return;
    // A text node whose characters changed loses its marks and is read again.
    for (const root of roots) for (const mark of store.onNode(root)) store.remove(mark);
    const reading = createSlice('read');
    const map = await collectText(roots, new TextMap<Text>(), reading);
    reading.end();
    if (map.length === 0 || generation !== this.generation || this.ctx.isInvalid) return;
    // Big pages go to the worker in batches: each reply is small enough to receive and mark without a
    // long task, and the first marks appear before the whole page is done.
    for (const batch of map.split(BATCH_CHARS, MAX_NODE_PART_CHARS)) {
      if (store.full) break;
      const reply = await this.detect(batch.text);
      if (!reply || generation !== this.generation || this.ctx.isInvalid || this.store !== store) return;
      this.context = reply.context;
      for (const summary of reply.summaries) this.summaries.set(summary.id, summary);
      const settings = this.settings;
      // A fresh slice: the time spent waiting for the worker was not ours.
      const slice = createSlice('mark');
      for (const mention of reply.mentions) {
        if (store.full) break;
        if (settings && isRejected(this.site, mention.deviceId, settings)) continue;
        const range = mentionRange(batch, mention);
        if (range) store.add(range, mention);
        if (slice.due()) await slice.next();
        if (generation !== this.generation) return;
      }
      slice.end();
      this.noteFirstMarks(store);
    }
    // Mutations that arrived while the worker was answering are scanned next, in idle time.
    this.scheduleScan();
  }

  private noteFirstMarks(store: MarkStore): void {
    if (store.size > 0 && this.timing.firstMarks === undefined) {
      this.timing.firstMarks = performance.now();
      // User Timing entries live in the page's one performance timeline (shared by the isolated and
      // main worlds) and change nothing in its DOM: the benchmark and e2e tests read them.
      performance.mark('specscout:marked');
    }
  }

  private async detect(text: string) {
    const request = {
      text,
      // The worker refuses longer fields (protocol-validate.ts); these never matter past that length.
      url: location.href.slice(0, 4096),
      title: document.title.slice(0, 1000),
      ...(this.context ? { context: this.context } : {}),
      ...(this.publishedAt ? { publishedAt: this.publishedAt } : {}),
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.ctx.isInvalid) return null;
      try {
        return await sendToBackground('detect', request);
      } catch (error) {
        if (this.ctx.isInvalid) return null;
        if (attempt === 2) throw error;
        await delay(300 * 2 ** attempt);
      }
    }
    return null;
  }

  // ---- Card ----------------------------------------------------------------------------------

  private targetOf(mark: Mark): CardTarget {
    return { mention: mark.mention, summary: this.summaries.get(mark.mention.deviceId) };
  }

  private onPointer(event: PointerEvent): void {
    // With marks styled "off" nothing on the page looks hoverable, so hovering opens nothing either;
    // the keyboard command and the popup still reach the (invisible) marks. A finger has no hover: taps
    // are handled by onTap.
    if (!this.store || this.settings?.markStyle === 'off' || event.pointerType === 'touch') return;
    this.pointer = { x: event.clientX, y: event.clientY, overCard: this.card.containsEvent(event) };
    if (this.frameRequested) return;
    this.frameRequested = true;
    // Hit-testing once per frame keeps a fast-moving pointer cheap.
    this.ctx.requestAnimationFrame(() => {
      this.frameRequested = false;
      const pointer = this.pointer;
      const store = this.store;
      if (!pointer || !store) return;
      if (pointer.overCard) return this.hover.update(null, true);
      this.hover.update(markAtPoint(store, pointer.x, pointer.y));
    });
  }

  /**
   * Touch screens (Firefox for Android) have no hover: a tap on a marked name opens its card at once, a
   * tap anywhere else but the card closes it. Taps inside the card are its own buttons' business, and a
   * tap on a link or control is the page's: a linked name follows its link rather than flashing a card.
   */
  private onTap(event: PointerEvent): void {
    // A tap the page made up (untrusted) opens nothing, as a made-up hover does not.
    if (!event.isTrusted || event.pointerType !== 'touch' || !this.store || this.settings?.markStyle === 'off') return;
    if (this.card.containsEvent(event)) return;
    if (event.target instanceof Element && event.target.closest(TAP_OWNERS)) return;
    this.pointer = { x: event.clientX, y: event.clientY, overCard: false };
    const mark = markAtPoint(this.store, event.clientX, event.clientY);
    if (mark) this.hover.openNow(mark);
    else this.hover.hide();
  }

  private onScroll(): void {
    if (!this.card.isOpen || this.scrollFrameRequested) return;
    this.scrollFrameRequested = true;
    this.ctx.requestAnimationFrame(() => {
      this.scrollFrameRequested = false;
      if (!this.card.reposition()) this.hover.hide();
    });
  }

  private openAtSelection(): boolean {
    const store = this.store;
    if (!store) return false;
    const mark = markAtSelection(store, document.getSelection());
    if (!mark) return false;
    this.hover.shownBy(mark);
    void this.card.show(this.targetOf(mark), mark.range, { focus: true });
    return true;
  }

  private async reject(target: CardTarget, scope: RejectScope): Promise<void> {
    const deviceId = target.mention.deviceId;
    this.hover.hide();
    if (scope === 'site') {
      if (this.settings) this.settings = { ...this.settings, disabledSites: [...this.settings.disabledSites, this.site] };
      this.deactivate();
    } else {
      if (this.settings) this.settings = { ...this.settings, rejectedMatches: [...this.settings.rejectedMatches, `${this.site}|${deviceId}`] };
      this.store?.removeWhere((m) => m.mention.deviceId === deviceId);
    }
    await sendToBackground('rejectMatch', { site: this.site, deviceId, matchedName: target.mention.matchedName, scope }).catch(
      (error: unknown) => console.debug('SpecScout: the rejection was not saved', error),
    );
  }

  // ---- Messages from the popup and the worker ------------------------------------------------

  private onMessage(message: unknown): Promise<Reply<unknown>> | undefined {
    if (typeof message !== 'object' || message === null) return undefined;
    const envelope = message as Partial<Envelope>;
    if (envelope.specscout !== 1 || !CONTENT_TYPES.includes(envelope.type as keyof ToContent)) return undefined;
    return Promise.resolve()
      .then(() => this.answer(envelope.type as keyof ToContent, envelope.data))
      .then(
        (value): Reply<unknown> => ({ ok: true, value }),
        (error: unknown): Reply<unknown> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  }

  private answer(type: keyof ToContent, data: unknown): ToContent[keyof ToContent]['res'] {
    switch (type) {
      case 'pageDevices':
        return this.pageDevices();
      case 'settingsChanged': {
        const settings = (data as { settings?: Settings } | undefined)?.settings;
        if (!settings || !Array.isArray(settings.disabledSites) || !Array.isArray(settings.rejectedMatches)) {
          throw new Error('settingsChanged: no settings');
        }
        this.applySettings(settings);
        return { ok: true };
      }
      case 'openCardAtSelection':
        return { opened: this.openAtSelection() };
    }
  }

  pageDevices(): ToContent['pageDevices']['res'] {
    const ids: string[] = [];
    const seen = new Set<string>();
    for (const mark of this.store?.ordered() ?? []) {
      const id = mark.mention.deviceId;
      if (!seen.has(id)) {
        seen.add(id);
        ids.push(id);
      }
    }
    const summaries = ids.map((id) => this.summaries.get(id)).filter((s): s is DeviceSummary => s !== undefined);
    return { url: location.href, ids, summaries };
  }
}

/** Drops roots inside other roots (one walk covers them) and roots that left the document. */
function topmost(nodes: Node[]): Node[] {
  const set = new Set(nodes.filter((n) => n.isConnected));
  return [...set].filter((node) => {
    for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
    return true;
  });
}

export function startPage(ctx: ContentScriptContext): PageMarker {
  const marker = new PageMarker(ctx);
  marker.start();
  return marker;
}
