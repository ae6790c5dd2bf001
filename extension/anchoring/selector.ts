// What a passage remembers of its place in the post's text: the quote, its context and its offsets.

export interface TextSelector {
  quote: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/** The selector of text[start, end): the quote, up to 32 characters of context each side, and the position. */
export function describeRange(text: string, start: number, end: number): TextSelector {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}
