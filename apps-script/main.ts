// Apps Script entry: exposes the add-on's entry points; the build turns each export into a top-level function.
import { PROTOCOL_VERSION } from '../shared/protocol';

const json = (value: unknown) =>
  ContentService.createTextOutput(JSON.stringify(value)).setMimeType(ContentService.MimeType.JSON);

export function doGet(): GoogleAppsScript.Content.TextOutput {
  return json({ ok: true, version: String(PROTOCOL_VERSION) });
}

export function doPost(): GoogleAppsScript.Content.TextOutput {
  return json({ ok: false, error: { code: 'internal', message: 'Not built yet.' } });
}
