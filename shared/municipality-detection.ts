// Detects which municipality a post is about from its title, headings and body: ranked candidates with their evidence.
import { MUNICIPALITIES, municipalityByName, nameForms, type Municipality } from './municipalities';

/** The parts of a post that detection reads — never navigation, sidebar, tag cloud or comments. */
export interface PostText {
  title: string;
  headings: string[];
  paragraphs: string[];
}

export type Where = 'title' | 'heading' | 'body';

export interface Evidence {
  where: Where;
  /** The form found, e.g. "Nackas". */
  form: string;
  /** A few words around it. */
  context: string;
}

export interface Candidate {
  municipality: Municipality;
  score: number;
  evidence: Evidence[];
}

const WEIGHT: Record<Where, number> = { title: 10, heading: 4, body: 1 };

/**
 * Short names that are also ordinary Swedish words, first names or surnames ("vara", "mark", "Lund").
 * They count only where the context makes them places: "i Vara", "från Mora", "Bergs kommun", "Lund stad".
 */
const ORDINARY_WORDS = new Set([
  'Ale', 'Berg', 'Boden', 'Eda', 'Habo', 'Härjedalen', 'Kil', 'Kinda', 'Klippan', 'Lund', 'Mark', 'Mora', 'Nora',
  'Orsa', 'Sala', 'Salem', 'Skara', 'Säter', 'Vara', 'Ydre', 'Åre', 'Älvdalen',
]);

/** Words before a name that make it a place. */
const PLACE_BEFORE = /(?:^|[\s(])(?:i|från|till|på|mot|besök i|kommunbesök i|besöket i|besöker)\s+$/iu;
/** Words after a name that make it a place. */
const PLACE_AFTER = /^\s+(?:kommun|stad)\b/iu;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ALL_FORMS = [...new Set(MUNICIPALITIES.flatMap(nameForms))].sort((a, b) => b.length - a.length);
const NAME_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ALL_FORMS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');

interface Mention {
  municipality: Municipality;
  form: string;
  context: string;
}

function isPlaceContext(text: string, index: number, form: string, wholeTitle: boolean): boolean {
  if (wholeTitle) return true;
  if (form.includes(' ')) return true; // "Bergs kommun", "Lund stad"
  return PLACE_BEFORE.test(text.slice(Math.max(0, index - 30), index)) || PLACE_AFTER.test(text.slice(index + form.length));
}

/** Every mention of a municipality in one piece of text. */
export function findMentions(text: string, where: Where): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(NAME_PATTERN)) {
    const form = match[0];
    const municipality = municipalityByName(form)!;
    const index = match.index ?? 0;
    const wholeTitle = where !== 'body' && text.trim() === form;
    if (ORDINARY_WORDS.has(municipality.shortName) && !isPlaceContext(text, index, form, wholeTitle)) continue;
    const context = text.slice(Math.max(0, index - 30), index + form.length + 30).replace(/\s+/g, ' ').trim();
    mentions.push({ municipality, form, context });
  }
  return mentions;
}

/** Ranks the municipalities a post mentions: the title weighs most, then headings, then each mention in the body. */
export function detectMunicipalities(post: PostText): Candidate[] {
  const byCode = new Map<string, Candidate & { first: number }>();
  let order = 0;
  const add = (text: string, where: Where) => {
    for (const mention of findMentions(text, where)) {
      const code = mention.municipality.code;
      const candidate = byCode.get(code) ?? { municipality: mention.municipality, score: 0, evidence: [], first: order };
      candidate.score += WEIGHT[where];
      candidate.evidence.push({ where, form: mention.form, context: mention.context });
      byCode.set(code, candidate);
      order += 1;
    }
  };
  add(post.title, 'title');
  for (const heading of post.headings) add(heading, 'heading');
  for (const paragraph of post.paragraphs) add(paragraph, 'body');
  return [...byCode.values()]
    .sort((a, b) => b.score - a.score || a.first - b.first)
    .map(({ first: _first, ...candidate }) => candidate);
}
