// Every known spec as a label/value list, in core/summary.ts's order; unknown specs are left out.
import type { Specs } from '../../core/schema';
import { formatSpecs } from '../../core/summary';
import { t } from '../../utils/i18n';
import { specLabel } from './labels';

export interface SpecTableProps {
  specs: Specs | undefined;
}

export function SpecTable({ specs }: SpecTableProps) {
  const rows = formatSpecs(specs);
  if (rows.length === 0) return <p class="ss-muted">{t('cardNoSpecs')}</p>;
  return (
    <dl class="ss-spec-table">
      {rows.map(([key, value]) => [<dt key={`${key}-l`}>{specLabel(key)}</dt>, <dd key={`${key}-v`}>{value}</dd>])}
    </dl>
  );
}
