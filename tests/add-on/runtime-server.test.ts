// The local runtime's HTTP side and its files: answers, tokens, lock leftovers, crashes, full disks, unreadable workbooks.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startLocalSheet } from '../../apps-script/local-runtime/start';
import { sidePath, storageFailure } from '../../apps-script/local-runtime/workbook-file';
import { CODE_PATH, HOLD_LOCK, startTestSheet, tabValues, TOKEN, type TestSheet } from '../helpers/local-sheet';
import { makePassage } from '../helpers/passages';
import { bodyTooLarge, MAX_BODY_BYTES, unauthorized } from '../../shared/protocol';

/** An answer of the web app or of the runtime, as the tests read it. */
type Answer = { ok: boolean; error?: { code: string; message: string } };
const answerOf = (reply: { json: unknown }) => reply.json as Answer;

let sheet: TestSheet | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await sheet?.stop();
  sheet = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'annotera-runtime-'));
  dirs.push(dir);
  return dir;
};

/** A raw HTTP exchange, with headers the fetch API would not let a test set (Host). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('answers', () => {
  test('no route answers Access-Control-Allow-Origin: *, and the runtime\'s own failures are JSON with a code', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(makePassage());
    const exec = await raw(`${sheet.url}/exec?action=ping&token=${TOKEN}`);
    const answers = await Promise.all([
      raw(`${sheet.url}/`), raw(`${sheet.url}/view/Passager`), raw(`${sheet.url}/workbook.xlsx`),
      raw(`${sheet.url}/nothing-here`), raw(`${sheet.url}/echo?key=gone`), raw(exec.headers.location as string),
    ]);
    for (const answer of [exec, ...answers]) expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    for (const answer of answers.slice(3, 5)) expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A web page's origin gets nothing; an extension's origin is named on the web app's answers only.
    const page = await raw(`${sheet.url}/exec?action=ping&token=${TOKEN}`, { headers: { origin: 'https://evil.example' } });
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    const extension = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const fromExtension = await raw(`${sheet.url}/exec?action=ping&token=${TOKEN}`, { headers: { origin: extension } });
    expect(fromExtension.headers['access-control-allow-origin']).toBe(extension);
    expect((await raw(`${sheet.url}/view/Passager`, { headers: { origin: extension } })).headers['access-control-allow-origin']).toBeUndefined();
  });

  test('the redirect\'s Location is the runtime\'s own address, whatever Host the request names', async () => {
    sheet = await startTestSheet();
    const answer = await raw(`${sheet.url}/exec?action=ping&token=${TOKEN}`, { headers: { host: 'evil.example:80' } });
    expect(answer.status).toBe(302);
    expect(String(answer.headers.location).startsWith(`${sheet.url}/echo?key=`)).toBe(true);
  });

  test('with two token= parameters the first one counts, as on Google', async () => {
    sheet = await startTestSheet();
    const first = await fetch(`${sheet.url}/exec?action=ping&token=${TOKEN}&token=wrong`).then((r) => r.json() as Promise<Answer>);
    const last = await fetch(`${sheet.url}/exec?action=ping&token=wrong&token=${TOKEN}`).then((r) => r.json() as Promise<Answer>);
    expect(first.ok).toBe(true);
    expect(last.error?.code).toBe('unauthorized');
  });

  test('a crashed execution answers JSON `internal`, and leaves neither the lock nor the workbook unusable', async () => {
    sheet = await startTestSheet({ extraCode: `${HOLD_LOCK}\nfunction spinForever() { LockService.getScriptLock().waitLock(1000); for (;;) {} }`, executionLimitMs: 1500 });
    await expect(sheet.runtime.execute('spinForever')).rejects.toThrow(/Exceeded maximum execution time/);
    expect(sheet.runtime.locks.holder('script')).toBeNull();
    const passage = makePassage();
    expect(answerOf((await sheet.upsert(passage))).ok).toBe(true);
    expect(tabValues(sheet, 'Passager').at(-1)).toContain(passage.id);
  });
});

describe('unauthenticated requests', () => {
  test('a large body with a wrong token is refused at the door, while another execution holds the script lock: it waits for nothing', async () => {
    sheet = await startTestSheet({ extraCode: HOLD_LOCK });
    const holding = sheet.runtime.execute('holdScriptLock', [60_000]).catch(() => undefined);
    await expect.poll(() => sheet!.runtime.locks.holder('script')).not.toBeNull();
    const holder = sheet.runtime.locks.holder('script');
    const junk = JSON.stringify({ v: 1, token: 'wrong-token', ops: [{ op: 'upsert', passage: { themes: Array(120_000).fill('not-a-theme') } }] });
    expect(junk.length).toBeGreaterThan(1_000_000);
    const started = sheet.runtime.executionsStarted;
    const reply = await sheet.post(junk);
    expect(answerOf(reply).error?.code).toBe('unauthorized');
    // Refused at the door: no execution was started for it, so it could not queue for a worker or the lock.
    expect(sheet.runtime.executionsStarted).toBe(started);
    // Answered while the writer still holds the lock: it was never waited for.
    expect(sheet.runtime.locks.holder('script')).toBe(holder);
    await sheet.stop();
    sheet = undefined;
    await holding;
  });
});

/**
 * A POST to /exec whose body is never finished: only `part` of the Content-Length it announces, or (no `part`)
 * chunks without end. Resolves with the answer once the server has closed the connection — the client never would.
 */
