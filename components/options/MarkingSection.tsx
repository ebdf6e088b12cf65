// Marking: how device names are marked on the page, how long to hover before the card opens, and the
// keyboard shortcut (set in the browser's own shortcut settings; an extension page cannot link there).
// The help names the page of the browser this build is for: Firefox has no chrome://extensions.
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { MarkStyle, Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { useAsync } from '../common/useAsync';
import type { SavePatch } from './OptionsApp';

const STYLES: { value: MarkStyle; key: string }[] = [
  { value: 'underline', key: 'optionsStyleUnderline' },
  { value: 'background', key: 'optionsStyleBackground' },
  { value: 'off', key: 'optionsStyleOff' },
];

const COMMAND = 'open-card';

type ShortcutCommands = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

/** The help text for the browser this build is for (`import.meta.env.FIREFOX` at build time). */
export function shortcutHelpKey(firefox: boolean): 'optionsShortcutHowFirefox' | 'optionsShortcutHow' {
  return firefox ? 'optionsShortcutHowFirefox' : 'optionsShortcutHow';
}

/**
 * Whether the page can open the shortcut settings: Firefox 137+ has an API for its own page, and an extension
 * cannot open about:addons itself; Chrome lets an extension open chrome://extensions/shortcuts in a tab.
 */
export function canOpenShortcutSettings(firefox: boolean, commands: ShortcutCommands): boolean {
  return typeof commands.openShortcutSettings === 'function' || !firefox;
}

function openShortcutSettings(): void {
  const commands = browser.commands as ShortcutCommands;
  if (typeof commands.openShortcutSettings === 'function') void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function MarkingSection({ settings, save }: { settings: Settings; save: SavePatch }) {
  const [delay, setDelay] = useState(String(settings.hoverDelayMs));
  const [shortcut] = useAsync(async () => (await browser.commands.getAll()).find((c) => c.name === COMMAND)?.shortcut ?? '', []);
  const commitDelay = () => {
    const ms = Number(delay);
    if (Number.isFinite(ms) && ms !== settings.hoverDelayMs) void save({ hoverDelayMs: ms });
  };
  return (
    <section id="marking" class="app-section" aria-labelledby="marking-title">
      <h2 id="marking-title">{t('optionsMarking')}</h2>
      <fieldset class="app-radio">
        <legend>{t('optionsStyleLegend')}</legend>
        {STYLES.map((style) => (
          <label key={style.value}>
            <input
              type="radio"
              name="markStyle"
              value={style.value}
              checked={settings.markStyle === style.value}
              onChange={() => void save({ markStyle: style.value })}
            />
            {t(style.key)}
          </label>
        ))}
      </fieldset>
      <label class="app-field">
        <span>{t('optionsHoverDelay')}</span>
        <span class="app-row">
          <input
            type="number"
            min={0}
            max={3000}
            step={50}
            value={delay}
            aria-describedby="hover-delay-hint"
            onInput={(e) => setDelay(e.currentTarget.value)}
            onChange={commitDelay}
          />
          <span id="hover-delay-hint" class="ss-muted app-small">{t('optionsHoverDelayHint')}</span>
        </span>
      </label>
      <h3>{t('optionsShortcut')}</h3>
      <p class="app-small">
        {shortcut.state === 'ready' && shortcut.value ? (
          <>
            {t('optionsShortcutCurrent')} <kbd>{shortcut.value}</kbd>
          </>
        ) : shortcut.state === 'ready' ? (
          t('optionsShortcutNone')
        ) : null}
      </p>
      <p class="ss-muted app-small" id="shortcut-help">{t(shortcutHelpKey(import.meta.env.FIREFOX))}</p>
      {canOpenShortcutSettings(import.meta.env.FIREFOX, browser.commands as ShortcutCommands) ? (
        <button type="button" class="ss-button" onClick={openShortcutSettings}>
          {t('optionsShortcutChange')}
        </button>
      ) : null}
    </section>
  );
}
