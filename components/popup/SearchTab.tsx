// Search the whole index by name, other name or model code, results as the reader types.
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging';
import type { SearchHit } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { Empty, ErrorState, Loading } from '../common/States';
import { DeviceRow } from './DeviceRow';

/** Keystrokes closer together than this are one query: no request per letter of a fast typist. */
const DEBOUNCE_MS = 80;

type Results = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; query: string; hits: SearchHit[] } | { state: 'error'; error: string };

export interface SearchTabProps {
  tabId?: number | undefined;
  selected: ReadonlySet<string>;
  onSelect: (id: string, selected: boolean) => boolean;
}

function reasonText(hit: SearchHit): string {
  switch (hit.reason) {
    case 'code':
      return t('popupMatchCode', hit.matchedName);
    case 'typo':
      return t('popupMatchTypo', hit.matchedName);
    default:
      return t('popupMatchName', hit.matchedName);
  }
}

export function SearchTab({ tabId, selected, onSelect }: SearchTabProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const [retry, setRetry] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setResults({ state: 'idle' });
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      setResults((r) => (r.state === 'ready' ? r : { state: 'loading' }));
      sendToBackground('search', { query: q.slice(0, 200), limit: 20 }).then(
        (hits) => live && setResults({ state: 'ready', query: q, hits }),
        (error: unknown) => live && setResults({ state: 'error', error: error instanceof Error ? error.message : String(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, retry]);

  return (
    <div role="search">
      <label class="app-field">
        <span>{t('popupSearchLabel')}</span>
        <input
          ref={input}
          type="search"
          value={query}
          placeholder={t('popupSearchPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      {results.state === 'idle' ? <p class="ss-muted app-small">{t('popupSearchHint')}</p> : null}
      {results.state === 'loading' ? <Loading label={t('popupSearching')} /> : null}
      {results.state === 'error' ? <ErrorState error={results.error} onRetry={() => setRetry((r) => r + 1)} /> : null}
      {results.state === 'ready' ? (
        results.hits.length === 0 ? (
          <Empty title={t('popupSearchNoneTitle', results.query)} hint={t('popupSearchNoneHint')} />
        ) : (
          <>
            <p class="ss-muted app-small" role="status" aria-live="polite">
              {t('popupSearchCount', String(results.hits.length))}
            </p>
            <ul class="app-list" aria-label={t('popupSearchResultsLabel')}>
              {results.hits.map((hit) => (
                <DeviceRow key={hit.summary.id} summary={hit.summary} tabId={tabId} selected={selected.has(hit.summary.id)} onSelect={onSelect}>
                  <p class="ss-muted app-small">{reasonText(hit)}</p>
                </DeviceRow>
              ))}
            </ul>
          </>
        )
      ) : null}
    </div>
  );
}
