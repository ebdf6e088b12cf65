// The reader's region: the status and dates the card, the popup and the record view show are the ones
// for that region (core/status.ts `currentStatus`), and a release there is told as news of its own. No
// region (the default) shows each device's first announcement and release wherever they happened.
import { browser } from 'wxt/browser';
import type { Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import type { SavePatch } from './OptionsApp';

/** The regions the index's release events name (EU: the European Union as one market). */
export const REGION_CHOICES = ['US', 'CA', 'EU', 'CN', 'HK', 'IN', 'ID', 'JP', 'KR'] as const;

/** "Japan (JP)" in the browser's language; the empty region is "any region". */
export function regionLabel(region: string): string {
  if (region === '') return t('optionsRegionAny');
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([browser.i18n.getUILanguage?.() || 'en'], { type: 'region' }).of(region);
  } catch {
    name = undefined;
  }
  return name && name !== region ? `${name} (${region})` : region;
}

export function RegionSection({ settings, save }: { settings: Settings; save: SavePatch }) {
  // A region kept from an older version or an import stays choosable, so the list never hides the current one.
  const choices = ['', ...REGION_CHOICES, ...(settings.region && !(REGION_CHOICES as readonly string[]).includes(settings.region) ? [settings.region] : [])];
  return (
    <section id="region" class="app-section" aria-labelledby="region-title">
      <h2 id="region-title">{t('optionsRegion')}</h2>
      <label class="app-field">
        <span>{t('optionsRegionLabel')}</span>
        <select id="region-select" aria-describedby="region-hint" value={settings.region} onChange={(e) => void save({ region: e.currentTarget.value })}>
          {choices.map((region) => (
            <option key={region} value={region}>
              {regionLabel(region)}
            </option>
          ))}
        </select>
      </label>
      <p id="region-hint" class="ss-muted app-small">{t('optionsRegionHint')}</p>
    </section>
  );
}
