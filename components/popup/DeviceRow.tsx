// One device in a popup list: name (a link to its full record), status, key specs, Follow, and a box
// to pick it for comparison.
import { deviceTitle } from '../../core/names';
import type { ComponentChildren } from 'preact';
import { FollowButton, KeySpecs, StatusBadge } from '../device/index';
import type { DeviceSummary } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { recordHref } from './links';

export interface DeviceRowProps {
  summary: DeviceSummary;
  tabId?: number | undefined;
  selected?: boolean;
  onSelect?: ((id: string, selected: boolean) => void) | undefined;
  onFollowChange?: (id: string, following: boolean) => void;
  children?: ComponentChildren;
}

export function DeviceRow({ summary, tabId, selected, onSelect, onFollowChange, children }: DeviceRowProps) {
  const title = deviceTitle(summary);
  return (
    <li class="app-device" data-device-id={summary.id}>
      <div>
        <div class="app-device-title">
          <a class="app-device-name" href={recordHref(summary.id, tabId)}>
            {title}
          </a>
          <StatusBadge status={summary.status} date={summary.statusDate} />
        </div>
        <div class="app-device-meta">
          <KeySpecs specs={summary.keySpecs} />
        </div>
        {children}
      </div>
      <div class="app-device-actions">
        <FollowButton id={summary.id} following={summary.following} onChange={(f) => onFollowChange?.(summary.id, f)} />
        {onSelect ? (
          <label class="app-check">
            <input type="checkbox" checked={selected ?? false} onChange={(e) => onSelect(summary.id, e.currentTarget.checked)} />
            <span>
              {t('popupCompareSelect')}
              <span class="visually-hidden"> {title}</span>
            </span>
          </label>
        ) : null}
      </div>
    </li>
  );
}
