// Hosts the tag toolbar in a shadow root beside a selection or highlight, positioned with Floating UI.
import { computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { h } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { TagToolbar, TOOLBAR_CSS, type TagToolbarProps } from '../components/TagToolbar';

export interface ToolbarHost {
  open(anchor: DOMRect, props: TagToolbarProps): void;
  close(): void;
  isOpen(): boolean;
  contains(event: Event): boolean;
}

export async function createToolbarHost(ctx: ContentScriptContext): Promise<ToolbarHost> {
  let container!: HTMLElement;
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
      Object.assign(container.style, { position: 'fixed', top: '0', left: '0', zIndex: '2147483647', display: 'none' });
    },
  });
  ui.mount();
  let open = false;

  return {
    open(anchor, props) {
      open = true;
      container.style.display = 'block';
      render(null, container);
      render(h(TagToolbar, props), container);
      const reference = { getBoundingClientRect: () => anchor };
      void computePosition(reference, container, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(8), flip(), shift({ padding: 8 }), size({ padding: 8, apply: ({ availableHeight }) => {
        const form = container.firstElementChild as HTMLElement | null;
        if (form) form.style.maxHeight = `${Math.max(200, availableHeight)}px`;
      } })] }).then(
        ({ x, y }) => Object.assign(container.style, { left: `${x}px`, top: `${y}px` }),
      );
    },
    close() {
      open = false;
      render(null, container);
      container.style.display = 'none';
    },
    isOpen: () => open,
    contains: (event) => event.composedPath().includes(host),
  };
}
