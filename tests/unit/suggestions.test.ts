// Suggestions from a post's structure, theme search and keyword suggestions, and selections clipped to the blocks they cover.
import { describe, expect, test } from 'vitest';
import { clipToBlocks } from '../../shared/block-clip';
import { DEFAULT_CODEBOOK } from '../../shared/codebook';
import { readPost } from '../../shared/post-structure';
import { structureSuggestions } from '../../shared/suggestions';
import { searchThemes, suggestThemes } from '../../shared/theme-search';
import { fixtureDocument, parseHtml } from '../helpers/fixtures';

const FLEN = 'blog/flen-ska-i-den-sociala-barn-och-ungdomsvarden-ha-alla-tjanster-tillsatta-inom-ett-ar.html';

describe('structureSuggestions', () => {
  const post = readPost(fixtureDocument(FLEN))!;

  test('every plan item and national request of the post, in reading order', () => {
    const found = structureSuggestions(post.sections, [], new Set());
    expect(found.map((s) => s.kind)).toEqual(['national', 'national', 'plan', 'plan', 'plan']);
    for (const s of found) expect(post.text.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
  });

  test('an item half covered by a passage or dismissed is not suggested; a short passage inside it does not hide it', () => {
    const [first, second, third] = structureSuggestions(post.sections, [], new Set());
    const tagged = [{ start: first.start, end: first.start + Math.ceil((first.end - first.start) / 2) }, { start: second.start, end: second.start + 10 }];
    const left = structureSuggestions(post.sections, tagged, new Set([third.key]));
    expect(left.map((s) => s.key)).not.toContain(first.key);
    expect(left.map((s) => s.key)).toContain(second.key);
    expect(left.map((s) => s.key)).not.toContain(third.key);
    expect(left).toHaveLength(3);
  });

  test('a sentence about the plan inside a national section is not a national request; a plan list it introduces is plan items', () => {
    const doc = parseHtml(`<article><div class="entry-content">
      <p>${'Inledande text om besöket i Malmö och dess arbete med barn och unga. '.repeat(4)}</p>
      <h3>Till nationell nivå</h3>
      <p>Malmö vill att staten tar ett större ansvar för statsbidragen.</p>
      <p>Malmös plan för handling kommer att omfatta fler frågor än dessa.</p>
      <p>Malmös plan för handling kommer att omfatta:</p>
      <ul><li>Fler socialsekreterare i öppenvården</li><li>Bättre samverkan med skolan</li></ul>
    </div></article>`);
    const found = structureSuggestions(readPost(doc)!.sections, [], new Set());
    expect(found.map((s) => [s.kind, s.text])).toEqual([
      ['national', 'Malmö vill att staten tar ett större ansvar för statsbidragen.'],
      ['plan', 'Fler socialsekreterare i öppenvården'],
      ['plan', 'Bättre samverkan med skolan'],
    ]);
  });
});

describe('searchThemes', () => {
  const ids = (query: string) => searchThemes(DEFAULT_CODEBOOK, query).map((t) => t.id);

  test('Swedish and English labels and ids, without regard to accents or case', () => {
    expect(ids('teknik')).toEqual(['digitalisering']);
    expect(ids('TECHNOLOGY')).toEqual(['digitalisering']);
    expect(ids('forebygg')).toEqual(['forebyggande']);
    expect(ids('Förebygg')).toEqual(['forebyggande']);
    expect(ids('skolgang')).toEqual(['placerade-barns-skolgang']);
    expect(ids('sis-plac')).toEqual(['sis-placeringar']);
    expect(ids('   ')).toHaveLength(DEFAULT_CODEBOOK.themes.length);
    expect(ids('ingenting sådant')).toEqual([]);
  });

  test('labels that start with the query come first', () => {
    expect(ids('samverkan')[0]).toBe('samverkan-skola');
  });
});

describe('suggestThemes', () => {
  test('keywords found at a word start, accents and case ignored', () => {
    expect(suggestThemes(DEFAULT_CODEBOOK, 'Socialsekreterarna har bärbara krypterade datorer.')).toEqual(['digitalisering']);
    expect(suggestThemes(DEFAULT_CODEBOOK, 'Vi behöver fler TOLKAR och bättre kontakt med migrationsverket.')).toEqual(['ensamkommande', 'tolkar']);
    expect(suggestThemes(DEFAULT_CODEBOOK, 'Ett stycke utan något av orden.')).toEqual([]);
  });

  test('a codebook without keywords suggests nothing', () => {
    const bare = { ...DEFAULT_CODEBOOK, themes: DEFAULT_CODEBOOK.themes.map(({ id, label, color }) => ({ id, label, color })) };
    expect(suggestThemes(bare, 'datorer och tolkar')).toEqual([]);
  });
});

describe('clipToBlocks', () => {
  const blocks = [{ text: 'a', start: 0, end: 100 }, { text: 'b', start: 101, end: 200 }, { text: 'c', start: 201, end: 300 }];

  test('a few characters into the next or previous block are dropped', () => {
    expect(clipToBlocks(blocks, 10, 106)).toEqual([10, 100]);
    expect(clipToBlocks(blocks, 95, 180)).toEqual([101, 180]);
    expect(clipToBlocks(blocks, 90, 210)).toEqual([101, 200]);
  });

  test('a selection inside one block, or really spanning blocks, is kept', () => {
    expect(clipToBlocks(blocks, 10, 50)).toEqual([10, 50]);
    expect(clipToBlocks(blocks, 10, 150)).toEqual([10, 150]);
    expect(clipToBlocks(blocks, 0, 300)).toEqual([0, 300]);
  });
});
