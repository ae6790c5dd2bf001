// The popup: the page's passages (kind, themes, municipality, quote, sync state), orphans, totals, errors, a link to the sheet.
import { useEffect, useState } from 'preact/hooks';
import { labelFor, type Codebook } from '../../shared/codebook';
import { municipalityByCode } from '../../shared/municipalities';
import { language, words } from '../lib/i18n';
import { send, sendToTab, type PagePassage, type PageState, type SyncSummary } from '../lib/messages';

function PassageItem({ item, codebook, unsent }: { item: PagePassage; codebook: Codebook; unsent: boolean }) {
  const { passage } = item;
  const themes = passage.themes.map((id) => {
    const theme = codebook.themes.find((t) => t.id === id);
    return theme ? labelFor(theme.label, language) : id;
  });
  return (
    <li class={`kind-${passage.kind}`} data-id={passage.id}>
      <div class="meta">
        {words.kinds[passage.kind]} · {municipalityByCode(passage.municipality)?.shortName ?? passage.municipality}
        {themes.length ? ` · ${themes.join(', ')}` : ''} · <span class={unsent ? 'state-unsent' : 'state-sent'}>{unsent ? words.pending : words.sent}</span>
      </div>
      <div class="quote">{passage.quote.length > 200 ? `${passage.quote.slice(0, 200)}…` : passage.quote}</div>
      {passage.note ? <div class="meta">{passage.note}</div> : null}
    </li>
  );
}

export function PopupApp() {
  const [page, setPage] = useState<PageState | null | undefined>(undefined);
  const [sync, setSync] = useState<SyncSummary | null>(null);
  const [codebook, setCodebook] = useState<Codebook | null>(null);

  const refresh = async () => {
    setSync(await send({ type: 'sync-summary' }));
    setCodebook(await send({ type: 'get-codebook' }));
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    setPage(tab?.id === undefined ? null : await sendToTab(tab.id, { type: 'page-state' }).catch(() => null));
  };
  useEffect(() => void refresh(), []);

  const unsent = new Set(sync?.unsentIds ?? []);
  const anchored = page?.passages.filter((p) => p.anchored) ?? [];
  const orphans = page?.passages.filter((p) => !p.anchored) ?? [];
  const count = (kind: string) => anchored.filter((p) => p.passage.kind === kind).length + orphans.filter((p) => p.passage.kind === kind).length;
  return (
    <main>
      <h1>Annotera</h1>
      {page === undefined ? null : page === null ? <p>{words.notAPost}</p> : (
        <>
          <div class="meta">{page.title}</div>
          <h2>{words.pagePassages}</h2>
          {page.passages.length === 0 ? <p>{words.noPassages}</p> : null}
          <ul class="passages">{codebook && anchored.map((item) => <PassageItem key={item.passage.id} item={item} codebook={codebook} unsent={unsent.has(item.passage.id)} />)}</ul>
          {orphans.length ? (
            <>
              <h2>{words.orphans}</h2>
              <ul class="passages orphans">{codebook && orphans.map((item) => <PassageItem key={item.passage.id} item={item} codebook={codebook} unsent={unsent.has(item.passage.id)} />)}</ul>
            </>
          ) : null}
          <div class="totals">
            <span>{words.total}: {page.passages.length}</span>
            <span>{words.kinds.theme}: {count('theme')}</span>
            <span>{words.kinds.plan}: {count('plan')}</span>
            <span>{words.kinds.national}: {count('national')}</span>
          </div>
        </>
      )}
      {sync ? (
        <section class="sync">
          <h2>{words.unsent}: <span class="unsent-count">{sync.unsent}</span></h2>
          {!sync.configured ? <p class="error">{words.notConfigured}</p> : null}
          {sync.state.lastError ? (
            <p class="error last-error">
              {words.lastError}: {sync.state.lastError.message} ({sync.state.lastError.code})
              {sync.state.stoppedFor ? <><br />{words.authStopped}</> : null}
            </p>
          ) : null}
          <button type="button" onClick={async () => { setSync(await send({ type: 'sync-now' })); }}>{words.sendNow}</button>
          {sync.sheetUrl ? <a href={sync.sheetUrl} target="_blank" rel="noreferrer">{words.openSheet}</a> : null}
          <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{words.settings}</button>
        </section>
      ) : null}
    </main>
  );
}
