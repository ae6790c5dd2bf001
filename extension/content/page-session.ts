// One post page: reads its structure, anchors and draws its passages, opens the toolbar on a selection or a highlight.
import { storage } from '@wxt-dev/storage';
import { detectMunicipalities } from '../../shared/municipality-detection';
import type { Passage } from '../../shared/passage';
import { postText, readPost, sectionAt, type PostStructure } from '../../shared/post-structure';
import { anchorSelector, describeRange } from '../lib/anchor';
import { deletePassage, editPassage, newPassage, type Tagging } from '../lib/passage-edit';
import { livePassagesOf } from '../lib/page-passages';
import { send, type PageState } from '../lib/messages';
import { messageOf } from '../lib/web-app-client';
import { postKey, settingsItem, type PostPassages } from '../lib/settings';
import { draw, passagesAt, type Drawn } from '../dom/highlighter';
import { offsetsToRange, rangeToOffsets } from '../dom/text-offsets';
import type { ToolbarHost } from './toolbar-host';

interface Anchoring {
  passage: Passage;
  range: Range | null;
}

/** Trims white space off both ends of [start, end) in text. */
function trimmed(text: string, start: number, end: number): [number, number] | null {
  while (start < end && /\s/.test(text[start])) start += 1;
  while (end > start && /\s/.test(text[end - 1])) end -= 1;
  return end > start ? [start, end] : null;
}

export class PageSession {
  private passages: Passage[] = [];
  private anchorings: Anchoring[] = [];
  private focus: string | undefined;
  private readonly post: PostStructure;
  private readonly detected: string[];

  constructor(
    private readonly doc: Document,
    private readonly root: Element,
    private readonly url: string,
    private readonly toolbar: ToolbarHost,
  ) {
    this.post = readPost(doc as never, root as never)!;
    this.detected = detectMunicipalities(postText(this.post)).slice(0, 5).map((c) => c.municipality.code);
  }

  async start(): Promise<void> {
    // Only this post's record is watched: saves on other posts never wake this page.
    storage.watch<PostPassages>(postKey(this.url), (post) => this.show(livePassagesOf(post ?? {}, this.url)));
    this.show(await send({ type: 'page-passages', url: this.url }));
    this.doc.addEventListener('mouseup', (event) => setTimeout(() => this.onMouseUp(event), 0));
    this.doc.addEventListener('click', (event) => this.onClick(event));
  }

  /** Anchors the passages in the current text and draws those found; the rest are orphans. */
  show(passages: Passage[]): void {
    this.passages = passages;
    const text = this.root.textContent ?? '';
    this.anchorings = passages.map((passage) => {
      const found = anchorSelector(text, passage);
      return { passage, range: found ? offsetsToRange(this.root, found.start, found.end) : null };
    });
    draw(this.doc, this.drawn(), this.focus);
  }

  private drawn(): Drawn[] {
    return this.anchorings.flatMap(({ passage, range }) => (range ? [{ id: passage.id, kind: passage.kind, range }] : []));
  }

  pageState(): PageState {
    return {
      url: this.url,
      title: this.post.title,
      passages: this.anchorings.map(({ passage, range }) => ({ passage, anchored: range !== null })),
    };
  }

  /** Opens the toolbar for the current selection if it lies in the post; true when it did. */
  openForSelection(): boolean {
    const selection = this.doc.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return false;
    const range = selection.getRangeAt(0);
    const text = this.root.textContent ?? '';
    const offsets = rangeToOffsets(this.root, range);
    const bounds = offsets && trimmed(text, offsets[0], offsets[1]);
    if (!bounds) return false;
    const selector = describeRange(text, bounds[0], bounds[1]);
    // One id per toolbar: saving twice (a double Enter, a retry after an error) cannot make two passages.
    const id = crypto.randomUUID();
    const tagging: Tagging = { kind: sectionAt(this.post.sections, bounds[0])?.kind ?? 'theme', themes: [], municipality: this.detected[0] ?? '', note: '' };
    void this.openToolbar(range.getBoundingClientRect(), 'create', selector.quote, tagging, async (result) => {
      const settings = await settingsItem.getValue();
      const page = { url: this.url, pageTitle: this.post.title, author: settings.author };
      return newPassage(id, page, selector, result, new Date().toISOString());
    });
    return true;
  }

  private openForPassage(passage: Passage, rect: DOMRect): void {
    this.focus = passage.id;
    draw(this.doc, this.drawn(), this.focus);
    const { kind, themes, municipality, note } = passage;
    void this.openToolbar(rect, 'edit', passage.quote, { kind, themes, municipality, note }, async (result) =>
      editPassage(passage, result, new Date().toISOString()),
    () => deletePassage(passage, new Date().toISOString()));
  }

  private async openToolbar(
    rect: DOMRect,
    mode: 'create' | 'edit',
    quote: string,
    initial: Tagging,
    build: (tagging: Tagging) => Promise<Passage>,
    remove?: () => Passage,
  ): Promise<void> {
    const codebook = await send({ type: 'get-codebook' });
    const close = () => {
      this.toolbar.close();
      this.focus = undefined;
      draw(this.doc, this.drawn(), this.focus);
    };
    const store = async (passage: Passage) => {
      const answer = (await send({ type: 'save-passage', passage })) as { ok?: boolean; error?: string };
      if (!answer?.ok) throw new Error(answer?.error ?? 'not saved');
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
        detected: this.detected,
        codebook,
        error,
        onCancel: close,
        onSave: (tagging) => void build(tagging).then(store).catch((e: unknown) => open(messageOf(e), tagging)),
        onDelete: remove ? () => void store(remove()).catch((e: unknown) => open(messageOf(e))) : undefined,
      });
    open();
  }

  private onMouseUp(event: MouseEvent): void {
    if (this.toolbar.contains(event)) return;
    this.openForSelection();
  }

  private onClick(event: MouseEvent): void {
    if (this.toolbar.contains(event) || !this.doc.getSelection()?.isCollapsed) return;
    const [hit] = passagesAt(this.doc, this.drawn(), event.clientX, event.clientY);
    const passage = hit && this.passages.find((p) => p.id === hit.id);
    if (passage) this.openForPassage(passage, hit.range.getBoundingClientRect());
  }
}
