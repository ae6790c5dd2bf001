// Looks for a passage near where it should be: exact and fuzzy candidates starting within 48 characters of each
// expected start, scored (score.ts), the best passing one with its ends fitted to the context.
import { fitToContext } from './boundaries';
import { exactIn, fuzzyIn } from './candidates';
import { best, bothAgree, CLOSE, maxErrors, scoreCandidate, type Expected, type Scored } from './score';
import type { TextSelector } from './selector';

/**
 * The candidates starting within 48 characters of `at`: exact occurrences, and fuzzy matches searched in that stretch
 * alone, so that a copy of the quote near another expected start hides nothing here.
 */
function candidatesAround(text: string, selector: TextSelector, at: number, expected: Expected): Scored[] {
  const { quote } = selector;
  const errors = maxErrors(quote.length);
  const from = Math.max(0, at - CLOSE - errors);
  const to = Math.min(text.length, at + CLOSE + quote.length + errors);
  const matches = [...exactIn(text, quote, from, Math.min(to, at + CLOSE + 1)), ...(errors > 0 ? fuzzyIn(text, quote, errors, from, to) : [])];
  return matches.map((m) => scoreCandidate(text, selector, m.start, m.end, m.errors, expected));
}

/**
 * The fuzzy match with its ends fitted to the context, when that passes and scores higher. Its errors are bounded by the errors
 * before plus the characters each end moved (moving an end by one character changes the edit distance by at most one).
 */
function fitted(text: string, selector: TextSelector, c: Scored, expected: Expected): Scored {
  if (c.quote === 1) return c;
  const errors = Math.round((1 - c.quote) * selector.quote.length);
  const [start, end] = fitToContext(text, selector, c.start, c.end);
  if (start === c.start && end === c.end) return c;
  const moved = scoreCandidate(text, selector, start, end, errors + Math.abs(start - c.start) + Math.abs(end - c.end), expected);
  return best([c, moved]) ?? c;
}

/**
 * The best passing candidate near the likely starts, or — unless one passes there with both neighbours in place — near
 * the other possible starts; null for an orphan.
 */
export function searchNear(text: string, selector: TextSelector, expected: Expected): Scored | null {
  const candidates = expected.likely.flatMap((at) => candidatesAround(text, selector, at, expected));
  const likely = best(candidates);
  if (!(likely && bothAgree(likely))) {
    for (const at of expected.possible) if (!expected.likely.includes(at)) candidates.push(...candidatesAround(text, selector, at, expected));
  }
  const chosen = best(candidates);
  return chosen && fitted(text, selector, chosen, expected);
}
