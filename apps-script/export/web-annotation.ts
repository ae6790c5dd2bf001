// The passages as W3C Web Annotations (JSON-LD): a collection whose items each target the post with a
// TextQuoteSelector and a TextPositionSelector; kind, themes and municipality as classifying/tagging bodies. Pure.
import { labelFor, type Codebook } from '../../shared/codebook';
import { municipalityByCode } from '../../shared/municipalities';
import type { Passage } from '../../shared/passage';

const body = (purpose: string, value: string) => ({ type: 'TextualBody', purpose, value, format: 'text/plain' });

function annotation(p: Passage, codebook: Codebook, language: string) {
  const themeLabel = new Map(codebook.themes.map((t) => [t.id, labelFor(t.label, language)]));
  const kind = codebook.kinds.find((k) => k.id === p.kind);
  const municipality = municipalityByCode(p.municipality);
  return {
    id: `urn:uuid:${p.id}`,
    type: 'Annotation',
    motivation: 'classifying',
    created: p.createdAt,
    modified: p.updatedAt,
    ...(p.author ? { creator: { type: 'Person', name: p.author } } : {}),
    body: [
      body('classifying', kind ? labelFor(kind.label, language) : p.kind),
      ...p.themes.map((id) => body('tagging', themeLabel.get(id) ?? id)),
      ...(municipality ? [body('identifying', municipality.shortName)] : []),
      ...(p.note ? [body('commenting', p.note)] : []),
    ],
    target: {
      source: p.url,
      selector: [
        { type: 'TextQuoteSelector', exact: p.quote, prefix: p.prefix, suffix: p.suffix },
        { type: 'TextPositionSelector', start: p.start, end: p.end },
      ],
    },
  };
}

/** An AnnotationCollection of the live passages, in one page. */
export function webAnnotations(passages: readonly Passage[], codebook: Codebook, language: string, now: string) {
  const items = passages.filter((p) => !p.deleted && p.quote).map((p) => annotation(p, codebook, language));
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    label: 'Annotera',
    generated: now,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
