// Post structure on the real fixture posts and on the same posts in other markup (bold headings, "•" paragraphs, other themes).
import { describe, expect, test } from 'vitest';
import { fixtureDocument, fixtureHtml, parseHtml } from '../helpers/fixtures';
import { findContentRoot, kindOfHeading, readPost, sectionAt, type PostStructure } from '../../shared/post-structure';

const FLEN = 'blog/flen-ska-i-den-sociala-barn-och-ungdomsvarden-ha-alla-tjanster-tillsatta-inom-ett-ar.html';
const STORUMAN = 'blog/helheten-ett-vinnande-koncept-i-storuman.html';
const SKOVDE = 'blog/juvelen-i-kronan-skaraborgs-gemensamma-socialjour.html';
const NACKA = 'blog/nacka-kommun.html';
const NACKA_ARCHIVE = 'blog-wayback/nacka-kommun.html';

/** What each post holds: the first words of every plan item and national request, in order. */
const EXPECTED: Record<string, { title: string; plan: string[]; national: string[] }> = {
  [FLEN]: {
    title: 'Flen ska i den sociala barn- och ungdomsvården ha alla tjänster tillsatta inom ett år',
    plan: ['Om ett år ska Flen vara en kommun', 'Kommunen samarbetar med Prins Wilhelmgymnasiet', 'De ska också ha en samlad'],
    national: ['Att myndigheter som exempelvis Arbetsförmedlingen', 'Flen ville också föra fram'],
  },
  [STORUMAN]: {
    title: 'Helheten ett vinnande koncept i Storuman',
    plan: ['Personalförsörjning och distansutbildning', 'Hur de behåller det goda arbetsklimatet', 'Hur kan samarbetet mellan kommun och landsting'],
    national: ['Storuman lyfter att överväganden', 'Det kommer ganska ofta olika typer av satsningar'],
  },
  [SKOVDE]: {
    title: '”Juvelen i kronan” – Skaraborgs gemensamma socialjour',
    plan: ['Skövde ska ta fram åtgärder', 'De vill genomföra det handlingsprogram', 'Ta fram en plan för ett förändringsarbete'],
    national: ['Det behövs enklare system', 'Skövde efterfrågar bättre rutiner'],
  },
  [NACKA]: {
    title: 'Nacka kommun',
    plan: ['Nacka behöver tid för att fundera över sin plan för handling'],
    national: ['Nationell nivå bör ha större tillit', 'De många regler som finns i stadsbidragen'],
  },
};
EXPECTED[NACKA_ARCHIVE] = EXPECTED[NACKA];

const itemsOf = (post: PostStructure, kind: string) =>
  post.sections.filter((section) => section.kind === kind).flatMap((section) => section.items);

function expectPost(post: PostStructure | null, expected: (typeof EXPECTED)[string]) {
  expect(post).not.toBeNull();
  expect(post!.title).toBe(expected.title);
  for (const kind of ['plan', 'national'] as const) {
    const items = itemsOf(post!, kind);
    expect(items.length).toBe(expected[kind].length);
    items.forEach((item, i) => expect(item.text.startsWith(expected[kind][i]), `${kind} ${i}: ${item.text}`).toBe(true));
  }
}

describe('the fixture posts', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(`${file}: finds the plan items and national requests, and nothing else`, () => {
      expectPost(readPost(fixtureDocument(file)), expected);
    });

    test(`${file}: every item's offsets point at its text in the content root`, () => {
      const post = readPost(fixtureDocument(file))!;
      for (const item of post.sections.flatMap((section) => section.body)) {
        expect(post.text.slice(item.start, item.end).replace(/[\s\u00a0]+/g, ' ')).toBe(item.text);
      }
    });
  }

  test('the content root is the entry content, not the sidebar, the comment form or the archive toolbar', () => {
    const doc = fixtureDocument(NACKA_ARCHIVE);
    const root = findContentRoot(doc)!;
    expect(root.matches('.entry-content')).toBe(true);
    const text = readPost(doc)!.text;
    for (const outside of ['Senaste inläggen', 'Kommentera', 'captures', 'Trelleborg']) expect(text).not.toContain(outside);
  });

  test('the image caption that mentions "plan för handling" is not a plan item', () => {
    const post = readPost(fixtureDocument(SKOVDE))!;
    expect(post.sections.flatMap((s) => s.body).some((item) => item.text.includes('Skövde kommun ska i sin plan'))).toBe(false);
  });

  test('a prose paragraph after a plan list is part of the section but not an item', () => {
    const post = readPost(fixtureDocument(SKOVDE))!;
    const plan = post.sections.find((section) => section.kind === 'plan')!;
    expect(plan.body.some((item) => item.text.startsWith('Skövde räknar med'))).toBe(true);
    expect(plan.items.some((item) => item.text.startsWith('Skövde räknar med'))).toBe(false);
  });

  test('the section of an offset suggests the kind', () => {
    const post = readPost(fixtureDocument(FLEN))!;
    const [firstPlan] = itemsOf(post, 'plan');
    const [firstNational] = itemsOf(post, 'national');
    expect(sectionAt(post.sections, firstPlan.start + 5)?.kind).toBe('plan');
    expect(sectionAt(post.sections, firstNational.start + 5)?.kind).toBe('national');
    expect(sectionAt(post.sections, 10)?.kind).toBe('theme');
  });
});

/** The same post written with other markup, as other posts of the blog and other themes write it. */
const VARIANTS: Record<string, (html: string) => string> = {
  'headings as bold paragraphs': (html) => html.replace(/<h2>(.*?)<\/h2>/g, '<p><strong>$1</strong></p>'),
  'lists as "•" paragraphs': (html) =>
    html.replace(/<ul>([\s\S]*?)<\/ul>/g, (_m, items: string) => items.replace(/<li>([\s\S]*?)<\/li>/g, '<p>•\u00a0$1</p>')),
  'a theme without entry-content (the block with most paragraph text)': (html) =>
    html.replace('<div class="entry-content">', '<div class="post-body">').replace(/<article[^>]*>/, '<div class="single">').replace('</article>', '</div>'),
};

describe('the same code on other markup', () => {
  for (const [variant, rewrite] of Object.entries(VARIANTS)) {
    for (const file of [FLEN, STORUMAN, SKOVDE, NACKA]) {
      test(`${variant}: ${file}`, () => {
        const html = rewrite(fixtureHtml(file));
        expect(html).not.toBe(fixtureHtml(file));
        expectPost(readPost(parseHtml(html)), EXPECTED[file]);
      });
    }
  }
});

describe('kind of a heading', () => {
  test.each([
    ['Plan för handling', 'plan'],
    ['Till plan för handling kommer Storuman att ha med:', 'plan'],
    ['Planen för handling', 'plan'],
    ['Medskick', 'national'],
    ['Medskick till regeringen', 'national'],
    ['Input till nationell nivå', 'national'],
    ['Lyfter till nationell nivå', 'national'],
    ['Synpunkter till nationell nivå:', 'national'],
    ['Frågor till nationell nivå', 'national'],
    ['Stöd från IVO', 'theme'],
    ['Integration', 'theme'],
    ['Nationella riktlinjer för BBIC', 'theme'],
  ])('%s → %s', (heading, kind) => {
    expect(kindOfHeading(heading)).toBe(kind);
  });
});
