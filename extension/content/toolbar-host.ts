// Hosts the tag toolbar (and the undo bar) in an open shadow root of the page, placed beside the selection: below it,
// or above when there is no room, never over it (placement.ts).
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TagToolbar, TOOLBAR_CSS, type TagToolbarProps } from '../components/TagToolbar';
import { UndoBar } from '../components/UndoBar';
import { place } from './placement';

export interface ToolbarHost {
  open(anchor: DOMRect, props: TagToolbarProps): void;
  close(): void;
  /** Shows "Deleted — Undo" at the bottom of the window for ten seconds. */
  offerUndo(onUndo: () => void): void;
  contains(event: Event): boolean;
}

const MAX_HEIGHT = 340;

/** The page's <annotera-toolbar> element with an open shadow root holding the toolbar and the undo bar. */
export function createToolbarHost(ctx: ContentScriptContext): ToolbarHost {
  const host = document.createElement('annotera-toolbar');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = TOOLBAR_CSS;
  const container = document.createElement('div');
  const undo = document.createElement('div');
  shadow.append(style, container, undo);
  Object.assign(container.style, { position: 'fixed', top: '0', left: '0', zIndex: '2147483647', display: 'none' });
  Object.assign(undo.style, { position: 'fixed', bottom: '16px', left: '50%', transform: 'translateX(-50%)', zIndex: '2147483647' });
  // Keys typed in the toolbar are the toolbar's: the page's own shortcuts never see them.
  for (const type of ['keydown', 'keyup', 'keypress']) host.addEventListener(type, (event) => event.stopPropagation());
  document.body.append(host);
  ctx.onInvalidated(() => host.remove());

  /** Measures the toolbar at its full height, then places it beside the anchor. */
  const position = (anchor: DOMRect) => {
    const form = container.firstElementChild as HTMLElement | null;
    if (!form) return;
    form.style.maxHeight = `${MAX_HEIGHT}px`;
    const { width, height } = form.getBoundingClientRect();
    const { x, y, maxHeight } = place(anchor, width, height, innerWidth, innerHeight);
    form.style.maxHeight = `${maxHeight}px`;
    Object.assign(container.style, { left: `${x}px`, top: `${y}px` });
  };

  return {
    open(anchor, props) {
      container.style.display = 'block';
      render(null, container);
      render(h(TagToolbar, props), container);
      position(anchor);
    },
    close() {
      render(null, container);
      container.style.display = 'none';
    },
    offerUndo(onUndo) {
      const done = () => render(null, undo);
      render(null, undo);
      render(h(UndoBar, { onUndo: () => { done(); onUndo(); }, onDone: done }), undo);
    },
    contains: (event) => event.composedPath().includes(host),
  };
}
