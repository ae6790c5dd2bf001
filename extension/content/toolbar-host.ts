// Hosts the tag toolbar (and the undo bar) in an open shadow root of the page, placed beside the selection with Floating UI:
// below it, or above when there is no room, never over it.
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TagToolbar, TOOLBAR_CSS, type TagToolbarProps } from '../components/TagToolbar';
import { UndoBar } from '../components/UndoBar';

export interface ToolbarHost {
  open(anchor: DOMRect, props: TagToolbarProps): void;
  close(): void;
  /** Shows "Deleted — Undo" at the bottom of the window for ten seconds. */
  offerUndo(onUndo: () => void): void;
  contains(event: Event): boolean;
}

const MAX_HEIGHT = 340;

export async function createToolbarHost(ctx: ContentScriptContext): Promise<ToolbarHost> {
  let container!: HTMLElement;
  let undo!: HTMLElement;
  let host!: HTMLElement;
  const ui = await createShadowRootUi(ctx, {
    name: 'annotera-toolbar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    mode: 'open',
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(uiContainer, shadow, shadowHost) {
      const style = document.createElement('style');
      style.textContent = TOOLBAR_CSS;
      shadow.prepend(style);
      container = uiContainer;
      host = shadowHost;
      undo = document.createElement('div');
      uiContainer.after(undo);
      Object.assign(container.style, { position: 'fixed', top: '0', left: '0', zIndex: '2147483647', display: 'none' });
      Object.assign(undo.style, { position: 'fixed', bottom: '16px', left: '50%', transform: 'translateX(-50%)', zIndex: '2147483647' });
    },
  });
  ui.mount();

  const place = (anchor: DOMRect) => {
    const reference = { getBoundingClientRect: () => anchor };
    const fit = size({ padding: 8, apply: ({ availableHeight }) => {
      const form = container.firstElementChild as HTMLElement | null;
      if (form) form.style.maxHeight = `${Math.max(120, Math.min(MAX_HEIGHT, availableHeight))}px`;
    } });
    const middleware = [offset(8), flip({ fallbackPlacements: ['top-start', 'right-start', 'left-start'], fallbackStrategy: 'bestFit' }), fit, shift({ padding: 8 })];
    void computePosition(reference, container, { strategy: 'fixed', placement: 'bottom-start', middleware })
      .then(({ x, y }) => Object.assign(container.style, { left: `${x}px`, top: `${y}px` }));
  };

  return {
    open(anchor, props) {
      container.style.display = 'block';
      render(null, container);
      render(h(TagToolbar, props), container);
      place(anchor);
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
