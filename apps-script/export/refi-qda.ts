// A REFI-QDA project (project.qde and its Sources/ texts) from the sheet: posts as text sources, kinds and themes as codes,
// municipalities as cases, passages as coded selections, notes as notes, authors as users. Pure.
import { labelFor, type Codebook } from '../../shared/codebook';
import { municipalityByCode } from '../../shared/municipalities';
import type { Passage } from '../../shared/passage';
import type { ExportSource } from './export-sources';
import { stableGuid } from './stable-guid';
import { element, textElement } from './xml-text';

export interface RefiQdaInput {
  sources: readonly ExportSource[];
  codebook: Codebook;
  language: string;
  /** ISO time of the export. */
  now: string;
  origin: string;
}

export interface RefiQdaProject {
  /** project.qde */
  xml: string;
  /** Sources/<guid>.txt → text */
  files: Record<string, string>;
}

const NAMESPACE = 'urn:QDA-XML:project:1.0';
const SELECTION_NAME_LENGTH = 80;

const SURROGATE = /[\uD800-\uDFFF]/;

/** REFI-QDA positions count characters (code points); JavaScript offsets count UTF-16 units. */
function codePointOffset(text: string, offset: number): number {
  if (!SURROGATE.test(text.slice(0, offset))) return offset;
  let count = 0;
  for (let i = 0; i < offset && i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < offset) i += 1;
    count += 1;
  }
  return count;
}

const guidOf = {
  user: (name: string) => stableGuid(`user:${name}`),
  kind: (id: string) => stableGuid(`kind:${id}`),
  theme: (id: string) => stableGuid(`theme:${id}`),
  case: (code: string) => stableGuid(`case:${code}`),
  source: (key: string) => stableGuid(`source:${key}`),
  note: (id: string) => stableGuid(`note:${id}`),
  coding: (passage: string, code: string) => stableGuid(`coding:${passage}:${code}`),
  group: (name: string) => stableGuid(`group:${name}`),
};

const shortName = (quote: string) => (quote.length > SELECTION_NAME_LENGTH ? `${quote.slice(0, SELECTION_NAME_LENGTH)}…` : quote);
const userOf = (p: Passage) => (p.author ? guidOf.user(p.author) : undefined);

function codeBook(input: RefiQdaInput, passages: readonly Passage[]): string {
  const swedish = /^sv/i.test(input.language);
  const kinds = input.codebook.kinds.map((k) => element('Code', { guid: guidOf.kind(k.id), name: labelFor(k.label, input.language), isCodable: true, color: k.color }));
  const known = new Set(input.codebook.themes.map((t) => t.id));
  const extra = [...new Set(passages.flatMap((p) => p.themes))].filter((id) => !known.has(id));
  const themes = [
    ...input.codebook.themes.map((t) => element('Code', { guid: guidOf.theme(t.id), name: labelFor(t.label, input.language), isCodable: true, color: t.color })),
    ...extra.map((id) => element('Code', { guid: guidOf.theme(id), name: id, isCodable: true })),
  ];
  const group = (name: string, children: string[]) => element('Code', { guid: guidOf.group(name), name, isCodable: false }, children);
  return element('CodeBook', {}, [element('Codes', {}, [group(swedish ? 'Typ' : 'Kind', kinds), ...(themes.length ? [group(swedish ? 'Teman' : 'Themes', themes)] : [])])]);
}

function selection(source: ExportSource, s: ExportSource['selections'][number]): string {
  const p = s.passage;
  const user = userOf(p);
  const coding = (code: string) =>
    element('Coding', { guid: guidOf.coding(p.id, code), creatingUser: user, creationDateTime: p.createdAt }, [element('CodeRef', { targetGUID: code })]);
  return element('PlainTextSelection', {
    guid: p.id,
    name: shortName(p.quote),
    startPosition: codePointOffset(source.text, s.start),
    endPosition: codePointOffset(source.text, s.end),
    creatingUser: user,
    creationDateTime: p.createdAt,
    modifiedDateTime: p.updatedAt,
  }, [
    coding(guidOf.kind(p.kind)),
    ...p.themes.map((id) => coding(guidOf.theme(id))),
    ...(p.note ? [element('NoteRef', { targetGUID: guidOf.note(p.id) })] : []),
  ]);
}

export function refiQdaProject(input: RefiQdaInput): RefiQdaProject {
  const selections = input.sources.flatMap((source) => source.selections.map((s) => s.passage));
  const authors = [...new Set(selections.map((p) => p.author).filter(Boolean))].sort();
  const byCase = new Map<string, string[]>();
  for (const p of selections) {
    if (!p.municipality) continue;
    const ids = byCase.get(p.municipality);
    if (ids) ids.push(p.id);
    else byCase.set(p.municipality, [p.id]);
  }
  const files: Record<string, string> = {};
  const sources = input.sources.map((source) => {
    const guid = guidOf.source(source.key);
    files[`Sources/${guid}.txt`] = source.text;
    return element('TextSource', { guid, name: source.name, plainTextPath: `internal://${guid}.txt` }, [
      textElement('Description', source.url),
      ...source.selections.map((s) => selection(source, s)),
    ]);
  });
  const notes = selections.filter((p) => p.note).map((p) =>
    element('Note', { guid: guidOf.note(p.id), name: shortName(p.quote), creatingUser: userOf(p), creationDateTime: p.createdAt }, [textElement('PlainTextContent', p.note)]));
  const children = [
    ...(authors.length ? [element('Users', {}, authors.map((name) => element('User', { guid: guidOf.user(name), name })))] : []),
    codeBook(input, selections),
    ...(byCase.size ? [element('Cases', {}, [...byCase].map(([code, ids]) =>
      element('Case', { guid: guidOf.case(code), name: municipalityByCode(code)?.shortName ?? code }, ids.map((id) => element('SelectionRef', { targetGUID: id })))))] : []),
    ...(sources.length ? [element('Sources', {}, sources)] : []),
    ...(notes.length ? [element('Notes', {}, notes)] : []),
  ];
  const project = element('Project', { xmlns: NAMESPACE, name: 'Annotera', origin: input.origin, creationDateTime: input.now }, children);
  return { xml: `<?xml version="1.0" encoding="utf-8"?>\n${project}\n`, files };
}
