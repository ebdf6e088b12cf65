// "Following": the devices the reader follows, with their status and date, and what changed since the
// reader last looked (marked seen once shown).
import { useEffect } from 'preact/hooks';
import { nextExpected } from '../../core/status';
import { statusLabel } from '../device/index';
import { sendToBackground } from '../../utils/messaging';
import type { FollowEntry } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { useAsync } from '../common/useAsync';
import { Empty, ErrorState, Loading } from '../common/States';
import { DeviceRow } from './DeviceRow';

interface FollowRow extends FollowEntry {
  /** The next expected event ("released, expected 2024-02"), read from the full record. */
  expected?: string;
}

async function loadFollows(): Promise<FollowRow[]> {
  const follows = await sendToBackground('listFollows', {});
  // Followed devices are few; their records give the expected dates the summaries lack.
  const details = await Promise.all(follows.map((f) => sendToBackground('getDevice', { id: f.summary.id }).catch(() => null)));
  return follows.map((f, i) => {
    const next = details[i] ? nextExpected(details[i].device) : undefined;
    return next?.date ? { ...f, expected: t('popupExpected', [statusLabel(next.status), next.date]) } : f;
  });
}

export interface FollowingTabProps {
  tabId?: number | undefined;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => boolean;
}

export function FollowingTab({ tabId, selected, onSelect }: FollowingTabProps) {
  const [state, reload] = useAsync(loadFollows, []);
  const unseen = state.state === 'ready' ? state.value.reduce((n, f) => n + f.unseenChanges.length, 0) : 0;
  useEffect(() => {
    // Shown now, so seen: the next visit lists only what changes after this one.
    if (unseen > 0) void sendToBackground('markChangesSeen', {}).catch(() => undefined);
  }, [unseen]);
  if (state.state === 'loading') return <Loading label={t('popupFollowingLoading')} />;
  if (state.state === 'error') return <ErrorState error={state.error} onRetry={reload} />;
  if (state.value.length === 0) return <Empty title={t('popupFollowingEmptyTitle')} hint={t('popupFollowingEmptyHint')} />;
  return (
    <ul class="app-list" aria-label={t('popupFollowingListLabel')}>
      {state.value.map((entry) => (
        <DeviceRow key={entry.summary.id} summary={entry.summary} tabId={tabId} selected={selected.has(entry.summary.id)} onSelect={onSelect}>
          {entry.expected ? <p class="app-small">{entry.expected}</p> : null}
          {entry.unseenChanges.length > 0 ? (
            <div class="app-small">
              <strong>{t('popupChangedSince')}</strong>
              <ul class="app-changes">
                {entry.unseenChanges.map((change) => (
                  <li key={`${change.kind}-${change.at}-${change.text}`}>
                    {change.text} <span class="ss-muted">({change.at.slice(0, 10)})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p class="ss-muted app-small">{t('popupNoChanges')}</p>
          )}
        </DeviceRow>
      ))}
    </ul>
  );
}
