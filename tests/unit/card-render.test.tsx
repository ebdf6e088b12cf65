// The card's content and the shared device pieces, rendered to text without a DOM: function components
// are expanded by hand (the presentational ones have no hooks; FollowButton, which has, is kept as a leaf).
import { beforeEach, describe, expect, it } from 'vitest';
import { Fragment, type ComponentChild, type VNode } from 'preact';
import type { Device } from '../../core/schema';
import type { DeviceDetail, PageMention } from '../../utils/protocol';
import { CardBody } from '../../components/card/CardBody';
import { matchExplanation, thenAndNow } from '../../components/card/card-model';
import { FollowButton } from '../../components/device/FollowButton';
import { RumorList } from '../../components/device/RumorList';
import { SpecTable } from '../../components/device/SpecTable';
import { StatusBadge } from '../../components/device/StatusBadge';
import { StatusTimeline } from '../../components/device/StatusTimeline';
import { OverdueNote } from '../../components/device/OverdueNote';
import { NameList } from '../../components/device/NameList';
import { useEnglishMessages } from './fake-i18n';

const useRealMessages = useEnglishMessages;

interface Rendered {
  text: string;
  links: string[];
  leaves: { name: string; props: Record<string, unknown> }[];
}

function renderText(node: ComponentChild, out: Rendered = { text: '', links: [], leaves: [] }): Rendered {
  if (node === null || node === undefined || typeof node === 'boolean') return out;
  if (typeof node === 'string' || typeof node === 'number') {
    out.text += String(node);
    return out;
  }
  if (Array.isArray(node)) {
    for (const child of node) renderText(child as ComponentChild, out);
    return out;
  }
  const vnode = node as VNode<Record<string, unknown>>;
  if ((vnode.type as unknown) === FollowButton) {
    out.leaves.push({ name: 'FollowButton', props: vnode.props });
    return out;
  }
  if (typeof vnode.type === 'function' && vnode.type !== Fragment) {
    return renderText((vnode.type as (p: unknown) => ComponentChild)(vnode.props), out);
  }
  if (vnode.type === 'a' && typeof vnode.props.href === 'string') out.links.push(vnode.props.href);
  renderText(vnode.props.children as ComponentChild, out);
  if (typeof vnode.type === 'string' && ['p', 'li', 'dd', 'dt', 'h2', 'h3', 'div', 'section'].includes(vnode.type)) out.text += '\n';
  return out;
}

const Z1_COMPACT: Device = {
  id: 'sony-xperia-z1-compact',
  brand: 'Sony',
  name: 'Xperia Z1 Compact',
  category: 'phone',
  names: [
    { name: 'Xperia Z1 Mini', kind: 'rumored' },
    { name: 'D5503', kind: 'code', region: 'global' },
    { name: 'Amami', kind: 'codename' },
  ],
  specs: { displayInches: 4.3, chipset: 'Qualcomm Snapdragon 800', batteryMah: 2300 },
  status: [
    { status: 'announced', date: '2014-01-06' },
    { status: 'released', date: '2014-02', region: 'EU' },
  ],
  rumors: [
    {
      claim: 'A 4.3-inch Z1 with the same chip',
      source: { publication: 'A leaker', url: 'https://example.com/leak', date: '2013-11' },
      confidence: 'medium',
      outcome: 'partly',
      outcomeNote: 'Right hardware, wrong name.',
    },
    {
      claim: 'It will be called Z1 Mini everywhere',
      source: { publication: 'A forum', url: 'javascript:alert(1)', date: '2013-12' },
      confidence: 'low',
      outcome: 'wrong',
    },
  ],
  sources: [],
};

const DETAIL: DeviceDetail = {
  device: Z1_COMPACT,
  following: false,
  muted: false,
  statusAtDate: { status: 'rumored', date: '2013-11' },
  current: { status: 'released', date: '2014-02' },
};

const noop = () => undefined;

describe('the card content', () => {
  beforeEach(useRealMessages);

  it('shows name, status now and then, why it matched, key specs, other names, rumors and actions', () => {
    const out = renderText(
      <CardBody
        detail={DETAIL}
        target={{ mention: { deviceId: Z1_COMPACT.id, matchedName: 'Xperia Z1 Mini', reason: 'rumored-name' } }}
        titleId="t"
        onClose={noop}
        onOpenRecord={noop}
        onReject={noop}
      />,
    );
    expect(out.text).toContain('Sony Xperia Z1 Compact');
    expect(out.text).toContain('Released 2014-02');
    expect(out.text).toContain('At the time of this article: rumored 2013-11. Now: released 2014-02.');
    expect(out.text).toContain('Matched: rumored name Xperia Z1 Mini');
    expect(out.text).toContain('4.3 in');
    expect(out.text).toContain('Snapdragon 800');
    expect(out.text).toContain('D5503 · model code, global');
    expect(out.text).toContain('Right hardware, wrong name.');
    expect(out.text).toContain('Partly right');
    expect(out.text).toContain('Not this device');
    expect(out.text).toContain('Don\u2019t mark on this site');
    expect(out.text).toContain('Report wrong data');
    expect(out.leaves).toEqual([{ name: 'FollowButton', props: { id: Z1_COMPACT.id, following: false } }]);
  });

  it('links rumor sources only over https', () => {
    const out = renderText(<RumorList rumors={Z1_COMPACT.rumors!} />);
    expect(out.links).toEqual(['https://example.com/leak']);
    expect(out.text).toContain('A forum');
  });

  it('says so when a device has no specs yet', () => {
    const out = renderText(
      <CardBody
        detail={{ ...DETAIL, device: { ...Z1_COMPACT, specs: undefined, rumors: [] } }}
        target={{ mention: { deviceId: Z1_COMPACT.id, matchedName: 'Xperia Z1 Compact', reason: 'name' } }}
        titleId="t"
        onClose={noop}
        onOpenRecord={noop}
        onReject={noop}
      />,
    );
    expect(out.text).toContain('No specs known yet.');
    expect(out.text).not.toContain('Matched:');
    expect(out.text).not.toContain('Rumors');
  });
});

