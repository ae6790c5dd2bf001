// One post page: reads its structure, anchors and draws its passages, opens the toolbar on a selection or a highlight,
// answers the side panel (state, scroll to a passage, re-attach an orphan) and follows #annotera=<id> deep links.
import { clipToBlocks } from '../../shared/block-clip';
import type { Codebook } from '../../shared/codebook';
import { detectMunicipalities } from '../../shared/municipality-detection';
import type { Passage } from '../../shared/passage';
import { postText, readPost, sectionAt, type PostStructure } from '../../shared/post-structure';
import { findPublishedDate } from '../../shared/post-date';
import { suggestThemes } from '../../shared/theme-search';
import { describeRange, type TextSelector } from '../anchoring/selector';
import { t } from '../lib/i18n';
import { deletePassage, editPassage, newPassage, reattachPassage, restorePassage, type Tagging } from '../lib/passage-edit';
import { livePassagesOf, mergeNewer, storedPassagesOf } from '../lib/page-passages';
import { send, type PageState, type Responses } from '../lib/messages';
import type { PostPassages } from '../lib/settings';
import { messageOf } from '../lib/thrown';
import { draw, flash, passagesAt, type Drawn } from '../dom/highlighter';
import { placeInRoot } from '../dom/anchor-ranges';
import { offsetsToRange, rangeToOffsets } from '../dom/text-offsets';
import type { ToolbarHost } from './toolbar-host';

interface Anchoring {
  passage: Passage;
  range: Range | null;
  start: number | null;
}

const DEEP_LINK = /^#annotera=([0-9a-f-]{36})$/i;

/** Trims white space off both ends of [start, end) in text. */
function trimmed(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return end > start ? [start, end] : null;
}

export class PageSession {
  private passages: Passage[] = [];
  /** Every passage of the post seen so far, tombstones too, by id: the highest rev of each is the stored one. */
  private known: PostPassages = {};
  private anchorings: Anchoring[] = [];
  private focus: string | undefined;
  private deepLink: string | undefined;
  private readonly post: PostStructure;
  private readonly detected: string[];

  constructor(
    private readonly doc: Document,
    private readonly root: Element,
    private readonly url: string,
    private readonly toolbar: ToolbarHost,
  ) {
    this.post = readPost(doc, root)!;
    this.detected = detectMunicipalities(postText(this.post)).slice(0, 5).map((c) => c.municipality.code);
    this.deepLink = DEEP_LINK.exec(doc.location.hash)?.[1];
  }

  async start(): Promise<void> {
    // Only this post's passages are taken in: saves on other posts never redraw this page.
    browser.storage.onChanged.addListener((changes, area) => {
      const stored = area === 'local' ? storedPassagesOf(changes, this.url) : [];
      if (stored.length) this.take(stored);
    });
    this.take(await send({ type: 'page-passages', url: this.url }));
    // Whether the event came from the toolbar is known only while it is dispatched (composedPath() is empty afterwards).
    this.doc.addEventListener('mouseup', (event) => {
      if (!this.toolbar.contains(event)) setTimeout(() => this.openForSelection(), 0);
    });
    this.doc.addEventListener('click', (event) => this.onClick(event));
    this.doc.defaultView?.addEventListener('hashchange', () => {
      this.deepLink = DEEP_LINK.exec(this.doc.location.hash)?.[1];
      this.followDeepLink();
    });
  }

  /** Takes in passages of the post as stored (answer and change events may cross: the higher rev wins) and shows the live ones. */
  private take(passages: readonly Passage[]): void {
    this.known = mergeNewer(this.known, passages);
    this.show(livePassagesOf(this.known, this.url));
  }

  /** Anchors the passages in the current text and draws those found; the rest are orphans. */
  private show(passages: Passage[]): void {
    this.passages = passages;
    const places = placeInRoot(this.root, passages);
    this.anchorings = passages.map((passage, i) => ({ passage, range: places[i]?.range ?? null, start: places[i]?.start ?? null }));
    draw(this.doc, this.drawn(), this.focus);
    this.followDeepLink();
    void send({ type: 'page-changed', url: this.url }).catch(() => undefined);
  }

  private drawn(): Drawn[] {
    return this.anchorings.flatMap(({ passage, range }) => (range ? [{ id: passage.id, kind: passage.kind, range }] : []));
  }

  pageState(): PageState {
    return {
      url: this.url,
      title: this.post.title,
      text: this.post.text,
      sections: this.post.sections,
      detected: this.detected,
      passages: this.anchorings.map(({ passage, range, start }) => ({ passage, anchored: range !== null, start })),
    };
  }

  /** Scrolls a drawn passage into the middle of the window and makes it flash. */
  scrollTo(id: string): Responses['scroll-to'] {
    const range = this.anchorings.find((a) => a.passage.id === id)?.range;
    if (!range) return { found: false };
    const block = range.startContainer.parentElement;
    block?.scrollIntoView({ block: 'center', behavior: 'instant' });
    flash(range);
    return { found: true };
  }

  private followDeepLink(): void {
    if (this.deepLink && this.scrollTo(this.deepLink).found) this.deepLink = undefined;
  }

