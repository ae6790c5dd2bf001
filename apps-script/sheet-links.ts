// Writes links as rich text (a cell's text linked to an address), never as a HYPERLINK formula.
import { appBuilders, type SheetBuilders } from './sheet-builders';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LinkCell {
  text: string;
  url: string;
}

/** One column of linked cells from a row down: one builder reused, one setRichTextValues. */
export function writeLinks(sheet: Sheet, firstRow: number, column: number, links: readonly LinkCell[], make: SheetBuilders = appBuilders): void {
  if (!links.length) return;
  const builder = make.richText();
  const values = links.map((link) => [builder.setText(link.text).setLinkUrl(link.text && link.url ? link.url : null).build()]);
  sheet.getRange(firstRow, column, links.length, 1).setRichTextValues(values);
}
