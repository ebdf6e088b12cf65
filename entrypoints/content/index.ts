// Content script: reads the article's visible text, asks the worker which devices it names, and
// marks them with the CSS Custom Highlight API (the page's DOM is never changed).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { DEFAULT_NEWS_SITE_PATTERNS } from '../../core/sites';
import { startPage } from './page';

export default defineContentScript({
  matches: [...DEFAULT_NEWS_SITE_PATTERNS],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    void startPage(ctx);
  },
});
