// The worker's gate: only well-formed SpecScout messages get through, whatever else arrives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateMessage } from '../../utils/protocol-validate';

const runs = Number(process.env.FUZZ_RUNS ?? 300);

describe('message validation', () => {
  it('accepts well-formed messages', () => {
    expect(validateMessage({ specscout: 1, type: 'ping', data: {} }).ok).toBe(true);
    expect(validateMessage({ specscout: 1, type: 'getDevice', data: { id: 'sony-xperia-z1' } }).ok).toBe(true);
    expect(validateMessage({ specscout: 1, type: 'setFollow', data: { id: 'apple-iphone-15', follow: true } }).ok).toBe(true);
  });

  it('refuses foreign, unknown and malformed messages with a reason', () => {
    expect(validateMessage({ type: 'ping', data: {} })).toEqual({ ok: false, reason: 'not a SpecScout message' });
    expect(validateMessage({ specscout: 1, type: 'constructor', data: {} })).toMatchObject({ ok: false, reason: 'unknown message type' });
    expect(validateMessage({ specscout: 1, type: 'getDevice', data: { id: '../../etc' } })).toMatchObject({ ok: false });
    expect(validateMessage({ specscout: 1, type: 'setFollow', data: { id: 'x', follow: 'yes' } })).toMatchObject({ ok: false });
    expect(validateMessage({ specscout: 1, type: 'ping', data: { extra: 1 } })).toMatchObject({ ok: false, reason: 'ping: unexpected field "extra"' });
    expect(validateMessage({ specscout: 1, type: 'search', data: { query: 'x'.repeat(201) } })).toMatchObject({ ok: false });
    expect(validateMessage(null)).toMatchObject({ ok: false });
  });

  it('accepts the article context the worker handed back, and refuses one of any other shape', () => {
    const detect = (context: unknown) =>
      validateMessage({ specscout: 1, type: 'detect', data: { text: 'Xperia Z1', url: 'https://www.gsmarena.com/a', context } });
    const honest = { brands: ['Samsung', 'Sony'], families: ['sony|xperia'], devices: { 'sony-xperia-z1': 2, 'sony-xperia-z1-f': 0 } };
    expect(detect(honest).ok).toBe(true);
    expect(detect(undefined).ok).toBe(true);
    for (const forged of [
      { brands: 5, families: [], devices: {} },
      { brands: [5], families: [], devices: {} },
      { brands: [], families: 'sony|xperia', devices: {} },
      { brands: [], families: [], devices: [] },
      { brands: [], families: [], devices: { 'sony-xperia-z1': 'many' } },
      { brands: [], families: [], devices: { 'sony-xperia-z1': -1 } },
      { brands: [], families: [], devices: { 'sony-xperia-z1': 1.5 } },
      { brands: [], families: [], devices: { '<b>': 1 } },
      { brands: [], families: [], devices: JSON.parse('{"__proto__": 1}') as unknown },
      { brands: [], families: [] },
      { ...honest, extra: true },
      { brands: ['x'.repeat(101)], families: [], devices: {} },
      { brands: Array.from({ length: 2001 }, () => 'Sony'), families: [], devices: {} },
      [],
      'context',
    ]) {
      expect(detect(forged), JSON.stringify(forged).slice(0, 80)).toMatchObject({ ok: false, reason: 'detect: field "context" has the wrong shape' });
    }
  });

  it('property: never throws and never accepts a message without the envelope', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validateMessage(value);
        if (result.ok) {
          expect((value as { specscout?: unknown }).specscout).toBe(1);
        }
      }),
      { numRuns: runs, seed: 42 },
    );
  });

  it('property: accepts a message only when its payload has the declared shape', () => {
    fc.assert(
      fc.property(fc.record({ id: fc.string(), follow: fc.anything() }), (data) => {
        const result = validateMessage({ specscout: 1, type: 'setFollow', data });
        expect(result.ok).toBe(typeof data.follow === 'boolean' && /^[a-z0-9][a-z0-9-]*$/.test(data.id) && data.id.length <= 200);
      }),
      { numRuns: runs, seed: 7 },
    );
  });
});
