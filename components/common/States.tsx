// The loading, empty and error states every view shows, each saying what the reader can do next.
import type { ComponentChildren } from 'preact';
import { t } from '../../utils/i18n';

export function Loading({ label }: { label?: string }) {
  return (
    <p class="app-state app-loading" role="status" aria-live="polite">
      <span class="app-spinner" aria-hidden="true" />
      {label ?? t('commonLoading')}
    </p>
  );
}

export function Empty({ title, hint, children }: { title: string; hint?: string; children?: ComponentChildren }) {
  return (
    <div class="app-state app-empty" role="status">
      <p class="app-state-title">{title}</p>
      {hint ? <p class="ss-muted">{hint}</p> : null}
      {children}
    </div>
  );
}

/** A failure: what went wrong (the worker's message, for bug reports), what to try, and a retry button. */
export function ErrorState({ title, error, hint, onRetry }: { title?: string; error: string; hint?: string; onRetry?: () => void }) {
  return (
    <div class="app-state app-error" role="alert">
      <p class="app-state-title">{title ?? t('commonErrorTitle')}</p>
      <p class="ss-muted">{hint ?? t('commonErrorHint')}</p>
      <p class="app-error-detail">{error}</p>
      {onRetry ? (
        <button type="button" class="ss-button" onClick={onRetry}>
          {t('commonRetry')}
        </button>
      ) : null}
    </div>
  );
}
