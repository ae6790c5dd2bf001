// The connection doctor's pure core: addresses, pages and answers → which problem it is.
import { describe, expect, test } from 'vitest';
import { compareVersions, diagnose, pageText, type PingOutcome } from '../../extension/lib/connection-doctor';
import { webAppUrlKind } from '../../shared/web-app-url';

const EXEC = 'https://script.google.com/macros/s/AKfycbx123/exec';
const page = (text: string, status = 200, url = 'https://script.googleusercontent.com/macros/echo?user_content_key=abc'): PingOutcome => ({
  page: { status, url, text },
});
const errorPage = (message: string) =>
  `<!DOCTYPE html><html><head><title>Error</title><style>body{margin:0}</style></head><body><div><img alt="Google Apps Script"></div><div>${message}</div></body></html>`;

describe('webAppUrlKind', () => {
  test.each([
    [EXEC, 'exec'],
    ['https://script.google.com/a/macros/example.se/s/AKfycbx123/exec', 'exec'],
    ['http://127.0.0.1:8787/exec', 'exec'],
    ['  https://script.google.com/macros/s/AKfycbx123/exec?x=1  ', 'exec'],
    ['https://script.google.com/macros/s/AKfycbx123/dev', 'dev'],
    ['https://script.google.com/home/projects/1AbC/edit', 'editor'],
    ['https://script.google.com/d/1AbC/edit', 'editor'],
    ['https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0', 'spreadsheet'],
    ['https://example.org/', 'other'],
    ['script.google.com/macros/s/x/exec', 'other'],
    ['', 'other'],
  ])('%s is %s', (address, kind) => {
    expect(webAppUrlKind(address)).toBe(kind);
  });
});

describe('diagnose', () => {
  const ping = (body: unknown) => page(JSON.stringify(body));
  test.each<[string, string, PingOutcome, Record<string, unknown>]>([
    ['a working add-on', EXEC, ping({ ok: true, version: '0.1.0', sheetUrl: 'https://docs.google.com/spreadsheets/d/1/edit' }), { kind: 'ok', version: '0.1.0', sheetUrl: 'https://docs.google.com/spreadsheets/d/1/edit' }],
    ['a newer add-on', EXEC, ping({ ok: true, version: '0.10.0' }), { kind: 'ok', sheetUrl: '' }],
    ['the editor test address', 'https://script.google.com/macros/s/AKfycbx123/dev', ping({ ok: true, version: '0.1.0' }), { kind: 'not_exec', urlKind: 'dev' }],
    ['the editor', 'https://script.google.com/home/projects/1AbC/edit', page(''), { kind: 'not_exec', urlKind: 'editor' }],
    ['the spreadsheet', 'https://docs.google.com/spreadsheets/d/1AbC/edit', page(''), { kind: 'not_exec', urlKind: 'spreadsheet' }],
    ['no network', EXEC, { networkError: 'fetch failed' }, { kind: 'network', message: 'fetch failed' }],
    ['the sign-in page (by address)', EXEC, page('<html><body>Sign in</body></html>', 200, 'https://accounts.google.com/v3/signin/identifier?continue=x'), { kind: 'sign_in' }],
    ['a redirect to a host the extension may not read (accounts.google.com)', EXEC, { blockedRedirect: true }, { kind: 'sign_in' }],
    ['the sign-in page (by content)', EXEC, page('<form><input id="identifierId"></form>'), { kind: 'sign_in' }],
    ['authorisation needed', EXEC, page(errorPage('Authorization is required to perform that action.')), { kind: 'authorisation' }],
    ['a quota', EXEC, page(errorPage('Exception: Service invoked too many times for one day: properties.')), { kind: 'quota', message: 'Exception: Service invoked too many times for one day: properties.' }],
    ['a script error', EXEC, page(errorPage('TypeError: Cannot read properties of null (reading &#39;x&#39;) (line 3, file &quot;Code&quot;)')), { kind: 'script_error', message: 'TypeError: Cannot read properties of null (reading \'x\') (line 3, file "Code")' }],
    ['a missing function', EXEC, page(errorPage('Script function not found: doGet')), { kind: 'script_error', message: 'Script function not found: doGet' }],
    ['a removed deployment', EXEC, page(errorPage('Sorry, unable to open the file at this time.'), 404), { kind: 'not_found' }],
    ['a wrong token', EXEC, ping({ ok: false, error: { code: 'unauthorized', message: 'The team token is missing or wrong.' } }), { kind: 'wrong_token' }],
    ['an old add-on', EXEC, ping({ ok: true, version: '0.0.9' }), { kind: 'old_version', version: '0.0.9', needed: '0.1.0' }],
    ['an add-on error', EXEC, ping({ ok: false, error: { code: 'server_busy', message: 'Busy.' } }), { kind: 'add_on_error', code: 'server_busy', message: 'Busy.' }],
    ['something else', EXEC, page('<html><body><h1>Welcome to nginx!</h1></body></html>'), { kind: 'unknown', status: 200, excerpt: 'Welcome to nginx!' }],
    ['JSON that is not the protocol', EXEC, page('{"hello":1}'), { kind: 'unknown', status: 200 }],
  ])('%s', (_name, endpoint, outcome, expected) => {
    expect(diagnose(endpoint, outcome)).toMatchObject(expected);
  });

  test('the version needed can be given', () => {
    expect(diagnose(EXEC, page(JSON.stringify({ ok: true, version: '1.2.0' })), '1.10.0')).toEqual({ kind: 'old_version', version: '1.2.0', needed: '1.10.0' });
  });

  test("Google's message is capped", () => {
    const diagnosis = diagnose(EXEC, page(errorPage(`Error: ${'x'.repeat(5000)}`)));
    expect(diagnosis.kind).toBe('script_error');
    expect((diagnosis as { message: string }).message.length).toBeLessThanOrEqual(300);
  });
});

describe('helpers', () => {
  test('pageText drops scripts, styles and tags and decodes entities', () => {
    expect(pageText('<html><head><title>T</title></head><body><script>var a = 1;</script><p>A &amp; B&nbsp;&quot;c&quot;</p>\n<b>d</b></body></html>')).toBe('A & B "c" d');
  });

  test.each([
    ['0.1.0', '0.1.0', 0],
    ['0.1.0', '0.2.0', -1],
    ['0.10.0', '0.9.9', 1],
    ['1.0', '1.0.0', 0],
    ['2.0.0-beta', '1.9.9', 1],
  ])('compareVersions(%s, %s) = %d', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});
