// Builds valid passages (and batches of them) for tests; each test overrides what it is about.
import { randomUUID } from 'node:crypto';
import type { Passage } from '../../shared/passage';

export function makePassage(overrides: Partial<Passage> = {}): Passage {
  const now = '2026-11-24T10:00:00.000Z';
  return {
    id: randomUUID(),
    url: 'http://www.socialbarnungdom.se/kommunbesok/nacka-kommun/',
    pageTitle: 'Nacka kommun',
    kind: 'theme',
    themes: ['digitalisering'],
    municipality: '0182',
    quote: 'Socialsekreterarna har bärbara krypterade datorer.',
    prefix: 'ringar som vi inte har sett i någon annan kommun förut. ',
    suffix: ' Det ger möjlighet att ta med sig',
    start: 100,
    end: 150,
    note: '',
    author: 'Testaren',
    createdAt: now,
    updatedAt: now,
    rev: 1,
    deleted: false,
    ...overrides,
  };
}
