// The tests' way into the hover card. Its shadow root is closed, so neither page script nor Playwright's
// locators can reach it; the DevTools protocol can (DOM.describeNode with `pierce` lists closed roots).
// Every read runs in an isolated world of the probe's own, so a hostile page's overridden built-ins
// cannot fool it, and nothing is ever exposed to the page. Clicks are real input (page.mouse) at the
// control's centre, as the reader's would be.
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  localName?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const found = findNode(child, test);
    if (found) return found;
  }
  return null;
}

function attribute(node: DomNode, name: string): string | undefined {
  const list = node.attributes ?? [];
  for (let i = 0; i + 1 < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
}

export class CardProbe {
  private session: CDPSession | null = null;

  constructor(private readonly page: Page) {}

  private async cdp(): Promise<CDPSession> {
    this.session ??= await this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /**
   * Runs `fn(card, arg)` on the card's dialog element in a fresh isolated world; null when no card is
   * open. A new world per call: the page may have navigated or reloaded since the last one.
   */
  async read<T, A = undefined>(fn: (card: HTMLElement, arg: A) => T, arg?: A): Promise<T | null> {
    const cdp = await this.cdp();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'specscout-card-probe' });
    const host = await cdp.send('Runtime.evaluate', { expression: `document.querySelector('specscout-card')`, contextId: executionContextId });
    if (!host.result.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.result.objectId, depth: -1, pierce: true });
    const dialog = findNode(node as DomNode, (n) => attribute(n, 'role') === 'dialog');
    if (!dialog) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: dialog.backendNodeId, executionContextId });
    const reply = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    if (reply.exceptionDetails) throw new Error(`card probe: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return reply.result.value as T;
  }

  /** 1 while a card is open, else 0. */
  async count(): Promise<number> {
    return (await this.read(() => true)) ? 1 : 0;
  }

  attr(name: string): Promise<string | null> {
    return this.read((card, n) => card.getAttribute(n), name);
  }

  async text(): Promise<string> {
    return (await this.read((card) => card.innerText)) ?? '';
  }

  box(): Promise<CardBox | null> {
    return this.read((card) => {
      const r = card.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }

  /** Rendered and not hidden (checkVisibility), with a box of some size. */
  async visible(): Promise<boolean> {
    return (await this.read((card) => card.checkVisibility({ visibilityProperty: true, opacityProperty: true }) && card.getBoundingClientRect().height > 0)) === true;
  }

  /** True once the card's actions count: shown, unobscured and in place for the guard's minimum time. */
  async seen(): Promise<boolean> {
    return (await this.read((card) => card.hasAttribute('data-seen'))) === true;
  }

  /** Centre of the button or link whose accessible name (aria-label, else its shown text) is `name`, scrolled into view. */
  controlCentre(name: string): Promise<{ x: number; y: number } | null> {
    return this.read((card, wanted) => {
      const control = [...card.querySelectorAll<HTMLElement>('button, a[href]')].find(
        (el) => (el.getAttribute('aria-label') ?? el.innerText).trim() === wanted,
      );
      if (!control) return null;
      // The card scrolls when its record is long, as a reader would scroll it to reach the control.
      control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = control.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, name);
  }

  /** Names of the card's controls, as controlCentre reads them. */
  async controls(): Promise<string[]> {
    return (
      (await this.read((card) =>
        [...card.querySelectorAll<HTMLElement>('button, a[href]')].map((el) => (el.getAttribute('aria-label') ?? el.innerText).trim()),
      )) ?? []
    );
  }

  /** A real click (trusted input) on the control named `name`. */
  async click(name: string): Promise<void> {
    const at = await this.controlCentre(name);
    if (!at) throw new Error(`card probe: no control named "${name}" in ${JSON.stringify(await this.controls())}`);
    await this.page.mouse.click(at.x, at.y);
  }

  async screenshot(path: string): Promise<void> {
    const box = await this.box();
    if (!box) throw new Error('card probe: no card to photograph');
    await this.page.screenshot({ path, clip: box });
  }

  async close(): Promise<void> {
    await this.session?.detach().catch(() => undefined);
    this.session = null;
  }
}