function unfinishedPost(url: string, announced?: number, part?: string) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; answer: unknown }>((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'text/plain', ...(announced === undefined ? {} : { 'content-length': String(announced) }) };
    const req = request(`${url}/exec`, { method: 'POST', headers });
    let open = true;
    let answer: { headers: Record<string, string | string[] | undefined>; answer: unknown } | undefined;
    const settle = () => answer && !open && resolve(answer);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        answer = { headers: res.headers, answer: JSON.parse(text) };
        settle();
      });
    });
    req.on('close', () => {
      open = false;
      settle();
    });
    // Writing after the server closed fails; only a failure before any answer is the test's.
    req.on('error', (error) => !answer && !req.writableEnded && open && reject(error));
    if (part !== undefined) return void req.write(part);
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const pump = () => {
      while (open && req.write(chunk));
      if (open) req.once('drain', pump);
    };
    pump();
  });
}

describe('oversized requests', () => {
  test('a body whose Content-Length is over the limit is answered too_large before it is sent, the connection closed; nothing changes, and a valid write works after', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(makePassage());
    const workbook = sheet.bytes();
    const side = sheet.sideBytes();
    const started = sheet.runtime.executionsStarted;
    const { headers, answer } = await unfinishedPost(sheet.url, MAX_BODY_BYTES + 1, `{"v":1,"token":"${TOKEN}","ops":[`);
    expect(headers.connection).toBe('close');
    expect(answer).toEqual(bodyTooLarge(MAX_BODY_BYTES + 1));
    expect(sheet.runtime.executionsStarted).toBe(started);
    expect(sheet.bytes().equals(workbook)).toBe(true);
    expect(sheet.sideBytes().equals(side)).toBe(true);
    const passage = makePassage();
    expect(answerOf(await sheet.upsert(passage)).ok).toBe(true);
    expect(tabValues(sheet, 'Passager').at(-1)).toContain(passage.id);
  });

  test('a chunked body is cut off once it passes the limit: answered too_large and the connection closed; nothing changes, and a valid write works after', async () => {
    sheet = await startTestSheet();
    await sheet.upsert(makePassage());
    const workbook = sheet.bytes();
    const side = sheet.sideBytes();
    const started = sheet.runtime.executionsStarted;
    const { headers, answer } = await unfinishedPost(sheet.url);
    expect(headers.connection).toBe('close');
    expect(answer).toEqual(bodyTooLarge());
    expect(sheet.runtime.executionsStarted).toBe(started);
    expect(sheet.bytes().equals(workbook)).toBe(true);
    expect(sheet.sideBytes().equals(side)).toBe(true);
    expect(answerOf(await sheet.upsert(makePassage())).ok).toBe(true);
  });

  test('the add-on itself still refuses a body over the limit, as on Google, whose front end lets larger bodies through', async () => {
    sheet = await startTestSheet();
    const contents = JSON.stringify({ v: 1, token: TOKEN, ops: [], padding: 'x'.repeat(MAX_BODY_BYTES) });
    const event = { parameter: {}, parameters: {}, queryString: '', contextPath: '', contentLength: contents.length, postData: { contents, length: contents.length, type: 'text/plain', name: 'postData' } };
    const { result } = await sheet.runtime.execute<{ getContent(): string }>('doPost', [event]);
    expect(JSON.parse(result.getContent())).toEqual(bodyTooLarge(contents.length));
  });
});

describe('the token gate at the door', () => {
  /** A valid batch of more than 64 KiB (so that the door looks for the token), its token written by `withToken`. */
  const largeBatch = (withToken: (ops: string) => string) => {
    const ops = JSON.stringify(Array.from({ length: 150 }, () => ({ op: 'upsert', passage: makePassage() })));
    const body = withToken(ops);
    expect(body.length).toBeGreaterThan(64 * 1024);
    return body;
  };

  test.each([
    ['after the ops', (ops: string) => `{"v":1,"ops":${ops},"token":"${TOKEN}"}`],
    ['in JSON escapes', (ops: string) => `{"v":1,"token":"${[...TOKEN].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}","ops":${ops}}`],
    ['twice, the wrong one first (JSON.parse keeps the last)', (ops: string) => `{"token":"wrong","v":1,"ops":${ops},"token":"${TOKEN}"}`],
  ])('a large valid batch with its token %s is applied', async (_name, withToken) => {
    sheet = await startTestSheet();
    const reply = await sheet.post(largeBatch(withToken));
    expect(answerOf(reply).ok).toBe(true);
    expect(tabValues(sheet, 'Passager')).toHaveLength(151);
  });

  test('a large body without the token is refused at the door with the add-on\'s own answer to a wrong token', async () => {
    sheet = await startTestSheet();
    const small = await sheet.post(JSON.stringify({ v: 1, token: 'wrong', ops: [] }));
    const started = sheet.runtime.executionsStarted;
    const large = await sheet.post(largeBatch((ops) => `{"v":1,"token":"wrong","ops":${ops}}`));
    expect(sheet.runtime.executionsStarted).toBe(started);
    expect(large.status).toBe(200);
    expect(large.json).toEqual(small.json);
    expect(large.json).toEqual(unauthorized());
  });
});

