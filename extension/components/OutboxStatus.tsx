// The outbox in the side panel: how many passages wait, the last error in plain words, and "Skicka nu".
import { errorText, t } from '../lib/i18n';
import type { SyncSummary } from '../lib/messages';

export function OutboxStatus({ sync, onSend }: { sync: SyncSummary; onSend: () => void }) {
  return (
    <section class="sync">
      <h2>{t('outbox')}</h2>
      <p>{t('unsent')}: <span class="unsent-count">{sync.unsent}</span></p>
      {!sync.configured ? <p class="error">{t('notConfigured')}</p> : null}
      {sync.state.lastError ? <p class="error last-error">{t('lastError')}: {errorText(sync.state.lastError.code)}</p> : null}
      <button type="button" onClick={onSend}>{t('sendNow')}</button>
      {sync.sheetUrl ? <a href={sync.sheetUrl} target="_blank" rel="noreferrer">{t('openSheet')}</a> : null}
    </section>
  );
}
