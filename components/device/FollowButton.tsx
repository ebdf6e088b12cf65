// Follow / Unfollow a device: asks the worker, shows the answer it gets (never an optimistic guess).
// Both labels are laid out and the one not shown is hidden, so the button (and the hover card around it)
// has the same size either way: a page probing where the card is cannot tell what the reader follows.
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../utils/messaging';
import { t } from '../../utils/i18n';

export interface FollowButtonProps {
  id: string;
  following: boolean;
  /** Told the new state once the worker confirmed it. */
  onChange?: (following: boolean) => void;
}

export function FollowButton({ id, following: initial, onChange }: FollowButtonProps) {
  const [following, setFollowing] = useState(initial);
  // A list loaded again (the page read once more, a follow changed elsewhere) shows what it was told now.
  useEffect(() => setFollowing(initial), [initial]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const toggle = () => {
    setBusy(true);
    setFailed(false);
    sendToBackground('setFollow', { id, follow: !following })
      .then((reply) => {
        setFollowing(reply.following);
        onChange?.(reply.following);
      })
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };
  return (
    <span>
      <button
        type="button"
        class={`ss-button ss-follow${following ? '' : ' ss-button-primary'}`}
        aria-pressed={following}
        disabled={busy}
        onClick={toggle}
      >
        <span class={following ? undefined : 'ss-follow-spare'} aria-hidden={!following}>
          {t('cardFollowing')}
        </span>
        <span class={following ? 'ss-follow-spare' : undefined} aria-hidden={following}>
          {t('cardFollow')}
        </span>
      </button>
      {failed ? <span class="ss-muted" role="status"> {t('cardFollowFailed')}</span> : null}
    </span>
  );
}
