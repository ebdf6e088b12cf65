// Notifications: on or off, which kinds of change notify, the pause (`quiet`: nothing shown, changes
// still listed in the Following tab), the daily cap, and muting single
// followed devices.
import { deviceTitle } from '../../core/names';
import { useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging';
import type { FollowEntry, Settings } from '../../utils/protocol';
import { CHANGE_KINDS } from '../../utils/settings-model';
import { t } from '../../utils/i18n';
import { Toggle } from '../common/Toggle';
import { useAsync } from '../common/useAsync';
import { Empty, ErrorState, Loading } from '../common/States';
import type { SavePatch } from './OptionsApp';

/** "announce-date" -> "optionsKindAnnounceDate". */
export function kindKey(kind: string): string {
  return `optionsKind${kind.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

function Mutes() {
  const [state, reload, set] = useAsync(() => sendToBackground('listFollows', {}), []);
  const [failed, setFailed] = useState(false);
  if (state.state === 'loading') return <Loading />;
  if (state.state === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (state.value.length === 0) return <Empty title={t('optionsMuteEmptyTitle')} hint={t('optionsMuteEmptyHint')} />;
  const follows = state.value;
  const mute = (entry: FollowEntry, notify: boolean) => {
    setFailed(false);
    sendToBackground('setMuted', { id: entry.summary.id, muted: !notify })
      .then(({ muted }) => set(follows.map((f) => (f.summary.id === entry.summary.id ? { ...f, muted } : f))))
      .catch(() => setFailed(true));
  };
  return (
    <>
      <ul class="app-list">
        {follows.map((entry) => (
          <li key={entry.summary.id}>
            <Toggle
              id={`mute-${entry.summary.id}`}
              label={deviceTitle(entry.summary)}
              description={entry.muted ? t('optionsMuted') : t('optionsNotifying')}
              checked={!entry.muted}
              onChange={(on) => mute(entry, on)}
            />
          </li>
        ))}
      </ul>
      {failed ? <p class="app-notice" role="alert">{t('commonSaveFailed')}</p> : null}
    </>
  );
}

export function NotificationsSection({ settings, save }: { settings: Settings; save: SavePatch }) {
  const n = settings.notifications;
  const [cap, setCap] = useState(String(n.dailyCap));
  const setKind = (kind: string, on: boolean) =>
    void save({ notifications: { ...n, kinds: on ? [...n.kinds.filter((k) => k !== kind), kind] : n.kinds.filter((k) => k !== kind) } });
  return (
    <section id="notifications" class="app-section" aria-labelledby="notifications-title">
      <h2 id="notifications-title">{t('optionsNotifications')}</h2>
      <Toggle id="notify-enabled" label={t('optionsNotifyEnabled')} description={t('optionsNotifyEnabledDesc')} checked={n.enabled} onChange={(on) => void save({ notifications: { ...n, enabled: on } })} />
      <Toggle id="notify-quiet" label={t('optionsQuiet')} description={t('optionsQuietDesc')} checked={n.quiet} disabled={!n.enabled} onChange={(on) => void save({ notifications: { ...n, quiet: on } })} />
      <fieldset class="app-checks" disabled={!n.enabled}>
        <legend>{t('optionsKindsLegend')}</legend>
        {CHANGE_KINDS.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={n.kinds.includes(kind)} onChange={(e) => setKind(kind, e.currentTarget.checked)} />
            {t(kindKey(kind))}
          </label>
        ))}
      </fieldset>
      <label class="app-field">
        <span>{t('optionsDailyCap')}</span>
        <input
          type="number"
          min={1}
          max={100}
          value={cap}
          disabled={!n.enabled}
          onInput={(e) => setCap(e.currentTarget.value)}
          onChange={() => {
            const value = Number(cap);
            if (Number.isFinite(value)) void save({ notifications: { ...n, dailyCap: value } });
          }}
        />
      </label>
      <h3>{t('optionsMuteTitle')}</h3>
      <Mutes />
    </section>
  );
}
