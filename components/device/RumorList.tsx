// Rumors about a device: the claim, who said it and when (linked only over https), and how it turned out.
import type { Rumor } from '../../core/schema';
import { outcomeLabel, safeHttpsUrl } from './labels';

export interface RumorListProps {
  rumors: Rumor[];
  limit?: number;
}

export function RumorList({ rumors, limit }: RumorListProps) {
  const shown = limit === undefined ? rumors : rumors.slice(0, limit);
  return (
    <ul class="ss-rumors">
      {shown.map((rumor, i) => {
        const url = safeHttpsUrl(rumor.source.url);
        return (
          <li key={`${i}-${rumor.claim}`}>
            <p>{rumor.claim}</p>
            <p class="ss-rumor-meta">
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {rumor.source.publication}
                </a>
              ) : (
                <span>{rumor.source.publication}</span>
              )}
              {rumor.source.date ? <span>{rumor.source.date}</span> : null}
              <span class={`ss-badge ss-outcome ss-outcome-${rumor.outcome}`} data-outcome={rumor.outcome}>
                {outcomeLabel(rumor.outcome)}
              </span>
            </p>
            {rumor.outcomeNote ? <p class="ss-rumor-note">{rumor.outcomeNote}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
