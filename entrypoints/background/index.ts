// The service worker: owns the index, follows and notifications. Every listener is registered
// synchronously here, at start, because MV3 may kill and wake the worker at any time.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { registerRouter } from './router';
import { registerSiteListeners } from './sites';
import { recordFromDetect } from './reading';
import { detectHooks } from './detect';
import { createHandlers } from './handlers';
import { ensureIndex, onIndexReplaced } from './index-store';
import { afterIndexReplaced, refreshBadge, restoreFollowsFromCopies } from './follows';
import { handleNotificationClick } from './notifier';
import { handleAlarm, scheduleRefresh } from './updater';
import { onCommand } from './commands';
import { onDatabaseRecreated } from '../../utils/db';
import { DATA_NOTIFICATION_ID, resumeSync, SYNC_RETRY_ALARM } from '../../utils/reader-copies';

export default defineBackground(() => {
  // Content scripts for the extra sites the reader granted (permission added/removed, install, startup).
  registerSiteListeners();
  // Reading history: every page the detect handler read, with the devices it names.
  detectHooks.onPageDevices = recordFromDetect;
  registerRouter(createHandlers(), {
    onRefused: (reason) => console.debug('SpecScout refused a message:', reason),
    onError: (type, error) => console.warn(`SpecScout: ${type} failed`, error),
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    // Install and update bring a new shipped index; anything else only repairs a missing one. The promise
    // is returned: Firefox gives a listener still pending at the idle timeout one more period.
    return ensureIndex(reason === 'install' ? 'install' : reason === 'update' ? 'update' : 'repair').then(
      () => undefined,
      (error: unknown) => console.error('SpecScout: installing the index failed', error),
    );
  });
  // The `open-card` keyboard command, forwarded to the active tab's content script.
  browser.commands.onCommand.addListener((command) => void onCommand(command));
  browser.runtime.onStartup.addListener(() => {
    void ensureIndex().catch((error: unknown) => console.error('SpecScout: the index could not be checked', error));
  });

  // Follows: diffed after every index replacement (shipped on install/update, or a feed); restored from
  // their copies when the database has none; the badge is re-set on browser start (the browser forgets it).
  onIndexReplaced(() => afterIndexReplaced());
  // A database rebuilt after corruption gets the shipped index back (whose listener above restores follows).
  onDatabaseRecreated(async () => {
    await ensureIndex('repair');
  });
  browser.runtime.onStartup.addListener(() => {
    void restoreFollowsFromCopies()
      .then(() => refreshBadge())
      .catch((error: unknown) => console.warn('SpecScout: follows could not be checked', error));
  });
  browser.notifications.onClicked.addListener((id) => {
    void handleNotificationClick(id).catch((error: unknown) => console.warn('SpecScout: notification click failed', error));
  });
  // Feed refresh: the alarm survives worker restarts; (re)created on every start in case settings changed.
  browser.alarms.onAlarm.addListener((alarm) => {
    void handleAlarm(alarm).catch((error: unknown) => console.warn('SpecScout: refresh failed', error));
  });
  void scheduleRefresh().catch((error: unknown) => console.warn('SpecScout: refresh alarm not set', error));
  // The storage.sync copy: a write that failed (Chrome's rate limit, no account) is retried by its alarm,
  // and at every worker start in case the worker died before the alarm was set.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_RETRY_ALARM) void resumeSync().catch((error: unknown) => console.warn('SpecScout: sync retry failed', error));
  });
  void resumeSync().catch((error: unknown) => console.warn('SpecScout: sync not resumed', error));
  // "Your data was restored / lost" opens the options page, which lists what happened.
  browser.notifications.onClicked.addListener((id) => {
    if (id === DATA_NOTIFICATION_ID) void browser.runtime.openOptionsPage().catch((error: unknown) => console.warn('SpecScout: options not opened', error));
  });
});
