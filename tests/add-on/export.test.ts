// Annotera → Exportera… on the local runtime: a .qdpx that a real unzip opens and xmllint validates against REFI-QDA's
// Project.xsd, and W3C Web Annotation JSON-LD with both selectors per passage.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { makePassage } from '../helpers/passages';
import { startTestSheet, type TestSheet } from '../helpers/local-sheet';

/** The parts of a W3C Web Annotation collection the tests read. */
interface AnnotationCollection {
  '@context': string;
  total: number;
  first: { items: Array<{ id: string; target: unknown; body: Array<{ purpose: string; value: string }>; creator: unknown }> };
}

let sheet: TestSheet;
afterEach(async () => {
  await sheet?.stop();
});

const SCHEMA = new URL('../fixtures/refi-qda/Project.xsd', import.meta.url).pathname;
const NACKA = 'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/';
const FLEN = 'http://www.socialbarnungdom.se/kommunbesok/flen/';
/** Text with a character outside the BMP before the passages: REFI-QDA counts it as one character, JavaScript as two. */
const TEXT = 'Nacka 🙂 besök. Socialsekreterarna har bärbara krypterade datorer. Skolan & socialtjänsten <samverkar>.';
const at = (quote: string) => ({ quote, start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });

interface ExportFile { name: string; mimeType: string; base64: string }

async function corpus() {
  const first = makePassage({ ...at('Socialsekreterarna har bärbara krypterade datorer.'), author: 'Bo', note: 'Jämför <Flen> & "Skövde"', themes: ['digitalisering', 'tolkar'] });
  const plan = makePassage({ ...at('Skolan & socialtjänsten <samverkar>.'), kind: 'plan', author: 'Ann', themes: [] });
  const noText = makePassage({ url: FLEN, municipality: '0482', quote: 'Flen ska ha alla tjänster tillsatta inom ett år.', start: 3000, end: 3047, author: 'Ann', themes: ['personalforsorjning'] });
  const gone = makePassage({ ...at('besök'), deleted: true, rev: 2 });
  await sheet.send([{ op: 'upsert', passage: first, post: { title: 'Nacka kommun', text: TEXT } }, { op: 'upsert', passage: plan }, { op: 'upsert', passage: noText }, { op: 'upsert', passage: gone }]);
  return { first, plan, noText, gone };
}

const attribute = (xml: string, element: string, guid: string, name: string) => {
  const tag = xml.match(new RegExp(`<${element} [^>]*guid="${guid}"[^>]*>`))?.[0] ?? '';
  return tag.match(new RegExp(` ${name}="([^"]*)"`))?.[1];
};

