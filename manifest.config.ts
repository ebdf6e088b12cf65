// The manifest, kept apart from the build config so tests can check what it asks for.
// Every permission is explained here and in the README ("Permissions").
import { DEFAULT_NEWS_SITE_PATTERNS } from './core/sites';

export function buildManifest(browser: string) {
  return {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage', // settings, follows (sync holds follow ids only) and the "already told" log
      'alarms', // periodic index refresh from the reader's feeds; an MV3 worker cannot keep timers
      'notifications', // telling the reader when a followed device's release status changes
      'scripting', // registering the content script on sites the reader turns on at run time
      'activeTab', // the popup reads the current tab's address (only when the reader opens it) to offer "turn on here"
    ],
    // The default tech news sites, where marking works without asking.
    host_permissions: [...DEFAULT_NEWS_SITE_PATTERNS],
    // Any other site is asked for at run time, one site at a time; https only, as the default sites.
    optional_host_permissions: ['https://*/*'],
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenCard__',
      },
    },
    content_security_policy: {
      // 'wasm-unsafe-eval' lets the worker compile WebAssembly, and nothing else: the word scanner of
      // detection (core/detect/scan.wat), shipped inside the extension's own script. Eval stays forbidden.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'specscout@specscout.dev',
              // 142 is the first Firefox that reads `data_collection_permissions`.
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  };
}
