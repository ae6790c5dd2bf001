// Options: web app address, team token, your name; "Testa anslutningen"; the codebook pulled from the sheet and cached.
import { useEffect, useState } from 'preact/hooks';
import type { Codebook } from '../../shared/codebook';
import { isHttpUrl } from '../../shared/url';
import { errorText, language, localLabel, t } from '../lib/i18n';
import { send } from '../lib/messages';
import { codebookItem, settingsItem, type Settings } from '../lib/settings';
import { ConnectionTest } from './ConnectionTest';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [codebook, setCodebook] = useState<{ codebook: Codebook; fetchedAt: string | null } | null>(null);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    void codebookItem.getValue().then(setCodebook);
    return codebookItem.watch((value) => setCodebook(value));
  }, []);
  if (!settings) return null;
  const update = (change: Partial<Settings>) => setSettings({ ...settings, ...change });
  const valid = !settings.endpoint || isHttpUrl(settings.endpoint);
  const store = () => settingsItem.setValue({ ...settings, endpoint: settings.endpoint.trim(), token: settings.token.trim() });
  const save = async () => {
    if (!valid) return setStatus({ ok: false, text: t('endpointInvalid') });
    await store();
    setStatus({ ok: true, text: t('settingsSaved') });
  };
  /** Saves what is filled in (when it is an address at all) and asks the doctor about it; the finding speaks for itself. */
  const check = async () => {
    setStatus(null);
    if (valid) await store();
    return send({ type: 'check-connection', settings });
  };
  const refresh = async () => {
    const answer = await send({ type: 'refresh-codebook' });
    if (!answer.ok) setStatus({ ok: false, text: errorText(answer.code) });
  };
  return (
    <main>
      <h1>Annotera – {t('settings')}</h1>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label>{t('endpoint')}<input type="url" name="endpoint" value={settings.endpoint} onInput={(e) => update({ endpoint: e.currentTarget.value })} /></label>
        <label>{t('token')}<input type="password" name="token" value={settings.token} onInput={(e) => update({ token: e.currentTarget.value })} /></label>
        <label>{t('author')}<input type="text" name="author" maxLength={200} value={settings.author} onInput={(e) => update({ author: e.currentTarget.value })} /></label>
        <button type="submit" class="primary">{t('saveSettings')}</button>
        <ConnectionTest check={check} />
      </form>
      {status ? <p class={status.ok ? 'ok status' : 'error status'} role="status">{status.text}</p> : null}
      <h2>{t('codebook')}</h2>
      {codebook ? (
        <>
          <p class="meta">{codebook.fetchedAt ? t('codebookFetched', [new Date(codebook.fetchedAt).toLocaleString(language)]) : t('codebookDefault')}</p>
          <ul>
            {codebook.codebook.themes.map((theme) => (
              <li key={theme.id}><span class="swatch" style={{ background: theme.color }} />{localLabel(theme.label)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" onClick={() => void refresh()}>{t('refreshCodebook')}</button>
    </main>
  );
}
