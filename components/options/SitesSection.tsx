// Sites: the default tech news sites with a switch each, and extra sites the reader added (the site's
// permission is asked for inside the click that adds it; the worker then registers the content script).
import { useState } from 'preact/hooks';
import { DEFAULT_NEWS_SITES } from '../../core/sites';
import type { Settings } from '../../utils/protocol';
import { t } from '../../utils/i18n';
import { Toggle } from '../common/Toggle';
import { useAsync } from '../common/useAsync';
import { isDefaultSite, hasSiteAccess, removeSiteAccess, requestSiteAccess, siteOfHost } from '../common/site-access';
import type { SavePatch } from './OptionsApp';

/** What the reader typed ("https://www.example.com/news", "example.com") as a site, or null. */
export function parseSiteInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return siteOfHost(url.hostname);
  } catch {
    return null;
  }
}

export function SitesSection({ settings, save }: { settings: Settings; save: SavePatch }) {
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');
  const [access, reloadAccess] = useAsync(
    async () => new Map(await Promise.all(settings.enabledSites.map(async (site) => [site, await hasSiteAccess(site).catch(() => false)] as const))),
    [settings.enabledSites.join(',')],
  );

  const setDefault = (site: string, on: boolean) =>
    void save({ disabledSites: on ? settings.disabledSites.filter((s) => s !== site) : [...settings.disabledSites, site] });

  const add = (event: Event) => {
    event.preventDefault();
    const site = parseSiteInput(input);
    if (!site) {
      setMessage(t('optionsSiteInvalid'));
      return;
    }
    if (isDefaultSite(site)) {
      setMessage(t('optionsSiteIsDefault', site));
      setDefault(site, true);
      return;
    }
    // First browser call in the submit: the permission prompt needs the user's gesture.
    requestSiteAccess(site).then(
      async (granted) => {
        if (!granted) {
          setMessage(t('optionsSiteDenied', site));
          return;
        }
        await save({ enabledSites: [...settings.enabledSites.filter((s) => s !== site), site] });
        setInput('');
        setMessage(t('optionsSiteAdded', site));
        reloadAccess();
      },
      () => setMessage(t('optionsSiteDenied', site)),
    );
  };

  const remove = (site: string) => {
    void removeSiteAccess(site)
      .catch(() => false)
      .then(() => save({ enabledSites: settings.enabledSites.filter((s) => s !== site) }))
      .then(() => setMessage(t('optionsSiteRemoved', site)));
  };

  const regrant = (site: string) => {
    requestSiteAccess(site).then(() => reloadAccess(), () => undefined);
  };

  return (
    <section id="sites" class="app-section" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('optionsSites')}</h2>
      <p class="ss-muted app-small">{t('optionsSitesIntro')}</p>
      <h3>{t('optionsSitesDefault')}</h3>
      <ul class="app-list app-sites">
        {DEFAULT_NEWS_SITES.map((site) => (
          <li key={site}>
            <Toggle id={`site-${site.replace(/\W/g, '-')}`} label={site} checked={!settings.disabledSites.includes(site)} onChange={(on) => setDefault(site, on)} />
          </li>
        ))}
      </ul>
      <h3>{t('optionsSitesExtra')}</h3>
      {settings.enabledSites.length === 0 ? <p class="ss-muted app-small">{t('optionsSitesExtraEmpty')}</p> : null}
      <ul class="app-list">
        {settings.enabledSites.map((site) => {
          const granted = access.state === 'ready' ? access.value.get(site) : undefined;
          return (
            <li key={site} class="app-row">
              <span>{site}</span>
              {granted === false ? (
                <>
                  <span class="ss-muted app-small">{t('optionsSiteNoAccess')}</span>
                  <button type="button" class="ss-button" onClick={() => regrant(site)}>
                    {t('optionsSiteAllow')}
                    <span class="visually-hidden"> {site}</span>
                  </button>
                </>
              ) : null}
              <button type="button" class="ss-button" onClick={() => remove(site)}>
                {t('optionsSiteRemove')}
                <span class="visually-hidden"> {site}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <form class="app-row" onSubmit={add}>
        <label class="app-field">
          <span>{t('optionsSiteAddLabel')}</span>
          <input type="text" value={input} placeholder="example.com" onInput={(e) => setInput(e.currentTarget.value)} />
        </label>
        <button type="submit" class="ss-button ss-button-primary">
          {t('optionsSiteAdd')}
        </button>
      </form>
      {message ? (
        <p class="app-notice" role="status">
          {message}
        </p>
      ) : null}
    </section>
  );
}
