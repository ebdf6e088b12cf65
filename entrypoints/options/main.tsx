// The options page: mounts OptionsApp; the body carries the shared theme (light and dark follow the system).
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import { t } from '../../utils/i18n';

document.body.classList.add('ss-root');
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
render(<OptionsApp />, document.getElementById('app')!);
