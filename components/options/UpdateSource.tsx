// Where this build's data updates come from (the signed feed set at build time, its mirrors, or none),
// how fresh the data is, and the switch for automatic checks.
import type { IndexInfo, Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { Toggle } from '../common/Toggle';
import { Freshness } from '../common/Freshness';
import type { SavePatch } from './OptionsApp';

export function UpdateSource({ info, settings, save }: { info: IndexInfo; settings: Settings; save: SavePatch }) {
  const [primary, ...mirrors] = info.updateSource;
  return (
    <>
      <Freshness freshness={info.freshness} />
      <h3>{t('optionsUpdateSource')}</h3>
      {primary ? (
        <>
          <p class="app-small" data-update-source="signed">{t('optionsUpdateSourceSigned', primary)}</p>
          {mirrors.length > 0 ? <p class="ss-muted app-small">{t('optionsUpdateSourceMirrors', mirrors.join(', '))}</p> : null}
        </>
      ) : (
        <p class="app-small" data-update-source="none">{t('optionsUpdateSourceNone')}</p>
      )}
      <Toggle
        id="updates-auto"
        label={t('optionsUpdatesAuto')}
        description={t('optionsUpdatesAutoDesc', String(settings.refreshHours))}
        checked={settings.updatesEnabled}
        onChange={(on) => void save({ updatesEnabled: on })}
      />
    </>
  );
}
