// Apps Script entry: exposes the add-on's entry points; the build turns each export into a top-level function.
import { answering, handleGet, handlePost } from './web-app';

export { onOpen, onInstall, menuRebuild, menuFilterByMunicipality, menuFilterByTheme, menuShowEverything, menuSettings } from './menu';
export { settingsInfo, rotateToken } from './menu';
export { filterOptions, applyFilter } from './filter-sidebar';
export { menuShowPassagesForCell, passagesForSelection } from './drill-down';
export { menuMunicipalityProfile, profileChoices, buildMunicipalityProfile } from './municipality-profile';
export { linkTarget, setLinkTarget } from './link-actions';
export { menuExport, exportRefiQda, exportWebAnnotations } from './export/export-actions';

const json = (value: unknown) =>
  ContentService.createTextOutput(JSON.stringify(value)).setMimeType(ContentService.MimeType.JSON);

export function doGet(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.Content.TextOutput {
  return json(answering(() => handleGet((e?.parameter ?? {}) as Record<string, string>)));
}

export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const body = e?.postData?.contents ?? '';
  return json(answering(() => handlePost(body)));
}
