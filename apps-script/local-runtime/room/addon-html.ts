// The add-on's own sidebar or dialog HTML (HtmlService output) as the room serves it in a frame: with google.script bridged to the runtime.
import { escapeHtml } from './html-text';

/**
 * Puts the bridge script first in the document, so `google.script` exists before the add-on's scripts run;
 * it learns which server functions the add-on exposes (as Apps Script's own client does) from its attribute.
 */
export function withBridge(html: string, id: number, functions: string[]): string {
  const bridge = `<script src="/room/bridge.js" data-ui="${id}" data-functions="${escapeHtml(functions.join(' '))}"></script>`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + bridge + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!DOCTYPE[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + bridge + html.slice(at);
}
