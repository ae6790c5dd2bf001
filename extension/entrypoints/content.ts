// Content script on blog posts (and their web-archive copies): tagging, highlights, and answers to the side panel.
import { findContentRoot } from '../../shared/post-structure';
import { postIdentity } from '../../shared/url';
import { BLOG_MATCHES } from '../manifest-config';
import type { Request } from '../lib/messages';
import { PageSession } from '../content/page-session';
import { createToolbarHost } from '../content/toolbar-host';

export default defineContentScript({
  matches: BLOG_MATCHES,
  async main(ctx) {
    const root = findContentRoot(document) as unknown as Element | null;
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    const url = postIdentity(location.href, canonical);
    if (!root || !url) {
      browser.runtime.onMessage.addListener((request: Request, _sender, respond) => {
        if (request.type === 'page-state') respond(null);
      });
      return;
    }
    const session = new PageSession(document, root, url, createToolbarHost(ctx));
    browser.runtime.onMessage.addListener((request: Request, _sender, respond) => {
      if (request.type === 'page-state') respond(session.pageState());
      else if (request.type === 'open-toolbar') respond({ opened: session.openForSelection() });
      else if (request.type === 'scroll-to') respond(session.scrollTo(request.id));
      else if (request.type === 'reattach') {
        void session.reattach(request.id).then(respond);
        return true;
      }
      return undefined;
    });
    await session.start();
  },
});