describe('tokens and files', () => {
  test('a token shorter than 32 characters is refused with a message', async () => {
    const dir = freshDir();
    await expect(startLocalSheet({ port: 0, workbookPath: join(dir, 'a.xlsx'), token: 'a', codePath: CODE_PATH })).rejects.toThrow(/at least 32/);
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
  });

  test('the side file, which holds the token, is readable by its owner only', async () => {
    sheet = await startTestSheet();
    expect(statSync(sidePath(sheet.workbookPath)).mode & 0o777).toBe(0o600);
  });

  test.each([
    ['empty', ''],
    ['garbage', '\u0000\u0001 not a pid'],
    ['a pid that now belongs to a live process (ours)', String(process.pid)],
    ['a pid of nothing', '999999'],
  ])('a leftover lock file (%s) blocks nothing', async (_name, content) => {
    const dir = freshDir();
    const workbookPath = join(dir, 'annotera.xlsx');
    writeFileSync(`${workbookPath}.lock`, content);
    const local = await startLocalSheet({ port: 0, workbookPath, token: TOKEN, codePath: CODE_PATH });
    try {
      const body = JSON.stringify({ v: 1, token: TOKEN, ops: [{ op: 'upsert', passage: makePassage() }] });
      const answer = await fetch(`${local.url}/exec`, { method: 'POST', body }).then((r) => r.json() as Promise<Answer>);
      expect(answer.ok).toBe(true);
    } finally {
      await local.close();
    }
  });

  test('a second runtime on the same workbook is refused with a message naming the one that serves it; after it stops, one can start', async () => {
    sheet = await startTestSheet();
    await expect(startLocalSheet({ port: 0, workbookPath: sheet.workbookPath, token: TOKEN, codePath: CODE_PATH }))
      .rejects.toThrow(new RegExp(`already served by the Annotera runtime of process ${process.pid}`));
    await sheet.close();
    const next = await startLocalSheet({ port: 0, workbookPath: sheet.workbookPath, token: TOKEN, codePath: CODE_PATH });
    await next.close();
  });

  test('a corrupt workbook at start: a message that names the file and what to do; the file is left exactly as it was', async () => {
    const dir = freshDir();
    const workbookPath = join(dir, 'annotera.xlsx');
    writeFileSync(workbookPath, 'PK\u0003\u0004 this is not a workbook');
    const before = readFileSync(workbookPath);
    await expect(startLocalSheet({ port: 0, workbookPath, token: TOKEN, codePath: CODE_PATH }))
      .rejects.toThrow(new RegExp(`${workbookPath.replace(/[.\\/]/g, '\\$&')} exists but cannot be read.*left exactly as it is.*move it elsewhere`));
    expect(readFileSync(workbookPath).equals(before)).toBe(true);
    writeFileSync(sidePath(workbookPath), '{ not json');
    await expect(startLocalSheet({ port: 0, workbookPath, token: TOKEN, codePath: CODE_PATH })).rejects.toThrow(/runtime\.json exists but cannot be read/);
  });

  test('a full disk: the write is answered disk_full, the workbook on disk is untouched, and the retry once there is room saves it', async () => {
    sheet = await startTestSheet();
    const before = sheet.bytes();
    // The next save's temporary file lands on /dev/full, which answers every write with ENOSPC.
    const temporary = `${sidePath(sheet.workbookPath)}.${process.pid}.tmp`;
    symlinkSync('/dev/full', temporary);
    const passage = makePassage();
    const full = await sheet.upsert(passage);
    expect(full.json).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    expect(answerOf(full).error?.message).toContain(sheet.workbookPath);
    expect(sheet.bytes().equals(before)).toBe(true);
    expect(existsSync(temporary)).toBe(false);
    const retry = await sheet.upsert(passage);
    expect(answerOf(retry).ok).toBe(true);
    expect(sheet.bytes().equals(before)).toBe(false);
  });

  test('storage failures map to stable codes with a message naming the file', () => {
    const error = (code: string) => Object.assign(new Error(code), { code });
    const full = storageFailure(error('ENOSPC'), '/x/a.xlsx');
    expect(full.code).toBe('disk_full');
    expect(full.message).toContain('/x/a.xlsx');
    expect(storageFailure(error('EROFS'), '/x/a.xlsx').code).toBe('read_only');
    expect(storageFailure(error('EACCES'), '/x/a.xlsx').code).toBe('read_only');
    expect(storageFailure(error('EIO'), '/x/a.xlsx').code).toBe('storage_failed');
  });
});
