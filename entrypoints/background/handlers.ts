// The one handler for each message type. Feature modules own the logic; this file only wires them.
import { browser } from 'wxt/browser';
import type { Handlers } from './router';
import { searchDevices } from './search';
import { getIndexInfo } from './index-info';
import { comparedWith, forgetReadingHistory, readingHistory } from './reading';
import { currentStatus } from '../../core/status';
import { ensureIndex, getDevice, getSummaries, restoreShippedIndex } from './index-store';
import { detectOnPage } from './detect';
import { loadSettings, saveSettings } from '../../utils/settings';
import { statusRegion } from '../../utils/settings-model';
import { broadcastSettings } from './broadcast';
import { getDB } from '../../utils/db';
import { rejectMatch } from './rejections';
import { openRecord } from './open-record';
import { listFollows, markChangesSeen, recentChanges, setFollow, setMuted } from './follows';
import { checkNow, scheduleRefresh } from './updater';
import { exportData, importData, previewImport, resetData } from './transfer';
import { clearDataNotices, readDataNotices, syncStatus } from '../../utils/reader-copies';

export function createHandlers(): Handlers {
  return {
    ping: async () => ({ version: browser.runtime.getManifest().version, indexVersion: (await ensureIndex()).version }),
    detect: (data, sender) => detectOnPage(data, sender),
    getDevice: async ({ id, at }) => {
      const device = await getDevice(id);
      if (!device) return null;
      const follow = await (await getDB()).get('follows', id);
      const region = statusRegion(await loadSettings());
      const now = currentStatus(device, undefined, region);
      const then = at ? currentStatus(device, at.slice(0, 10), region) : undefined;
      return {
        device,
        following: follow !== undefined,
        muted: follow?.muted ?? false,
        current: { status: now?.status ?? null, ...(now?.date ? { date: now.date } : {}) },
        ...(at ? { statusAtDate: { status: then?.status ?? null, ...(then?.date ? { date: then.date } : {}) } } : {}),
      };
    },
    getSummaries: ({ ids }) => getSummaries(ids),
    search: ({ query, limit }) => searchDevices(query, limit),
    setFollow: ({ id, follow }) => setFollow(id, follow),
    setMuted: ({ id, muted }) => setMuted(id, muted),
    listFollows: () => listFollows(),
    markChangesSeen: () => markChangesSeen(),
    getSettings: () => loadSettings(),
    setSettings: async ({ patch }) => {
      const settings = await saveSettings(patch);
      await broadcastSettings(settings);
      // The refresh alarm's period follows refreshHours at once, not only after the next alarm.
      await scheduleRefresh(settings.refreshHours);
      return settings;
    },
    rejectMatch: (data) => rejectMatch(data),
    checkNow: () => checkNow(),
    restoreBuiltInData: () => restoreShippedIndex(),
    getIndexInfo: () => getIndexInfo(),
    exportData: () => exportData(),
    previewImport: ({ json }) => previewImport(json),
    importData: async ({ json, settings }) => {
      const result = await importData(json, settings);
      // Imported settings reach open tabs and the refresh alarm as a setSettings change does.
      if (result.ok && settings === 'replace') {
        const current = await loadSettings();
        await broadcastSettings(current);
        await scheduleRefresh(current.refreshHours);
      }
      return result;
    },
    backupStatus: async () => ({ sync: await syncStatus(), notices: await readDataNotices() }),
    dismissDataNotices: async () => {
      await clearDataNotices();
      return { ok: true as const };
    },
    resetData: ({ keepFollows }) => resetData(keepFollows),
    readingHistory: ({ deviceId }) => readingHistory(deviceId),
    forgetReadingHistory: () => forgetReadingHistory(),
    comparedWith: ({ id }) => comparedWith(id),
    recentChanges: () => recentChanges(),
    openRecord: ({ id, section }, sender) => openRecord(id, sender.tab?.id, undefined, section),
  };
}

