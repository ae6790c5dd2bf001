// The outbox in the side panel: how many passages wait, the last error in plain words, "Skicka nu", and when sending fails
// or nothing is set up, the connection doctor with a link to the options where the fix is made.
import type { Diagnosis } from '../lib/connection-doctor';
import { errorText, t } from '../lib/i18n';
import type { SyncSummary } from '../lib/messages';
import { ConnectionTest } from './ConnectionTest';

interface Props {
  sync: SyncSummary;
  onSend: () => void;
  /** Asks the connection doctor about the saved settings. */
  onCheck: () => Promise<Diagnosis>;
}

export function OutboxStatus({ sync, onSend, onCheck }: Props) {
  const { lastError } = sync.state;
  const troubled = !sync.configured || lastError !== null;
  return (
    <section class="sync">
      <h2>{t('outbox')}</h2>
      <p>{t('unsent')}: <span class="unsent-count">{sync.unsent}</span></p>
      {!sync.configured ? <p class="error">{t('notConfigured')}</p> : null}
      {lastError ? <p class="error last-error">{t('lastError')}: {errorText(lastError.code)}</p> : null}
      <button type="button" onClick={onSend}>{t('sendNow')}</button>
      {troubled ? (
        <>
          {/* A finding about an earlier kind of failure is cleared when the failure changes. */}
          <ConnectionTest key={lastError?.code ?? 'not-configured'} check={onCheck} />
          <p><a class="open-options" href={browser.runtime.getURL('/options.html')} target="_blank" rel="noreferrer">{t('openOptions')}</a></p>
        </>
      ) : null}
      {sync.sheetUrl ? <a href={sync.sheetUrl} target="_blank" rel="noreferrer">{t('openSheet')}</a> : null}
    </section>
  );
}
