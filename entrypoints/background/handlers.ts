// The one handler for each message type.
import { browser } from 'wxt/browser';
import type { Handlers } from './router';

const notYet = (name: string) => () => {
  throw new Error(`${name} is not available yet`);
};

export function createHandlers(): Handlers {
  return {
    ping: () => ({ version: browser.runtime.getManifest().version, indexVersion: null }),
    detect: notYet('detect'),
    getDevice: notYet('getDevice'),
    getSummaries: notYet('getSummaries'),
    search: notYet('search'),
    setFollow: notYet('setFollow'),
    setMuted: notYet('setMuted'),
    listFollows: notYet('listFollows'),
    markChangesSeen: notYet('markChangesSeen'),
    getSettings: notYet('getSettings'),
    setSettings: notYet('setSettings'),
    rejectMatch: notYet('rejectMatch'),
    checkNow: notYet('checkNow'),
    getIndexInfo: notYet('getIndexInfo'),
    exportData: notYet('exportData'),
    importData: notYet('importData'),
    resetData: notYet('resetData'),
    readingHistory: notYet('readingHistory'),
    forgetReadingHistory: notYet('forgetReadingHistory'),
    recentChanges: notYet('recentChanges'),
  };
}
