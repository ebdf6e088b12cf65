// The popup page: mounts PopupApp; the body carries the shared theme (light and dark follow the system).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup/PopupApp';
import { t } from '../../utils/i18n';

document.body.classList.add('ss-root');
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('popupTitle');
render(<PopupApp />, document.getElementById('app')!);
