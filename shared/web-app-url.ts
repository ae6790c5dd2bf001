// What kind of address a web app URL is: a deployment's /exec address, the editor's /dev test address, an editor or sheet page.

export type WebAppUrlKind = 'exec' | 'dev' | 'editor' | 'spreadsheet' | 'other';

/** Scheme, host and path of an http(s) address; parsed by hand, as Apps Script has no URL class. */
const ADDRESS = /^(https?):\/\/([^/?#\s]+)([^?#\s]*)(?:[?#]\S*)?$/i;

/**
 * Deployed web apps answer at …/macros/s/<id>/exec (…/a/macros/<domain>/s/<id>/exec in a Workspace domain; the local
 * runtime at http://127.0.0.1:<port>/exec); …/dev runs the latest saved code for editors only; script.google.com/…/edit
 * and docs.google.com/spreadsheets/… are pages for people, not the web app.
 */
export function webAppUrlKind(address: string): WebAppUrlKind {
  const match = ADDRESS.exec(address.trim());
  if (!match) return 'other';
  const host = match[2].toLowerCase().replace(/:\d+$/, '');
  const path = match[3].replace(/\/+$/, '');
  if (path.endsWith('/exec')) return 'exec';
  if (path.endsWith('/dev')) return 'dev';
  if (host === 'script.google.com') return 'editor';
  if (host === 'docs.google.com' && path.startsWith('/spreadsheets')) return 'spreadsheet';
  return 'other';
}