describe('the card model', () => {
  beforeEach(useRealMessages);

  it('explains a match by the name kind, carrier and region it came from', () => {
    const z1f = { brand: 'Sony', name: 'Xperia Z1 f', names: [{ name: 'SO-02F', kind: 'code' as const, carrier: 'docomo', region: 'JP' }] };
    expect(matchExplanation(z1f, { matchedName: 'SO-02F', reason: 'model-code' })).toBe('model code SO-02F (docomo, JP)');
    expect(matchExplanation(z1f, { matchedName: 'Sony Xperia Z1 f', reason: 'full-name' })).toBeNull();
    expect(matchExplanation(z1f, { matchedName: 'Z1f', reason: 'shorthand' })).toBe('short form Z1f');
    // A reason this card does not know (a newer worker's): the name alone.
    expect(matchExplanation(z1f, { matchedName: 'Odd', reason: 'something-new' as PageMention['reason'] })).toBe('Odd');
  });

  it('says "then / now" only when the article is dated and the status changed since', () => {
    expect(thenAndNow(DETAIL)).toBe('At the time of this article: rumored 2013-11. Now: released 2014-02.');
    expect(thenAndNow({ current: DETAIL.current })).toBeNull();
    expect(thenAndNow({ current: DETAIL.current, statusAtDate: { status: 'released', date: '2014-02' } })).toBeNull();
    expect(thenAndNow({ current: DETAIL.current, statusAtDate: { status: null } })).toBe(
      'At the time of this article: not yet known. Now: released 2014-02.',
    );
  });
});

describe('the shared device pieces', () => {
  beforeEach(useRealMessages);

  it('labels status badges with their date and a class per status', () => {
    const badge = StatusBadge({ status: 'announced', date: '2014-01-06' }) as VNode<{ class: string }>;
    expect(badge.props.class).toContain('ss-badge-announced');
    expect(renderText(badge).text).toBe('Announced 2014-01-06');
    expect(renderText(<StatusBadge status={null} />).text).toBe('Status unknown');
  });

  it('lists every known spec with its label and leaves unknown specs out', () => {
    const out = renderText(<SpecTable specs={{ displayInches: 4.3, batteryMah: 2300 }} />);
    expect(out.text).toBe('Display\n4.3 in\nBattery\n2300 mAh\n');
  });

  it('lists the timeline oldest first with dates and marks expected dates', () => {
    const out = renderText(
      <StatusTimeline
        events={[
          { status: 'announced', date: '2014-01-06' },
          { status: 'released', date: '2014-02', expected: true },
        ]}
        today="2014-01-10"
      />,
    );
    expect(out.text).toMatch(/2014-01-06Announced[\s\S]*2014-02Released\s*expected/);
    expect(out.text).not.toContain('not confirmed');
  });

  it('says an expected date that has passed is not confirmed, in the timeline and under the status', () => {
    const events = [{ status: 'rumored' as const, date: '2025-06' }, { status: 'announced' as const, date: '2026-02', expected: true }];
    expect(renderText(<StatusTimeline events={events} today="2026-12-08" />).text).toMatch(/2026-02Announced\s*expected, not confirmed/);
    expect(renderText(<StatusTimeline events={events} today="2026-02-10" />).text).not.toContain('not confirmed');
    expect(renderText(<OverdueNote device={{ status: events }} today="2026-12-08" />).text).toBe('Announced: expected 2026-02, not confirmed\n');
    expect(renderText(<OverdueNote device={{ status: events }} today="2026-02-27" />).text).toBe('');
    const launched = [...events, { status: 'announced' as const, date: '2026-03-01' }];
    expect(renderText(<OverdueNote device={{ status: launched }} today="2026-12-08" />).text).toBe('');
  });

  it('puts the matched name first in the name list and counts the hidden rest', () => {
    const out = renderText(<NameList names={Z1_COMPACT.names} limit={1} matchedName="amami" moreLabel={(n) => `+${n} more`} />);
    expect(out.text.startsWith('Amami')).toBe(true);
    expect(out.text).toContain('+2 more');
  });
});
