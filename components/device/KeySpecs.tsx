// Two or three key specs as chips ("6.8 in", "Snapdragon 8 Gen 3", "5000 mAh"), from core/summary.ts.
import { t } from '../../utils/i18n';

export interface KeySpecsProps {
  specs: string[];
}

export function KeySpecs({ specs }: KeySpecsProps) {
  if (specs.length === 0) return <p class="ss-muted">{t('cardNoSpecs')}</p>;
  return (
    <ul class="ss-chips" aria-label={t('cardKeySpecs')}>
      {specs.map((spec) => (
        <li class="ss-chip" key={spec}>
          {spec}
        </li>
      ))}
    </ul>
  );
}
