// The side panel: the post's passages in reading order (filters, totals, edit, delete with undo), orphans to re-attach,
// suggestions from the post's structure, and the outbox.
import { useEffect, useState } from 'preact/hooks';
import type { Codebook } from '../../shared/codebook';
import { KINDS } from '../../shared/kinds';
import type { Passage } from '../../shared/passage';
import { structureSuggestions, type Suggestion } from '../../shared/suggestions';
import { suggestThemes } from '../../shared/theme-search';
import { describeRange } from '../anchoring/selector';
import { dismiss, dismissedOf } from '../lib/dismissed';
import { localLabel, t } from '../lib/i18n';
import { send, sendToTab, type PagePassage, type PageState, type Request, type SyncSummary } from '../lib/messages';
import { followTab } from '../lib/panel-tab';
import { deletePassage, editPassage, newPassage, restorePassage } from '../lib/passage-edit';
import { settingsItem } from '../lib/settings';
import { OutboxStatus } from './OutboxStatus';
import { PassageItem } from './PassageItem';
import { SuggestionList } from './SuggestionList';
import { TagToolbar } from './TagToolbar';
import { UndoBar } from './UndoBar';

interface Filter {
  kind: string;
  theme: string;
  author: string;
}

const now = () => new Date().toISOString();

async function save(passage: Passage): Promise<void> {
  const answer = (await send({ type: 'save-passage', passage })) as { ok?: boolean; error?: string };
  if (!answer?.ok) throw new Error(answer?.error ?? 'not saved');
}

/** The connection doctor's finding about the saved settings. */
const checkConnection = async () => send({ type: 'check-connection', settings: await settingsItem.getValue() });

const matches = (filter: Filter) => ({ passage }: PagePassage) =>
  (!filter.kind || passage.kind === filter.kind) && (!filter.theme || passage.themes.includes(filter.theme)) && (!filter.author || passage.author === filter.author);

