// The service worker: owns the index, follows and notifications. Every listener is registered
// synchronously here, at start, because MV3 may kill and wake the worker at any time.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { registerRouter } from './router';
import { createHandlers } from './handlers';

export default defineBackground(() => {
  registerRouter(createHandlers(), {
    onRefused: (reason) => console.debug('SpecScout refused a message:', reason),
    onError: (type, error) => console.warn(`SpecScout: ${type} failed`, error),
  });
  browser.runtime.onInstalled.addListener(() => {});
});
