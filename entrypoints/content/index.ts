// Content script: reads the article's visible text, asks the worker which devices it names, and
// marks them with the CSS Custom Highlight API (the page's DOM is never changed; the card's shadow
// host is the one element it adds, and only while a card is open).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_NEWS_SITE_PATTERNS } from '../../core/sites';
import { startPage } from './page';

export default defineContentScript({
  matches: [...DEFAULT_NEWS_SITE_PATTERNS],
  runAt: 'document_idle',
  // The card's styles are a string given to its shadow root (components/card/styles.ts); no CSS file
  // is fetched or injected into the page.
  cssInjectionMode: 'manual',
  main(ctx) {
    startPage(ctx);
  },
});