export function SidePanelApp({ fixedTab }: { fixedTab: number | null }) {
  const [tabId, setTabId] = useState<number | null>(null);
  const [page, setPage] = useState<PageState | null | undefined>(undefined);
  const [codebook, setCodebook] = useState<Codebook | null>(null);
  const [sync, setSync] = useState<SyncSummary | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = useState<Filter>({ kind: '', theme: '', author: '' });
  const [editing, setEditing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Passage | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => followTab(fixedTab, setTabId), []);
  useEffect(() => {
    const refreshSync = () => void send({ type: 'sync-summary' }).then(setSync);
    void send({ type: 'get-codebook' }).then(setCodebook);
    refreshSync();
    browser.storage.onChanged.addListener(refreshSync);
    return () => browser.storage.onChanged.removeListener(refreshSync);
  }, []);
  useEffect(() => {
    const load = async () => {
      const state = tabId === null ? null : await sendToTab(tabId, { type: 'page-state' }).catch(() => null);
      if (state) setDismissed(await dismissedOf(state.url));
      setPage(state);
    };
    const onMessage = (request: Request, sender: { tab?: { id?: number } }) => {
      if (request.type === 'page-changed' && sender.tab?.id === tabId) void load();
    };
    void load();
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);

  if (page === undefined || !codebook) return null;
  if (page === null) return <main><h1>{t('panelTitle')}</h1><p>{tabId === null ? t('noTab') : t('notAPost')}</p></main>;

  const unsent = new Set(sync?.unsentIds ?? []);
  const anchored = page.passages.filter((p) => p.anchored).sort((a, b) => a.start! - b.start!);
  const orphans = page.passages.filter((p) => !p.anchored);
  const shown = anchored.filter(matches(filter));
  const authors = [...new Set(page.passages.map((p) => p.passage.author).filter(Boolean))].sort();
  const tagged = anchored.map((p) => ({ start: p.start!, end: p.start! + p.passage.quote.length }));
  const suggestions = structureSuggestions(page.sections, tagged, dismissed);
  const municipality = page.detected[0] ?? '';
  const fail = (error: unknown) => setNotice(t('notSaved', [error instanceof Error ? error.message : String(error)]));

  const remove = (passage: Passage) => {
    const tombstone = deletePassage(passage, now());
    void save(tombstone).then(() => setDeleted(tombstone), fail);
  };
  const accept = async (items: Suggestion[]) => {
    const { author } = await settingsItem.getValue();
    const info = { url: page.url, pageTitle: page.title, author };
    for (const item of items) {
      const tagging = { kind: item.kind, themes: suggestThemes(codebook, item.text), municipality, note: '' };
      await save(newPassage(crypto.randomUUID(), info, describeRange(page.text, item.start, item.end), tagging, now())).catch(fail);
    }
  };
  const reject = async (item: Suggestion) => {
    await dismiss(page.url, [item.key]);
    setDismissed(await dismissedOf(page.url));
  };
  const reattach = async (id: string) => {
    const answer = await sendToTab(tabId!, { type: 'reattach', id });
    setNotice(answer.ok ? '' : answer.message);
  };
  const item = ({ passage }: PagePassage, orphan: boolean) => (
    <PassageItem
      key={passage.id}
      passage={passage}
      codebook={codebook}
      unsent={unsent.has(passage.id)}
      onGoTo={orphan ? undefined : () => void sendToTab(tabId!, { type: 'scroll-to', id: passage.id })}
      onEdit={() => setEditing(editing === passage.id ? null : passage.id)}
      onDelete={() => remove(passage)}
    >
      {orphan ? <button type="button" class="reattach" onClick={() => void reattach(passage.id)}>{t('reattach')}</button> : null}
      {editing === passage.id ? (
        <TagToolbar
          mode="edit"
          quote={passage.quote}
          initial={{ kind: passage.kind, themes: passage.themes, municipality: passage.municipality, note: passage.note }}
          suggested={[]}
          detected={page.detected}
          codebook={codebook}
          onSave={(tagging) => void save(editPassage(passage, tagging, now())).then(() => setEditing(null), fail)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </PassageItem>
  );

  return (
    <main>
      <h1>{t('panelTitle')}</h1>
      <div class="meta post-title">{page.title}</div>
      <div class="totals">
        <span>{t('total')}: <b class="total-count">{page.passages.length}</b></span>
        {KINDS.map((kind) => <span key={kind} class={`count-${kind}`}>{t(`kind.${kind}`)}: {page.passages.filter((p) => p.passage.kind === kind).length}</span>)}
      </div>
      {notice ? <p class="error" role="alert">{notice}</p> : null}
      <section class="list" aria-labelledby="passages-title">
        <h2 id="passages-title">{t('passages')}</h2>
        <div class="filters" role="group" aria-label={t('filters')}>
          <select aria-label={t('kind.label')} value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.currentTarget.value })}>
            <option value="">{t('allKinds')}</option>
            {KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}`)}</option>)}
          </select>
          <select aria-label={t('themes')} value={filter.theme} onChange={(e) => setFilter({ ...filter, theme: e.currentTarget.value })}>
            <option value="">{t('allThemes')}</option>
            {codebook.themes.map((theme) => <option key={theme.id} value={theme.id}>{localLabel(theme.label)}</option>)}
          </select>
          <select aria-label={t('author')} value={filter.author} onChange={(e) => setFilter({ ...filter, author: e.currentTarget.value })}>
            <option value="">{t('allAuthors')}</option>
            {authors.map((author) => <option key={author} value={author}>{author}</option>)}
          </select>
        </div>
        {page.passages.length === 0 ? <p>{t('noPassages')}</p> : null}
        <ul class="passages anchored">{shown.map((p) => item(p, false))}</ul>
      </section>
      {orphans.length ? (
        <section class="orphans" aria-labelledby="orphans-title">
          <h2 id="orphans-title">{t('orphans')}</h2>
          <p class="meta">{t('orphansHelp')}</p>
          <ul class="passages">{orphans.map((p) => item(p, true))}</ul>
        </section>
      ) : null}
      <SuggestionList suggestions={suggestions} codebook={codebook} municipality={municipality} onAccept={(items) => void accept(items)} onReject={(s) => void reject(s)} />
      {sync ? <OutboxStatus sync={sync} onSend={() => void send({ type: 'sync-now' }).then(setSync)} onCheck={checkConnection} /> : null}
      {deleted ? (
        <div class="undo-slot">
          <UndoBar key={deleted.id} onDone={() => setDeleted(null)} onUndo={() => void save(restorePassage(deleted, now())).then(() => setDeleted(null), fail)} />
        </div>
      ) : null}
    </main>
  );
}
