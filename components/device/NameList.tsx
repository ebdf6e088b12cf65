// The other names a device goes by, each with its kind and region or carrier ("SO-01F · carrier, JP").
import type { DeviceName } from '../../core/schema';
import { nameKindLabel } from './labels';

export interface NameListProps {
  names: DeviceName[];
  /** How many to show; the rest are counted ("+3 more"). */
  limit?: number;
  /** The name that matched on the page, shown first and emphasised. */
  matchedName?: string | undefined;
  moreLabel?: (hidden: number) => string;
}

function detail(name: DeviceName): string {
  return [nameKindLabel(name.kind), name.carrier, name.region].filter(Boolean).join(', ');
}

export function NameList({ names, limit, matchedName, moreLabel }: NameListProps) {
  const lower = matchedName?.toLowerCase();
  const ordered = lower ? [...names].sort((a, b) => Number(b.name.toLowerCase() === lower) - Number(a.name.toLowerCase() === lower)) : names;
  const shown = limit === undefined ? ordered : ordered.slice(0, limit);
  const hidden = ordered.length - shown.length;
  return (
    <ul class="ss-names">
      {shown.map((name) => (
        <li key={`${name.name}|${name.kind}|${name.region ?? ''}|${name.carrier ?? ''}`}>
          {name.name.toLowerCase() === lower ? <strong>{name.name}</strong> : name.name}
          <span class="ss-name-kind"> · {detail(name)}</span>
        </li>
      ))}
      {hidden > 0 && moreLabel ? <li class="ss-muted">{moreLabel(hidden)}</li> : null}
    </ul>
  );
}