  /** The current selection in the post as a selector, trimmed and clipped to the blocks it covers; null when there is none. */
  private selected(): { selector: TextSelector; range: Range } | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    const text = this.post.text;
    const offsets = rangeToOffsets(this.root, this.inRoot(selection.getRangeAt(0)));
    const bounds = offsets && trimmed(text, ...clipToBlocks(this.post.sections.flatMap((s) => s.body), offsets[0], offsets[1]));
    if (!bounds) return null;
    const range = offsetsToRange(this.root, bounds[0], bounds[1]);
    // The reader sees what is saved: the selection shows the clipped text.
    selection.removeAllRanges();
    selection.addRange(range.cloneRange());
    return { selector: describeRange(text, bounds[0], bounds[1]), range };
  }

  /** A selection that starts in the post and runs out of it (a triple-click on its last block) ends with the post. */
  private inRoot(selected: Range): Range {
    if (!this.root.contains(selected.startContainer) || this.root.contains(selected.endContainer)) return selected;
    const range = selected.cloneRange();
    range.setEnd(this.root, this.root.childNodes.length);
    return range;
  }

  /** Opens the toolbar for the current selection if it lies in the post; true when it did. */
  openForSelection(): boolean {
    const chosen = this.selected();
    if (!chosen) return false;
    const { selector, range } = chosen;
    // One id per toolbar: saving twice (a double Enter, a retry after an error) cannot make two passages.
    const id = crypto.randomUUID();
    const kind = sectionAt(this.post.sections, selector.start)?.kind ?? 'theme';
    void send({ type: 'get-codebook' }).then((codebook) => {
      const suggested = suggestThemes(codebook, selector.quote);
      const tagging: Tagging = { kind, themes: suggested, municipality: this.detected[0] ?? '', note: '' };
      this.openToolbar(range.getBoundingClientRect(), 'create', selector.quote, tagging, suggested, codebook, async (result) => {
        const page = { url: this.url, pageTitle: this.post.title, author: await send({ type: 'author' }) };
        return newPassage(id, page, selector, result, new Date().toISOString());
      });
    });
    return true;
  }

  /** Re-attaches an orphan to the text now selected in the post. */
  async reattach(id: string): Promise<Responses['reattach']> {
    const passage = this.passages.find((p) => p.id === id);
    const chosen = this.selected();
    if (!passage || !chosen) return { ok: false, message: t('reattachNoSelection') };
    await this.store(reattachPassage(passage, chosen.selector, new Date().toISOString()));
    return { ok: true };
  }

  private openForPassage(passage: Passage, rect: DOMRect): void {
    this.focus = passage.id;
    draw(this.doc, this.drawn(), this.focus);
    const { kind, themes, municipality, note } = passage;
    void send({ type: 'get-codebook' }).then((codebook) =>
      this.openToolbar(rect, 'edit', passage.quote, { kind, themes, municipality, note }, [], codebook, (result) =>
        Promise.resolve(editPassage(passage, result, new Date().toISOString())),
      () => this.remove(passage)));
  }

  /** Saves a passage through the background, with the post's text and date (the sheet keeps them once, for Inlägg). */
  private async store(passage: Passage): Promise<void> {
    const published = findPublishedDate(this.doc);
    const post = { title: this.post.title, text: this.post.text, ...(published ? { published } : {}) };
    const answer = (await send({ type: 'save-passage', passage, post })) as { ok?: boolean; error?: string };
    if (!answer?.ok) throw new Error(answer?.error ?? 'not saved');
  }

  /** Deletes a passage and offers to undo it for ten seconds. */
  private async remove(passage: Passage): Promise<void> {
    const deleted = deletePassage(passage, new Date().toISOString());
    await this.store(deleted);
    this.toolbar.offerUndo(() => void this.store(restorePassage(deleted, new Date().toISOString())));
  }

  private openToolbar(
    rect: DOMRect,
    mode: 'create' | 'edit',
    quote: string,
    initial: Tagging,
    suggested: string[],
    codebook: Codebook,
    build: (tagging: Tagging) => Promise<Passage>,
    remove?: () => Promise<void>,
  ): void {
    const close = () => {
      this.toolbar.close();
      this.focus = undefined;
      draw(this.doc, this.drawn(), this.focus);
    };
    const done = () => {
      // The background has stored it: the passages watch redraws the page.
      this.doc.getSelection()?.removeAllRanges();
      close();
    };
    // After a failed save the toolbar comes back with what the user chose and the error.
    const open = (error?: string, current: Tagging = initial) =>
      this.toolbar.open(rect, {
        mode,
        quote,
        initial: current,
        suggested,
        detected: this.detected,
        codebook,
        error,
        onCancel: close,
        onSave: (tagging) => void build(tagging).then((p) => this.store(p)).then(done, (e: unknown) => open(t('notSaved', [messageOf(e)]), tagging)),
        onDelete: remove ? () => void remove().then(done, (e: unknown) => open(t('notSaved', [messageOf(e)]))) : undefined,
      });
    open();
  }

  private onClick(event: MouseEvent): void {
    if (this.toolbar.contains(event) || !this.doc.getSelection()?.isCollapsed) return;
    const [hit] = passagesAt(this.doc, this.drawn(), event.clientX, event.clientY);
    const passage = hit && this.passages.find((p) => p.id === hit.id);
    if (passage) this.openForPassage(passage, hit.range.getBoundingClientRect());
  }
}
