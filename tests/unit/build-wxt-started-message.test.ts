// The build's fix to WXT's start-up window message (scripts/lib/wxt-started-message.ts), checked against the
// WXT package actually installed: the message goes, the CustomEvent that stops an older script stays.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTEXT_MODULE, dropStartedWindowMessage } from '../../scripts/lib/wxt-started-message';

const contextModule = resolve('node_modules/wxt/dist/utils/content-script-context.mjs');

describe("WXT's content-script-started window message", () => {
  it('is removed from the installed WXT, and only it', () => {
    const original = readFileSync(contextModule, 'utf8');
    expect(CONTEXT_MODULE.test(contextModule)).toBe(true);
    const fixed = dropStartedWindowMessage(original);
    expect(original).toContain('window.postMessage(');
    expect(fixed).not.toContain('postMessage');
    // The document event an older copy of the content script listens for is still sent.
    expect(fixed).toContain('document.dispatchEvent(new CustomEvent(ContentScriptContext.SCRIPT_STARTED_MESSAGE_TYPE');
    expect(original.length - fixed.length).toBeLessThan(200);
  });

  it('fails the build when WXT changed the code it removes', () => {
    expect(() => dropStartedWindowMessage('window.postMessage({ type: "x" }, "*");')).toThrow(/noScriptStartedPostMessage/);
  });
});
