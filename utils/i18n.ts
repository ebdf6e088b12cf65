// Text through the browser's i18n (public/_locales/<lang>/messages.json), so a translation is a file.
import { browser } from 'wxt/browser';

/** The message for `key`, with $1..$9 substitutions; the key itself when a locale lacks it, so gaps show. */
export function t(key: string, substitutions?: string | string[]): string {
  // WXT types message keys from the English file; keys are plain strings here so the UI can be data-driven.
  const getMessage = browser.i18n.getMessage as (key: string, substitutions?: string | string[]) => string;
  const message = getMessage(key, substitutions);
  return message || key;
}
