// The popup: this page's devices, followed devices and search, plus the record and comparison views,
// chosen by the address (popup.html?device=<id>, ?compare=a,b) so the card and notifications link here.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../utils/i18n';
import { sendToBackground } from '../../utils/messaging';
import { PAGE_CSS } from '../common/styles';
import { Tabs } from '../common/Tabs';
import { compareHref, parseRoute, type PopupRoute, type PopupSection } from './links';
import { PageTab } from './PageTab';
import { FollowingTab } from './FollowingTab';
import { SearchTab } from './SearchTab';
import { RecordView } from './RecordView';
import { CompareView } from './CompareView';

const MAX_COMPARE = 3;

function Main({ tabId, section }: { tabId?: number | undefined; section?: PopupSection | undefined }) {
  const [tab, setTab] = useState<string>(section ?? 'page');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [overLimit, setOverLimit] = useState(false);
  /** Picks or unpicks a device; a pick past the limit is refused, and the bar says why. */
  const select = (id: string, on: boolean): boolean => {
    if (on && !selected.has(id) && selected.size >= MAX_COMPARE) {
      setOverLimit(true);
      return false;
    }
    setOverLimit(false);
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    return true;
  };
  const props = { tabId, selected, onSelect: select };
  useEffect(() => {
    // The worker builds its search index lazily; an empty query starts that now, so the first letters
    // the reader types in Search are answered from a ready index.
    void sendToBackground('search', { query: '', limit: 1 }).catch(() => undefined);
  }, []);
  return (
    <main class="app app-popup">
      <div class="app-header">
        <h1>{t('popupTitle')}</h1>
        <div class="app-header-actions">
          <button type="button" class="ss-link-button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popupOpenOptions')}
          </button>
        </div>
      </div>
      <Tabs
        label={t('popupTabsLabel')}
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'page', label: t('popupTabPage') },
          { id: 'following', label: t('popupTabFollowing') },
          { id: 'search', label: t('popupTabSearch') },
        ]}
      >
        {tab === 'page' ? <PageTab {...props} /> : tab === 'following' ? <FollowingTab {...props} /> : <SearchTab {...props} />}
      </Tabs>
      {selected.size > 0 ? (
        <div class="app-compare-bar" role="region" aria-label={t('popupCompareBarLabel')}>
          <span class="app-small" role="status">
            {overLimit ? t('popupCompareLimit', String(MAX_COMPARE)) : t('popupCompareSelected', [String(selected.size), String(MAX_COMPARE)])}
          </span>
          <span class="app-row">
            <button
              type="button"
              class="ss-link-button"
              onClick={() => {
                setSelected(new Set());
                setOverLimit(false);
              }}
            >
              {t('popupCompareClear')}
            </button>
            {selected.size >= 2 ? (
              <a class="ss-button ss-button-primary" href={compareHref([...selected], tabId)}>
                {t('popupCompareGo')}
              </a>
            ) : (
              <span class="ss-muted app-small">{t('popupComparePickMore')}</span>
            )}
          </span>
        </div>
      ) : null}
    </main>
  );
}

export function PopupApp({ route = parseRoute(location.search) }: { route?: PopupRoute }) {
  return (
    <>
      <style>{PAGE_CSS}</style>
      {route.view === 'device' && route.deviceId ? (
        <main class="app app-popup">
          <RecordView id={route.deviceId} tabId={route.tabId} />
        </main>
      ) : route.view === 'compare' && route.compareIds ? (
        <main class="app app-popup">
          <CompareView ids={route.compareIds} tabId={route.tabId} />
        </main>
      ) : (
        <Main tabId={route.tabId} section={route.section} />
      )}
    </>
  );
}
