// The hover card: a labelled, focusable dialog that loads the record for one marked name and shows
// it, with a clear state while the worker wakes up or when the record cannot be loaded.
import { deviceTitle } from '../../core/names';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceDetail } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { CardBody, CardHeader, type CardActions, type CardTarget } from './CardBody';
import { loadDetail, type LoadState } from './load-detail';

export interface CardProps extends CardActions {
  target: CardTarget;
  load(id: string): Promise<DeviceDetail | null>;
  /** Focus the dialog when shown (opened from the keyboard command). */
  focus: boolean;
  position: { left: number; top: number } | null;
  /** Called with the card element once rendered, so the host can measure and place it. */
  onElement?(el: HTMLElement | null): void;
}

const TITLE_ID = 'specscout-card-title';

export function Card(props: CardProps) {
  const { target, load, focus, position, onElement, ...actions } = props;
  const [state, setState] = useState<LoadState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const id = target.mention.deviceId;

  useEffect(() => loadDetail(() => load(id), setState), [id, attempt]);
  useEffect(() => {
    onElement?.(ref.current);
  });
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus, id]);

  const summaryName = target.summary ? target.summary.name : target.mention.matchedName;
  const label = t('cardDialogLabel', state.kind === 'ready' ? deviceTitle(state.detail.device) : summaryName);
  const style = position ? { left: `${position.left}px`, top: `${position.top}px` } : { left: '-10000px', top: '0px' };
  return (
    <div
      ref={ref}
      class="ss-root ss-card"
      // In the top layer (shown by the content script's card host), above anything the page stacks.
      popover="manual"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      style={style}
      data-device-id={id}
      data-state={state.kind}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          actions.onClose();
        }
      }}
    >
      {state.kind === 'ready' ? (
        <CardBody detail={state.detail} target={target} titleId={TITLE_ID} {...actions} />
      ) : (
        <>
          <CardHeader brand={target.summary?.brand ?? ''} name={summaryName} onClose={actions.onClose} titleId={TITLE_ID} />
          <p class="ss-card-state" role="status" aria-live="polite">
            {state.kind === 'loading'
              ? t('cardLoading')
              : state.kind === 'waking'
                ? t('cardWakingUp')
                : state.kind === 'missing'
                  ? t('cardUnknownDevice')
                  : t('cardUnavailable')}
          </p>
          {state.kind === 'error' ? (
            <button type="button" class="ss-button" data-harmless onClick={() => setAttempt((n) => n + 1)}>
              {t('cardRetry')}
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
