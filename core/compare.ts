// Which value of a spec is better when devices are compared side by side. Only specs where more (or
// less) is better for nearly every reader get a rule; a bigger screen, a chipset name or an OS version
// is a matter of taste or needs benchmarks, so those rows only say that they differ.
import type { SpecKey, Specs } from './schema';

export type BetterWhen = 'higher' | 'lower';

interface Rule {
  better: BetterWhen;
  /** The number compared; undefined when the device has no value. */
  value: (specs: Specs) => number | undefined;
}

const largest = (list: readonly number[] | undefined) => (list && list.length ? Math.max(...list) : undefined);

/** The rule table: which specs have a better value, and which number decides. */
export const COMPARE_RULES: Readonly<Partial<Record<SpecKey, Rule>>> = {
  batteryMah: { better: 'higher', value: (s) => s.batteryMah },
  weightG: { better: 'lower', value: (s) => s.weightG },
  // The largest option on sale: what the device can offer at most.
  storageGb: { better: 'higher', value: (s) => largest(s.storageGb) },
  ramGb: { better: 'higher', value: (s) => largest(s.ramGb) },
  mainCameraMp: { better: 'higher', value: (s) => s.mainCameraMp },
  selfieCameraMp: { better: 'higher', value: (s) => s.selfieCameraMp },
  // Pixels on screen, whatever the size: sharper text and photos.
  displayResolution: {
    better: 'higher',
    value: (s) => {
      const m = /^(\d+)x(\d+)$/.exec(s.displayResolution ?? '');
      return m ? Number(m[1]) * Number(m[2]) : undefined;
    },
  },
};

/**
 * The positions of the devices with the better value of `key`: empty when the spec has no rule, fewer
 * than two devices have a value, or all values are equal. Ties for the best are all returned.
 */
export function betterOf(key: SpecKey, specs: readonly Specs[]): number[] {
  const rule = COMPARE_RULES[key];
  if (!rule) return [];
  const values = specs.map((s) => rule.value(s));
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (known.length < 2 || new Set(known).size === 1) return [];
  const best = rule.better === 'higher' ? Math.max(...known) : Math.min(...known);
  return values.flatMap((v, i) => (v === best ? [i] : []));
}
