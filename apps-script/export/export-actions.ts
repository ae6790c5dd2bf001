// Annotera → Exportera…: the dialog, and the files it downloads (REFI-QDA .qdpx, W3C Web Annotation JSON-LD) built from the sheet.
import { zipSync } from 'fflate';
import { readPassages } from '../passage-store';
import { readPosts } from '../posts-tab';
import { readCodebook } from '../rebuild';
import { isSwedish } from '../sheet-locale';
import { openTabs } from '../tabs';
import { exportSources } from './export-sources';
import { base64, utf8Bytes } from './utf8';
import { refiQdaProject } from './refi-qda';
import { webAnnotations } from './web-annotation';

declare const __ANNOTERA_VERSION__: string;

export interface ExportFile {
  name: string;
  mimeType: string;
  /** The file's bytes in base64. */
  base64: string;
}

export function menuExport(): void {
  const tabs = openTabs();
  const template = HtmlService.createTemplateFromFile('export');
  template.swedish = isSwedish(tabs.language);
  SpreadsheetApp.getUi().showModalDialog(template.evaluate().setWidth(420).setHeight(260), tabs.words.menu.export);
}

const today = (now: string) => now.slice(0, 10);

export function exportRefiQda(): ExportFile {
  const tabs = openTabs();
  const now = new Date().toISOString();
  const sources = exportSources(readPassages(tabs), readPosts(tabs));
  const project = refiQdaProject({ sources, codebook: readCodebook(tabs), language: tabs.language, now, origin: `Annotera ${__ANNOTERA_VERSION__}` });
  const entries: Record<string, Uint8Array> = { 'project.qde': utf8Bytes(project.xml) };
  for (const [path, text] of Object.entries(project.files)) entries[path] = utf8Bytes(text);
  const zip = zipSync(entries, { level: 6, mtime: new Date(now) });
  return { name: `annotera-${today(now)}.qdpx`, mimeType: 'application/zip', base64: base64(zip) };
}

export function exportWebAnnotations(): ExportFile {
  const tabs = openTabs();
  const now = new Date().toISOString();
  const json = JSON.stringify(webAnnotations(readPassages(tabs), readCodebook(tabs), tabs.language, now));
  return {
    name: `annotera-${today(now)}.jsonld`,
    mimeType: 'application/ld+json',
    base64: base64(utf8Bytes(json)),
  };
}
