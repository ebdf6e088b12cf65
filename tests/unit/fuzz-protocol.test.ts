// Fuzz of the message validator: whatever a sender puts in an envelope, validateMessage never throws, and
// what it accepts has exactly the declared fields of a known type. Fixed seeds; FUZZ_RUNS sets the runs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateMessage } from '../../utils/protocol-validate';
import type { BackgroundType } from '../../utils/protocol';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const TYPES: BackgroundType[] = [
  'ping', 'detect', 'getDevice', 'getSummaries', 'search', 'setFollow', 'setMuted', 'listFollows', 'markChangesSeen',
  'getSettings', 'setSettings', 'rejectMatch', 'checkNow', 'restoreBuiltInData', 'getIndexInfo', 'exportData', 'previewImport', 'importData', 'backupStatus', 'dismissDataNotices', 'resetData',
  'readingHistory', 'forgetReadingHistory', 'comparedWith', 'recentChanges', 'openRecord',
];

/** The fields each type may carry (as the protocol declares them). */
const FIELDS: Record<BackgroundType, string[]> = {
  ping: [], detect: ['text', 'context', 'url', 'title', 'publishedAt'], getDevice: ['id', 'at'], getSummaries: ['ids'],
  search: ['query', 'limit'], setFollow: ['id', 'follow'], setMuted: ['id', 'muted'], listFollows: [], markChangesSeen: [],
  getSettings: [], setSettings: ['patch'], rejectMatch: ['site', 'deviceId', 'matchedName', 'scope'], checkNow: [], restoreBuiltInData: [],
  getIndexInfo: [], exportData: [], previewImport: ['json'], importData: ['json', 'settings'], backupStatus: [], dismissDataNotices: [], resetData: ['keepFollows'], readingHistory: ['deviceId'],
  forgetReadingHistory: [], comparedWith: ['id'], recentChanges: [], openRecord: ['id', 'section'],
};

const hostileKey = fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'id', 'text', 'data');
const anyValue = fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, maxDepth: 3 });
const payload = fc.oneof(
  anyValue,
  fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), anyValue, { maxKeys: 5 }),
  // A JSON round trip makes "__proto__" an own key, as a structured-cloned message would.
  fc.dictionary(fc.oneof(hostileKey, fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map(
    (d) => JSON.parse(JSON.stringify(d)) as unknown,
  ),
);
const envelope = fc.record(
  {
    specscout: fc.oneof(fc.constant(1), anyValue),
    type: fc.oneof(fc.constantFrom(...TYPES), hostileKey, fc.string({ maxLength: 12 })),
    data: payload,
  },
  { requiredKeys: [] },
);

describe('message validator fuzz', () => {
  it('fuzz: never throws, and accepts only known types with declared fields', () => {
    fc.assert(
      fc.property(fc.oneof(envelope, anyValue), (message) => {
        const result = validateMessage(message);
        if (!result.ok) {
          expect(typeof result.reason).toBe('string');
          return;
        }
        const m = message as { specscout: unknown; type: BackgroundType };
        expect(m.specscout).toBe(1);
        expect(TYPES).toContain(result.message.type);
        const data = result.message.data as Record<string, unknown>;
        for (const key of Object.keys(data)) expect(FIELDS[result.message.type]).toContain(key);
      }),
      { numRuns: RUNS, seed: 8_2025 },
    );
  });

  it('fuzz: ids that reach a handler are plain lowercase slugs, never markup or paths', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: 'binary' }), fc.constantFrom<BackgroundType>('getDevice', 'openRecord', 'comparedWith'), (id, type) => {
        const result = validateMessage({ specscout: 1, type, data: { id } });
        expect(result.ok).toBe(/^[a-z0-9][a-z0-9-]*$/.test(id));
      }),
      { numRuns: RUNS, seed: 8_2026 },
    );
  });
});
