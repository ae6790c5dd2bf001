// The popup: a short summary of the post (passages per kind, unsent, the last error in plain words) and a button to the side panel.
import { useEffect, useState } from 'preact/hooks';
import { KINDS } from '../../shared/kinds';
import { errorText, t } from '../lib/i18n';
import { send, sendToTab, type PageState, type SyncSummary } from '../lib/messages';
import { openSidePanel } from '../lib/side-panel';
import type { Browser } from 'wxt/browser';

export function PopupApp() {
  const [page, setPage] = useState<PageState | null | undefined>(undefined);
  const [sync, setSync] = useState<SyncSummary | null>(null);
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);

  useEffect(() => {
    void send({ type: 'sync-summary' }).then(setSync);
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
      setTab(active ?? null);
      setPage(active?.id === undefined ? null : await sendToTab(active.id, { type: 'page-state' }).catch(() => null));
    });
  }, []);

  const count = (kind: string) => page?.passages.filter((p) => p.passage.kind === kind).length ?? 0;
  return (
    <main>
      <h1>Annotera</h1>
      {page === undefined ? null : page === null ? <p>{t('notAPost')}</p> : (
        <>
          <div class="meta">{page.title}</div>
          <div class="totals">
            <span>{t('total')}: <b class="total-count">{page.passages.length}</b></span>
            {KINDS.map((kind) => <span key={kind} class={`count-${kind}`}>{t(`kind.${kind}`)}: {count(kind)}</span>)}
          </div>
        </>
      )}
      {sync ? (
        <section class="sync">
          <p>{t('unsent')}: <span class="unsent-count">{sync.unsent}</span></p>
          {!sync.configured ? <p class="error">{t('notConfigured')}</p> : null}
          {sync.state.lastError ? <p class="error last-error">{errorText(sync.state.lastError.code)}</p> : null}
        </section>
      ) : null}
      {tab ? <button type="button" class="primary" onClick={() => void openSidePanel(tab).then(() => window.close())}>{t('openPanel')}</button> : null}
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('settings')}</button>
    </main>
  );
}
