// The three kinds of passage (a plain list, so code that only needs the names carries no validator).
export const KINDS = ['theme', 'plan', 'national'] as const;
export type Kind = (typeof KINDS)[number];
