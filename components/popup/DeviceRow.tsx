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
  /** Returns false when the pick was refused (the comparison is full); the box then stays clear. */
  onSelect?: ((id: string, selected: boolean) => boolean) | undefined;
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
            <input type="checkbox" checked={selected ?? false} onChange={(e) => {
                const box = e.currentTarget;
                if (!onSelect(summary.id, box.checked)) box.checked = false;
              }}
            />
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
