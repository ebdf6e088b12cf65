// The worker's message gate: only this extension's own contexts are answered, only well-shaped messages
// reach a handler, and every refusal is counted in the meta store in batches (never a write per message).
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { closeDB, getDB } from '../../utils/db';
import { RefusalCounter, REFUSED_KEY, registerRouter, type Handlers, type RefusedCount } from '../../entrypoints/background/router';

const OWN: Browser.runtime.MessageSender = { id: fakeBrowser.runtime.id, url: 'https://www.gsmarena.com/news.php', tab: { id: 3 } as Browser.tabs.Tab };

/** Handlers that only record that they ran: whatever reaches them got past the gate. */
function recordingHandlers(calls: string[]): Handlers {
  return new Proxy({} as Handlers, {
    get: (_target, type: string) => (data: unknown) => {
      calls.push(type);
      return type === 'ping' ? { version: '1', indexVersion: 1 } : data;
    },
  });
}

async function send(message: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((a) => a !== undefined);
}

async function refusedRow(): Promise<RefusedCount | undefined> {
  return (await (await getDB()).get('meta', REFUSED_KEY))?.value as RefusedCount | undefined;
}

beforeEach(async () => {
  await closeDB();
});

describe('the message gate', () => {
  it('answers a well-formed message from its own content script', async () => {
    const calls: string[] = [];
    registerRouter(recordingHandlers(calls), {}, new RefusalCounter(10_000));
    expect(await send({ specscout: 1, type: 'ping', data: {} }, OWN)).toEqual({ ok: true, value: { version: '1', indexVersion: 1 } });
    expect(calls).toEqual(['ping']);
  });

  it('ignores messages from another extension or a web page, however well formed', async () => {
    const calls: string[] = [];
    const counter = new RefusalCounter(10_000);
    const refused: string[] = [];
    registerRouter(recordingHandlers(calls), { onRefused: (reason) => refused.push(reason) }, counter);
    const forged = { specscout: 1, type: 'setFollow', data: { id: 'apple-iphone-15', follow: true } };
    expect(await send(forged, { id: 'another-extension-id', url: 'chrome-extension://another-extension-id/x.html' })).toBeUndefined();
    expect(await send(forged, { url: 'https://evil.example/', origin: 'https://evil.example' })).toBeUndefined();
    expect(calls).toEqual([]);
    expect(refused).toEqual(['foreign sender', 'foreign sender']);
  });

  it('ignores malformed messages from its own contexts: no handler runs, no answer is sent', async () => {
    const calls: string[] = [];
    registerRouter(recordingHandlers(calls), {}, new RefusalCounter(10_000));
    const bad: unknown[] = [
      null,
      'ping',
      { type: 'ping', data: {} },
      { specscout: 1, type: 'dropDatabase', data: {} },
      { specscout: 1, type: '__proto__', data: {} },
      { specscout: 1, type: 'hasOwnProperty', data: {} },
      { specscout: 1, type: 'ping', data: { constructor: 1 } },
      { specscout: 1, type: 'ping', data: JSON.parse('{"__proto__":{"polluted":true}}') },
      { specscout: 1, type: 'getDevice', data: { id: '<img src=x onerror=alert(1)>' } },
      { specscout: 1, type: 'detect', data: { text: 'x'.repeat(6_000_001), url: 'https://a' } },
      { specscout: 1, type: 'getSummaries', data: { ids: Array.from({ length: 2001 }, () => 'a') } },
      { specscout: 1, type: 'importData', data: { json: 42 } },
      // An import must say whether settings are replaced: there is no default that applies a file's feeds.
      { specscout: 1, type: 'importData', data: { json: '{}' } },
      { specscout: 1, type: 'importData', data: { json: '{}', settings: 'all' } },
      { specscout: 1, type: 'previewImport', data: { json: 'x'.repeat(8 * 1024 * 1024 + 1) } },
    ];
    for (const message of bad) expect(await send(message, OWN)).toBeUndefined();
    expect(calls).toEqual([]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('counts refusals in the meta store in one batch, not one write per message', async () => {
    const counter = new RefusalCounter(60_000, () => new Date('2025-03-01T10:00:00Z'));
    registerRouter(recordingHandlers([]), {}, counter);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) await send({ specscout: 1, type: 'nope', data: {} }, OWN);
    for (let i = 0; i < 1000; i++) await send({ specscout: 1, type: 'ping', data: {} }, { id: 'other' });
    expect(performance.now() - started).toBeLessThan(5000);
    // Nothing written yet: the batch waits for its timer.
    expect(await refusedRow()).toBeUndefined();
    await counter.flush();
    expect(await refusedRow()).toEqual({
      total: 2000,
      // Only the last ten reasons are kept: the row stays small whatever the flood.
      recent: Array.from({ length: 10 }, () => 'foreign sender'),
      lastAt: '2025-03-01T10:00:00.000Z',
    });
    // The next batch adds to the stored count (it survives worker restarts).
    counter.add('unknown message type');
    await counter.flush();
    expect((await refusedRow())?.total).toBe(2001);
  });

  it('writes the batch by itself once its timer fires', async () => {
    const counter = new RefusalCounter(20);
    counter.add('foreign sender');
    counter.add('foreign sender');
    await expect.poll(async () => (await refusedRow())?.total, { timeout: 2000 }).toBe(2);
  });

  it('survives a malformed stored count instead of throwing', async () => {
    await (await getDB()).put('meta', { key: REFUSED_KEY, value: 'garbage' });
    const counter = new RefusalCounter(10_000);
    counter.add('foreign sender');
    await counter.flush();
    expect((await refusedRow())?.total).toBe(1);
  });

  it('turns a failing handler into an error answer without crashing the worker', async () => {
    const handlers = recordingHandlers([]);
    registerRouter(
      new Proxy(handlers, {
        get: () => () => {
          throw new Error('boom');
        },
      }),
      {},
      new RefusalCounter(10_000),
    );
    expect(await send({ specscout: 1, type: 'ping', data: {} }, OWN)).toEqual({ ok: false, error: 'boom' });
  });
});
