// The add-on's web app, as the very bundle clasp pushes, on the local runtime: ingest, idempotence, bad input, concurrency.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import type { Passage } from '../../shared/passage';
import { LOCK_WAIT_MS } from '../../apps-script/script-lock';
import { HOLD_LOCK, startTestSheet, tabValues, TOKEN, type TestSheet } from '../helpers/local-sheet';

let sheet: TestSheet;
beforeEach(async () => {
  sheet = await startTestSheet();
});
afterEach(async () => {
  await sheet.stop();
});

const passagerRows = () => tabValues(sheet, 'Passager').slice(1);

describe('ingest', () => {
  test('upserts become rows with municipality, county and kind, and the workbook is on disk before the answer', async () => {
    const nacka = makePassage({ themes: ['digitalisering', 'tolkar'] });
    const flen = makePassage({ municipality: '0482', kind: 'plan', url: 'http://www.socialbarnungdom.se/flen/' });
    const reply = await sheet.upsert(nacka, flen);
    expect(reply.json).toEqual({ ok: true, results: [{ id: nacka.id, status: 'applied', rev: 1 }, { id: flen.id, status: 'applied', rev: 1 }] });
    const rows = passagerRows();
    expect(rows).toHaveLength(2);
    expect(rows[0].slice(0, 6)).toEqual(['0182', 'Nacka', 'Stockholms län', 'Tema', 'Digitalisering och teknik, Tolkar', nacka.quote]);
    expect(rows[0][19]).toBe('digitalisering, tolkar');
    expect(rows[1].slice(0, 4)).toEqual(['0482', 'Flen', 'Södermanlands län', 'Plan för handling']);
    expect(rows[0][18]).toBe(nacka.id);
    const reopened = await import('../../apps-script/local-runtime/workbook-file').then((m) => m.loadWorkbook(sheet.workbookPath, 'sv_SE'));
    expect(reopened.book.sheet('Passager')!.displayed(3, 19)).toBe(flen.id);
  });

  test('the same batch again adds nothing and answers duplicate', async () => {
    const passages = [makePassage(), makePassage()];
    await sheet.upsert(...passages);
    const before = sheet.bytes();
    const again = await sheet.upsert(...passages);
    expect(again.json.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(passagerRows()).toHaveLength(2);
    expect(sheet.bytes().equals(before)).toBe(true);
  });

  test('a higher rev wins, a lower rev is stale and changes nothing', async () => {
    const first = makePassage();
    await sheet.upsert(first);
    const edited = { ...first, rev: 3, note: 'ändrad' };
    expect((await sheet.upsert(edited)).json.results[0]).toEqual({ id: first.id, status: 'applied', rev: 3 });
    const late = await sheet.upsert({ ...first, rev: 2, note: 'gammal' });
    expect(late.json.results[0]).toEqual({ id: first.id, status: 'stale', rev: 3 });
    expect(passagerRows()).toHaveLength(1);
    expect(passagerRows()[0][6]).toBe('ändrad');
  });

  test('a delete moves the row to the hidden tombstone tab; the page no longer lists it; a late upsert cannot revive it', async () => {
    const p = makePassage();
    await sheet.upsert(p);
    const deleted = await sheet.send([{ op: 'delete', id: p.id, rev: 2 }]);
    expect(deleted.json.results[0]).toEqual({ id: p.id, status: 'applied', rev: 2 });
    expect(passagerRows()).toHaveLength(0);
    const tombstones = tabValues(sheet, 'Borttagna passager').slice(1);
    expect(tombstones.map((row) => [row[13], row[18]])).toEqual([[true, p.id]]);
    const listed = await sheet.get({ action: 'passages', url: p.url, token: TOKEN });
    expect(listed.json).toEqual({ ok: true, passages: [] });
    expect((await sheet.upsert(p)).json.results[0].status).toBe('stale');
  });

  test('a delete of an unknown id leaves a tombstone that keeps a later, older upsert out', async () => {
    const p = makePassage({ rev: 1 });
    expect((await sheet.send([{ op: 'delete', id: p.id, rev: 5 }])).json.results[0].status).toBe('applied');
    expect((await sheet.upsert(p)).json.results[0].status).toBe('stale');
    expect(passagerRows()).toHaveLength(0);
    expect(tabValues(sheet, 'Borttagna passager').slice(1)).toHaveLength(1);
  });

  test('passages?url= gives the live passages of that post, whichever address of it is asked for', async () => {
    const mine = makePassage();
    const other = makePassage({ url: 'http://www.socialbarnungdom.se/kommunbesok/flen/' });
    await sheet.upsert(mine, other);
    const archived = 'https://web.archive.org/web/20160305121314/http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/';
    const reply = await sheet.get({ action: 'passages', url: archived, token: TOKEN });
    expect(reply.json).toEqual({ ok: true, passages: [mine] });
  });

  test('a row edited by hand into an invalid passage is left out of passages?url=, the others still come', async () => {
    const good = makePassage();
    const spoiled = makePassage();
    await sheet.upsert(good, spoiled);
    const row = passagerRows().findIndex((r) => r[18] === spoiled.id) + 2;
    sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Passager')!.getRange(row, 1, 1, 1).setValues([["'Nacka?"]]);
    const reply = await sheet.get({ action: 'passages', url: good.url, token: TOKEN });
    expect(reply.json).toEqual({ ok: true, passages: [good] });
  });

  test('a municipality code typed by hand as a number still reads as its code', async () => {
    const p = makePassage();
    await sheet.upsert(p);
    sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Passager')!.getRange(2, 1, 1, 1).setValues([['182']]);
    expect(passagerRows()[0][0]).toBe(182);
    expect((await sheet.get({ action: 'passages', url: p.url, token: TOKEN })).json.passages).toEqual([p]);
  });

  test('ping and the codebook', async () => {
    expect((await sheet.get({ action: 'ping', token: TOKEN })).json).toEqual({ ok: true, version: '0.1.0', sheetUrl: `${sheet.url}/` });
    const codebook = (await sheet.get({ action: 'codebook', token: TOKEN })).json.codebook;
    expect(codebook.kinds.map((k: { id: string }) => k.id)).toEqual(['theme', 'plan', 'national']);
    expect(codebook.themes.length).toBeGreaterThanOrEqual(18);
  });
});

describe('text that looks like a formula is kept as text', () => {
  test.each<[keyof Passage, string]>([
    ['quote', '=IMPORTXML("http://evil.example/","//a")'],
    ['note', '+46 8 123 45 67'],
    ['note', '-1'],
    ['pageTitle', '@alla'],
    ['author', '\tinskjuten'],
    ['quote', '\n=1+1'],
    ['note', '=HYPERLINK("http://evil.example","klicka")'],
  ])('%s = %j', async (field, text) => {
    const p = makePassage({ [field]: text });
    expect((await sheet.upsert(p)).json.ok).toBe(true);
    const formulas = sheet.runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName('Passager')!.getRange(2, 1, 1, 19).getFormulas();
    expect(formulas[0].every((formula) => formula === '')).toBe(true);
    const listed = await sheet.get({ action: 'passages', url: p.url, token: TOKEN });
    expect(listed.json.passages[0][field]).toBe(text);
  });
});

describe('bad requests get their code and change nothing', () => {
  const good = () => ({ v: 1, token: TOKEN, ops: [{ op: 'upsert', passage: makePassage() }] });
  const body = (ops: unknown[]) => JSON.stringify({ v: 1, token: TOKEN, ops });
  const upsert = (overrides: Record<string, unknown>) => body([{ op: 'upsert', passage: { ...makePassage(), ...overrides } }]);
  const id = () => makePassage().id;
  /** [name, body, code, the field path named in the details when the code is invalid_request]. */
  const cases: Array<[string, () => string, string, string?]> = [
    // token and envelope
    ['no token', () => JSON.stringify({ ...good(), token: undefined }), 'unauthorized'],
    ['wrong token', () => JSON.stringify({ ...good(), token: 'wrong' }), 'unauthorized'],
    ['token of the right length but wrong', () => JSON.stringify({ ...good(), token: TOKEN.replace(/.$/, 'x') }), 'unauthorized'],
    ['token as a number', () => JSON.stringify({ ...good(), token: 12 }), 'unauthorized'],
    ['token null', () => JSON.stringify({ ...good(), token: null }), 'unauthorized'],
    ['token of 201 characters', () => JSON.stringify({ ...good(), token: `${TOKEN}${'x'.repeat(201 - TOKEN.length)}` }), 'unauthorized'],
    ['malformed JSON', () => '{"v":1,"token":', 'invalid_request'],
    ['empty body', () => '', 'invalid_request'],
    ['a byte-order mark before the JSON', () => `\ufeff${JSON.stringify(good())}`, 'invalid_request'],
    ['an array', () => '[]', 'unauthorized'],
    ['null', () => 'null', 'unauthorized'],
    ['a string', () => '"upsert"', 'unauthorized'],
    ['wrong version', () => JSON.stringify({ ...good(), v: 2 }), 'invalid_request', 'v'],
    ['version as text', () => JSON.stringify({ ...good(), v: '1' }), 'invalid_request', 'v'],
    ['version missing', () => JSON.stringify({ ...good(), v: undefined }), 'invalid_request', 'v'],
    ['ops missing', () => JSON.stringify({ v: 1, token: TOKEN }), 'invalid_request', 'ops'],
    ['ops empty', () => body([]), 'invalid_request', 'ops'],
    ['ops an object', () => JSON.stringify({ v: 1, token: TOKEN, ops: {} }), 'invalid_request', 'ops'],
    ['an extra field in the request', () => JSON.stringify({ ...good(), extra: true }), 'invalid_request', 'extra'],
    // ops
    ['unknown op', () => body([{ op: 'truncate' }]), 'invalid_request', 'ops.0.op'],
    ['op missing', () => body([{ passage: makePassage() }]), 'invalid_request', 'ops.0.op'],
    ['passage null', () => body([{ op: 'upsert', passage: null }]), 'invalid_request', 'ops.0.passage'],
    ['an upsert with an extra field', () => body([{ op: 'upsert', passage: makePassage(), id: id() }]), 'invalid_request', 'ops.0.id'],
    ['a delete without id', () => body([{ op: 'delete', rev: 2 }]), 'invalid_request', 'ops.0.id'],
    ['a delete of rev 0', () => body([{ op: 'delete', id: id(), rev: 0 }]), 'invalid_request', 'ops.0.rev'],
    ['a delete of rev 1.5', () => body([{ op: 'delete', id: id(), rev: 1.5 }]), 'invalid_request', 'ops.0.rev'],
    ['a delete of an upper-case id', () => body([{ op: 'delete', id: id().toUpperCase(), rev: 2 }]), 'invalid_request', 'ops.0.id'],
    ['one good op and one bad', () => body([{ op: 'upsert', passage: makePassage() }, { op: 'upsert', passage: makePassage({ rev: 0 }) }]), 'invalid_request', 'ops.1.passage.rev'],
    // fields
    ['a passage without a quote', () => upsert({ quote: undefined }), 'invalid_request', 'ops.0.passage.quote'],
    ['a passage with an extra field', () => upsert({ colour: 'red' }), 'invalid_request', 'ops.0.passage.colour'],
    ['a 50,000-character quote', () => upsert({ quote: 'x'.repeat(50_000) }), 'invalid_request', 'ops.0.passage.quote'],
    ['a 2,001-character note', () => upsert({ note: 'x'.repeat(2001) }), 'invalid_request', 'ops.0.passage.note'],
    ['a 501-character page title', () => upsert({ pageTitle: 'x'.repeat(501) }), 'invalid_request', 'ops.0.passage.pageTitle'],
    ['an unknown kind', () => upsert({ kind: 'opinion' }), 'invalid_request', 'ops.0.passage.kind'],
    ['a municipality that is a formula', () => upsert({ municipality: '=IMPORTXML("http://x","//a")' }), 'invalid_request', 'ops.0.passage.municipality'],
    ['a municipality code without its leading zero', () => upsert({ municipality: '182' }), 'invalid_request', 'ops.0.passage.municipality'],
    ['a municipality code as a number', () => upsert({ municipality: 182 }), 'invalid_request', 'ops.0.passage.municipality'],
    ['a theme id starting with +', () => upsert({ themes: ['+tolkar'] }), 'invalid_request', 'ops.0.passage.themes.0'],
    ['themes not a list', () => upsert({ themes: 'tolkar' }), 'invalid_request', 'ops.0.passage.themes'],
    ['the same theme twice', () => upsert({ themes: ['tolkar', 'tolkar'] }), 'invalid_request', 'ops.0.passage.themes'],
    ['21 themes', () => upsert({ themes: Array.from({ length: 21 }, (_, i) => `t${i}`) }), 'invalid_request', 'ops.0.passage.themes'],
    ['150,000 theme ids in one passage', () => upsert({ themes: Array.from({ length: 150_000 }, (_, i) => `T${i}`) }), 'invalid_request', 'ops.0.passage.themes'],
    ['an id starting with -', () => upsert({ id: '-1' }), 'invalid_request', 'ops.0.passage.id'],
    ['an id in upper case', () => upsert({ id: id().toUpperCase() }), 'invalid_request', 'ops.0.passage.id'],
    ['a url starting with @', () => upsert({ url: '@http://x.se/' }), 'invalid_request', 'ops.0.passage.url'],
    ['a javascript: url', () => upsert({ url: 'javascript:alert(1)' }), 'invalid_request', 'ops.0.passage.url'],
    ['a url with a leading space', () => upsert({ url: ' http://www.socialbarnungdom.se/x/' }), 'invalid_request', 'ops.0.passage.url'],
    ['a url with a trailing space', () => upsert({ url: 'http://www.socialbarnungdom.se/x/ ' }), 'invalid_request', 'ops.0.passage.url'],
    ['a negative start', () => upsert({ start: -1 }), 'invalid_request', 'ops.0.passage.start'],
    ['end before start', () => upsert({ start: 10, end: 5 }), 'invalid_request', 'ops.0.passage.end'],
    ['rev as text', () => upsert({ rev: '1' }), 'invalid_request', 'ops.0.passage.rev'],
    ['deleted as text', () => upsert({ deleted: 'false' }), 'invalid_request', 'ops.0.passage.deleted'],
    // times
    ['30 February', () => upsert({ createdAt: '2026-02-30T10:00:00Z' }), 'invalid_request', 'ops.0.passage.createdAt'],
    ['29 February in a common year', () => upsert({ createdAt: '2025-02-29T10:00:00Z' }), 'invalid_request', 'ops.0.passage.createdAt'],
    ['T24:00', () => upsert({ updatedAt: '2026-01-31T24:00:00Z' }), 'invalid_request', 'ops.0.passage.updatedAt'],
    ['a time without a zone', () => upsert({ updatedAt: '2026-01-31T10:00:00' }), 'invalid_request', 'ops.0.passage.updatedAt'],
    ['a time as a number', () => upsert({ createdAt: 1_767_225_600_000 }), 'invalid_request', 'ops.0.passage.createdAt'],
    // quotes that show nothing
    ['a quote of a zero-width space', () => upsert({ quote: '\u200b' }), 'invalid_request', 'ops.0.passage.quote'],
    ['a quote of spaces, a BOM and joiners', () => upsert({ quote: ' \ufeff\u200d\u2060 ' }), 'invalid_request', 'ops.0.passage.quote'],
    // characters the sheet cannot keep
    ['U+FFFE in the note', () => upsert({ note: 'a\ufffeb' }), 'invalid_request', 'ops.0.passage.note'],
    ['U+FFFF in the note', () => upsert({ note: '\uffff' }), 'invalid_request', 'ops.0.passage.note'],
    ['U+FFFE in the page title', () => upsert({ pageTitle: '\ufffe' }), 'invalid_request', 'ops.0.passage.pageTitle'],
    ['U+FDD0 in the quote', () => upsert({ quote: 'citat \ufdd0' }), 'invalid_request', 'ops.0.passage.quote'],
    ['U+1FFFF in the note', () => upsert({ note: 'x\u{1ffff}' }), 'invalid_request', 'ops.0.passage.note'],
    ['NUL in the quote', () => upsert({ quote: 'a\u0000b' }), 'invalid_request', 'ops.0.passage.quote'],
    ['BEL in the page title', () => upsert({ pageTitle: 'ding\u0007' }), 'invalid_request', 'ops.0.passage.pageTitle'],
    ['ESC in the author', () => upsert({ author: '\u001b[31mröd' }), 'invalid_request', 'ops.0.passage.author'],
    ['DEL in the suffix', () => upsert({ suffix: 'x\u007f' }), 'invalid_request', 'ops.0.passage.suffix'],
    ['a C1 control in the prefix', () => upsert({ prefix: 'x\u0085y' }), 'invalid_request', 'ops.0.passage.prefix'],
    ['CR in the note', () => upsert({ note: 'rad 1\rrad 2' }), 'invalid_request', 'ops.0.passage.note'],
    ['CRLF in the quote', () => upsert({ quote: 'rad 1\r\nrad 2' }), 'invalid_request', 'ops.0.passage.quote'],
    ['CR before a formula', () => upsert({ quote: '\r=1+1' }), 'invalid_request', 'ops.0.passage.quote'],
    ['a lone high surrogate in the note', () => upsert({ note: 'a\ud83d' }), 'invalid_request', 'ops.0.passage.note'],
    ['a lone low surrogate in the quote', () => upsert({ quote: '\ude00 citat' }), 'invalid_request', 'ops.0.passage.quote'],
    ['a lone surrogate written as a JSON escape', () => upsert({ author: 'x' }).replace('"author":"x"', '"author":"\\ud800"'), 'invalid_request', 'ops.0.passage.author'],
    // size
    ['501 ops', () => body(Array.from({ length: 501 }, () => ({ op: 'upsert', passage: makePassage() }))), 'too_large'],
    ['501 deletes', () => body(Array.from({ length: 501 }, () => ({ op: 'delete', id: id(), rev: 2 }))), 'too_large'],
    ['a body over 2 MB', () => JSON.stringify({ ...good(), padding: 'x'.repeat(2 * 1024 * 1024) }), 'too_large'],
    ['a body over 2 MB of multi-byte characters', () => JSON.stringify({ ...good(), padding: 'å'.repeat(1024 * 1024 + 1) }), 'too_large'],
  ];

  test(`the table holds at least 60 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  test.each(cases.map(([name, make, code, path]) => [name, code, make, path] as const))('%s → %s', async (_name, code, make, path) => {
    await sheet.upsert(makePassage());
    const workbook = sheet.bytes();
    const side = sheet.sideBytes();
    const reply = await sheet.post(make());
    expect(reply.status).toBe(200);
    expect(reply.json.ok).toBe(false);
    expect(reply.json.error.code).toBe(code);
    expect(reply.json.error.message.length).toBeGreaterThan(10);
    if (path !== undefined) expect(reply.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(sheet.bytes().equals(workbook)).toBe(true);
    expect(sheet.sideBytes().equals(side)).toBe(true);
  });

  test('an upper-case copy of an existing id is refused, and Passager keeps one row', async () => {
    const p = makePassage();
    await sheet.upsert(p);
    const workbook = sheet.bytes();
    const reply = await sheet.upsert({ ...p, id: p.id.toUpperCase(), rev: 2, note: 'kopia' });
    expect(reply.json.error.code).toBe('invalid_request');
    expect(reply.json.error.details).toEqual([{ path: 'ops.0.passage.id', message: 'a UUID in lower case' }]);
    expect(passagerRows()).toHaveLength(1);
    expect(sheet.bytes().equals(workbook)).toBe(true);
  });

  test('invalid_request names the field paths', async () => {
    const reply = await sheet.post(JSON.stringify({ v: 1, token: TOKEN, ops: [{ op: 'upsert', passage: makePassage({ kind: 'x' as never, rev: 0 }) }] }));
    expect(reply.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['ops.0.passage.kind', 'ops.0.passage.rev']);
  });

  test.each([
    [{ action: 'ping' }, 'unauthorized'],
    [{ action: 'ping', token: 'nope' }, 'unauthorized'],
    [{ action: 'drop', token: TOKEN }, 'invalid_request'],
    [{ action: 'passages', token: TOKEN }, 'invalid_request'],
    [{ token: TOKEN }, 'invalid_request'],
    [{ action: 'passages', token: TOKEN, url: ' http://www.socialbarnungdom.se/x/' }, 'invalid_request'],
    [{ action: 'passages', token: TOKEN, url: 'http://www.socialbarnungdom.se/x/\uffff' }, 'invalid_request'],
  ])('GET %j → %s', async (parameters, code) => {
    const workbook = sheet.bytes();
    const reply = await sheet.get(parameters);
    expect(reply.json.error.code).toBe(code);
    expect(sheet.bytes().equals(workbook)).toBe(true);
  });

  test('when another execution holds the lock past the wait: server_busy, and nothing written', async () => {
    const holder = await startTestSheet({ extraCode: HOLD_LOCK });
    try {
      const workbook = holder.bytes();
      const holding = holder.runtime.execute('holdScriptLock', [LOCK_WAIT_MS + 2_000]);
      await expect.poll(() => holder.runtime.locks.holder('script')).not.toBeNull();
      const reply = await holder.upsert(makePassage());
      expect(reply.json.error.code).toBe('server_busy');
      expect(holder.bytes().equals(workbook)).toBe(true);
      await holding;
    } finally {
      await holder.stop();
    }
  }, LOCK_WAIT_MS + 30_000);
});

describe('many clients at once', () => {
  test('10 clients × 50 ops sent together → exactly 500 rows, no duplicates, nothing lost', async () => {
    const batches = Array.from({ length: 10 }, () => Array.from({ length: 50 }, () => makePassage()));
    const replies = await Promise.all(batches.map((batch) => sheet.upsert(...batch)));
    expect(replies.every((reply) => reply.json.ok && reply.json.results.every((r: { status: string }) => r.status === 'applied'))).toBe(true);
    const ids = passagerRows().map((row) => row[18]);
    expect(ids).toHaveLength(500);
    expect(new Set(ids)).toEqual(new Set(batches.flat().map((p) => p.id)));
  });
});

describe('service calls', () => {
  test('each answer carries its service calls and read-after-write flushes', async () => {
    await sheet.upsert(makePassage());
    const reply = await sheet.upsert(makePassage());
    expect(reply.calls).toBeGreaterThan(5);
    expect(reply.flushes).toBeGreaterThanOrEqual(0);
    expect(reply.flushes).toBeLessThanOrEqual(2);
  });
});