describe('REFI-QDA', () => {
  test('the .qdpx unzips with project.qde at its root and its sources, and validates against Project.xsd', async () => {
    sheet = await startTestSheet();
    const { first, plan, noText, gone } = await corpus();
    const { result: file, calls } = sheet.runtime.invoke<ExportFile>('exportRefiQda');
    expect(calls).toBeLessThan(40);
    expect(file.name).toMatch(/^annotera-\d{4}-\d{2}-\d{2}\.qdpx$/);
    const path = join(sheet.dir, file.name);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
    expect(listing[0]).toBe('project.qde');
    expect(listing.filter((name) => /^Sources\/[0-9a-f-]{36}\.txt$/.test(name))).toHaveLength(2);
    const out = join(sheet.dir, 'unpacked');
    execFileSync('unzip', ['-q', path, '-d', out]);
    const qde = join(out, 'project.qde');
    expect(() => execFileSync('xmllint', ['--noout', '--schema', SCHEMA, qde], { stdio: 'pipe' })).not.toThrow();
    const xml = readFileSync(qde, 'utf8');
    const texts = readdirSync(join(out, 'Sources')).map((name) => readFileSync(join(out, 'Sources', name), 'utf8'));
    expect(texts).toContain(TEXT);
    expect(texts).toContain(noText.quote);
    const slice = (text: string, start: string | undefined, end: string | undefined) => [...text].slice(Number(start), Number(end)).join('');
    for (const p of [first, plan]) {
      expect(slice(TEXT, attribute(xml, 'PlainTextSelection', p.id, 'startPosition'), attribute(xml, 'PlainTextSelection', p.id, 'endPosition'))).toBe(p.quote);
    }
    expect(attribute(xml, 'PlainTextSelection', noText.id, 'startPosition')).toBe('0');
    expect(xml).not.toContain(gone.id);
    expect(xml).toMatch(/<User guid="[^"]+" name="Ann"\/><User guid="[^"]+" name="Bo"\/>/);
    expect(xml).toContain('name="Plan för handling" isCodable="true"');
    expect(xml).toContain('name="Digitalisering och teknik" isCodable="true"');
    expect(xml).toMatch(/<Case guid="[^"]+" name="Nacka"><SelectionRef targetGUID="[^"]+"\/><SelectionRef/);
    expect(xml).toContain('<PlainTextContent>Jämför &lt;Flen&gt; &amp; "Skövde"</PlainTextContent>');
    // GUIDs come from names: a second export names everything the same, so tools can match a re-import.
    const againPath = join(sheet.dir, 'again.qdpx');
    writeFileSync(againPath, Buffer.from(sheet.runtime.invoke<ExportFile>('exportRefiQda').result.base64, 'base64'));
    const guids = (text: string) => [...text.matchAll(/guid="([^"]+)"/gi)].map((m) => m[1]);
    expect(guids(execFileSync('unzip', ['-p', againPath, 'project.qde'], { encoding: 'utf8' }))).toEqual(guids(xml));
  });

  test('an empty sheet still exports a valid project', async () => {
    sheet = await startTestSheet();
    const file = sheet.runtime.invoke<ExportFile>('exportRefiQda').result;
    const path = join(sheet.dir, 'empty.qdpx');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const xml = execFileSync('unzip', ['-p', path, 'project.qde']);
    writeFileSync(join(sheet.dir, 'project.qde'), xml);
    expect(() => execFileSync('xmllint', ['--noout', '--schema', SCHEMA, join(sheet.dir, 'project.qde')], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('Web Annotation', () => {
  test('one annotation per live passage with a TextQuoteSelector and a TextPositionSelector', async () => {
    sheet = await startTestSheet({ locale: 'en_GB' });
    const { first, noText } = await corpus();
    const file = sheet.runtime.invoke<ExportFile>('exportWebAnnotations').result;
    expect(file.mimeType).toBe('application/ld+json');
    const collection = JSON.parse(Buffer.from(file.base64, 'base64').toString('utf8')) as AnnotationCollection;
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.total).toBe(3);
    const annotation = collection.first.items.find((item) => item.id === `urn:uuid:${first.id}`)!;
    expect(annotation.target).toEqual({
      source: NACKA,
      selector: [
        { type: 'TextQuoteSelector', exact: first.quote, prefix: first.prefix, suffix: first.suffix },
        { type: 'TextPositionSelector', start: first.start, end: first.end },
      ],
    });
    expect(annotation.body.map((b) => [b.purpose, b.value])).toEqual([
      ['classifying', 'Theme'], ['tagging', 'Digitalisation and technology'], ['tagging', 'Interpreters'], ['identifying', 'Nacka'], ['commenting', first.note],
    ]);
    expect(annotation.creator).toEqual({ type: 'Person', name: 'Bo' });
    expect(collection.first.items.some((item) => item.id === `urn:uuid:${noText.id}`)).toBe(true);
  });
});

describe('the dialog', () => {
  test('Exportera… is in the menu and opens the dialog with both downloads; the add-on asks for no Drive scope', async () => {
    sheet = await startTestSheet();
    expect(sheet.runtime.spreadsheetApp.ui.menus.get('Annotera')!.items).toContainEqual({ caption: 'Exportera…', functionName: 'menuExport' });
    sheet.runtime.invoke('menuExport');
    const dialog = sheet.runtime.shown.at(-1)!;
    expect(dialog).toMatchObject({ kind: 'dialog', title: 'Exportera…' });
    expect(dialog.html).toContain("run('exportRefiQda')");
    expect(dialog.html).toContain('REFI-QDA (.qdpx)');
    const manifest = JSON.parse(readFileSync(new URL('../../dist/apps-script/appsscript.json', import.meta.url), 'utf8')) as { oauthScopes: string[] };
    expect(manifest.oauthScopes.some((scope: string) => /drive/.test(scope))).toBe(false);
  });
});
