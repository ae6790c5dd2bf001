// RichTextValue and its builder for the local runtime: a cell's text with at most one link over the whole text.
// Plain objects: building a value happens inside the script (no spreadsheet round trip), so the runtime does not
// count these calls as service calls; newRichTextValue and setRichTextValues, which reach the spreadsheet service, count.

export interface RichTextValue {
  readonly text: string;
  readonly link: string | null;
  getText(): string;
  /** The link over the whole text, or null. */
  getLinkUrl(): string | null;
}

export const isRichTextValue = (value: unknown): value is RichTextValue =>
  typeof value === 'object' && value !== null && typeof (value as RichTextValue).getLinkUrl === 'function' && 'text' in value;

export function richTextValue(text: string, link: string | null): RichTextValue {
  return { text, link, getText: () => text, getLinkUrl: () => link };
}

/** A builder made by richTextValueBuilder (it crosses to an execution's worker as a marker; the worker builds locally). */
export const isRichTextBuilder = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { setLinkUrl?: unknown }).setLinkUrl === 'function'
  && typeof (value as { build?: unknown }).build === 'function';

/** SpreadsheetApp.newRichTextValue(): setText, setLinkUrl(url) or setLinkUrl(start, end, url) over the whole text, build. */
export function richTextValueBuilder() {
  let text = '';
  let link: string | null = null;
  const builder = {
    setText(value: string) {
      text = String(value);
      return builder;
    },
    setLinkUrl(...args: [string | null] | [number, number, string | null]) {
      if (args.length === 3 && (args[0] !== 0 || args[1] !== text.length)) throw new Error('The local runtime links only the whole text of a cell.');
      link = args.length === 3 ? args[2] : args[0];
      if (link !== null && !/^(?:https?|mailto):/i.test(link)) throw new Error(`Invalid link URL: ${link}`);
      return builder;
    },
    build: () => richTextValue(text, link),
  };
  return builder;
}
