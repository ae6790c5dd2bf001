// Municipality look-up and detection on the fixture posts and on sentences built to trip it.
import { describe, expect, test } from 'vitest';
import { BLOG_POSTS, fixtureDocument } from '../helpers/fixtures';
import { COUNTIES, MUNICIPALITIES, municipalityByCode, municipalityByName, searchMunicipalities } from '../../shared/municipalities';
import { detectMunicipalities, findMentions } from '../../shared/municipality-detection';
import { postText, readPost } from '../../shared/post-structure';

describe('look-up', () => {
  test('290 municipalities in 21 counties, codes unique', () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(COUNTIES).toHaveLength(21);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    expect(MUNICIPALITIES.every((m) => m.county && m.code.startsWith(m.county.code))).toBe(true);
  });

  test('by code', () => {
    expect(municipalityByCode('0482')?.shortName).toBe('Flen');
    expect(municipalityByCode('0482')?.county.name).toBe('Södermanlands län');
    expect(municipalityByCode('9999')).toBeUndefined();
  });

  test.each([
    ['Nacka', '0182'], ['Nackas', '0182'], ['Flens kommun', '0482'], ['flen', '0482'], ['Malmö stad', '1280'],
    ['Göteborgs stad', '1480'], ['Region Gotland', '0980'], ['Gotland', '0980'], ['Stockholms stad', '0180'],
    ['Borås', '1490'], ['Upplands Väsby', '0114'], ['Skövde kommun', '1496'],
  ])('by name: %s → %s', (name, code) => {
    expect(municipalityByName(name)?.code).toBe(code);
  });

  test('unknown names find nothing', () => {
    expect(municipalityByName('Skaraborg')).toBeUndefined();
    expect(municipalityByName('')).toBeUndefined();
  });

  test('search by the start of a name or code, then by any part', () => {
    expect(searchMunicipalities('sköv')[0].code).toBe('1496');
    expect(searchMunicipalities('0182')[0].shortName).toBe('Nacka');
    expect(searchMunicipalities('väsby').map((m) => m.code)).toContain('0114');
    expect(searchMunicipalities('', 5)).toHaveLength(5);
  });
});

describe('detection on the fixture posts', () => {
  const EXPECTED: Record<string, { first: string; also: string[] }> = {
    'blog/flen-ska-i-den-sociala-barn-och-ungdomsvarden-ha-alla-tjanster-tillsatta-inom-ett-ar.html': { first: '0482', also: ['0484', '0483'] },
    'blog/nacka-kommun.html': { first: '0182', also: [] },
    'blog/helheten-ett-vinnande-koncept-i-storuman.html': { first: '2421', also: ['0482'] },
    'blog/juvelen-i-kronan-skaraborgs-gemensamma-socialjour.html': { first: '1496', also: [] },
    'blog-wayback/nacka-kommun.html': { first: '0182', also: [] },
  };

  test('every blog fixture has an expectation', () => {
    for (const post of BLOG_POSTS) expect(EXPECTED[`blog/${post}`]).toBeDefined();
  });

  for (const [file, { first, also }] of Object.entries(EXPECTED)) {
    test(`${file}: ${first} first, the others it mentions lower, nothing from the sidebar or tag cloud`, () => {
      const candidates = detectMunicipalities(postText(readPost(fixtureDocument(file))!));
      expect(candidates[0].municipality.code).toBe(first);
      expect(candidates[0].evidence.length).toBeGreaterThan(1);
      expect(candidates.slice(1).map((c) => c.municipality.code).sort()).toEqual([...also].sort());
      for (const other of candidates.slice(1)) expect(other.score).toBeLessThan(candidates[0].score);
    });
  }
});

describe('detection on sentences', () => {
  const codes = (text: string) => findMentions(text, 'body').map((m) => m.municipality.code);

  test.each([
    ['Vi ska vara en kommun där alla tjänster är tillsatta.', []],
    ['Vara ett stöd för familjen är viktigt.', []],
    ['Mark och vatten är en fråga för länsstyrelsen.', []],
    ['Anna Lund, enhetschef, berättade om arbetet.', []],
    ['Socialchefen Eva Berg och Per Boden deltog.', []],
    ['Ale och Mora är vanliga namn, och Kil är ett verktyg.', []],
    ['I Nacka finns goda tekniska förutsättningar.', ['0182']],
    ['Vi besökte socialtjänsten i Vara förra veckan.', ['1470']],
    ['Representanter från Mora deltog.', ['2062']],
    ['Lunds kommun och Malmö stad samverkar.', ['1281', '1280']],
    ['Marks kommun har en socialjour.', ['1463']],
    ['Nackas vision och Flens kommun.', ['0182', '0482']],
    ['Skaraborgs län och Skaraborgsmodellen.', []],
  ])('%s', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  test('a title that is just an ordinary-word name is a place', () => {
    expect(detectMunicipalities({ title: 'Vara', headings: [], paragraphs: ['Vi vill vara bra.'] })[0]?.municipality.code).toBe('1470');
  });

  test('the title outweighs many mentions in the body', () => {
    const ranked = detectMunicipalities({
      title: 'Besök i Kiruna',
      headings: [],
      paragraphs: ['Som i Gällivare.', 'Gällivare igen.', 'Och Gällivare.'],
    });
    expect(ranked.map((c) => c.municipality.shortName)).toEqual(['Kiruna', 'Gällivare']);
  });
});
