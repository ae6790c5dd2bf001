// Tab names, column headers and labels of the sheet, in Swedish or (where the spreadsheet is not Swedish) English.

export interface SheetWords {
  tabs: { passages: string; matrix: string; plan: string; national: string; codebook: string };
  passageHeaders: string[];
  planHeaders: string[];
  nationalHeaders: string[];
  codebookHeaders: string[];
  matrix: { municipality: string; county: string; total: string; columnTotal: string; noPassages: string; more: string };
  statuses: string[];
  menu: { rebuild: string; byMunicipality: string; byTheme: string; showAll: string; settings: string };
}

const SV: SheetWords = {
  tabs: { passages: 'Passager', matrix: 'Matris', plan: 'Plan för handling', national: 'Nationell nivå', codebook: 'Kodbok' },
  passageHeaders: [
    'Kommunkod', 'Kommun', 'Län', 'Typ', 'Teman', 'Citat', 'Anteckning', 'Länk', 'Inläggets titel', 'Författare',
    'Skapad', 'Ändrad', 'Version', 'Borttagen', 'Före', 'Efter', 'Start', 'Slut', 'id',
  ],
  planHeaders: ['Kommun', 'Län', 'Plan för handling', 'Teman', 'Status', 'Uppföljning', 'Länk', 'id'],
  nationalHeaders: ['Kommun', 'Län', 'Till nationell nivå', 'Mottagare', 'Teman', 'Länk', 'id'],
  codebookHeaders: ['id', 'Etikett (svenska)', 'Etikett (engelska)', 'Färg', 'Sökord'],
  matrix: { municipality: 'Kommun', county: 'Län', total: 'Totalt', columnTotal: 'Totalt', noPassages: 'Inga passager ännu.', more: '… och {n} till' },
  statuses: ['Ej påbörjad', 'Pågår', 'Klar'],
  menu: {
    rebuild: 'Bygg om matrisen',
    byMunicipality: 'Filtrera på kommun…',
    byTheme: 'Filtrera på tema…',
    showAll: 'Visa allt',
    settings: 'Inställningar',
  },
};

const EN: SheetWords = {
  tabs: { passages: 'Passages', matrix: 'Matrix', plan: 'Plan for action', national: 'National level', codebook: 'Codebook' },
  passageHeaders: [
    'Municipality code', 'Municipality', 'County', 'Kind', 'Themes', 'Quote', 'Note', 'Link', 'Post title', 'Author',
    'Created', 'Updated', 'Revision', 'Deleted', 'Before', 'After', 'Start', 'End', 'id',
  ],
  planHeaders: ['Municipality', 'County', 'Plan item', 'Themes', 'Status', 'Follow-up', 'Link', 'id'],
  nationalHeaders: ['Municipality', 'County', 'To the national level', 'Addressed to', 'Themes', 'Link', 'id'],
  codebookHeaders: ['id', 'Label (Swedish)', 'Label (English)', 'Colour', 'Keywords'],
  matrix: { municipality: 'Municipality', county: 'County', total: 'Total', columnTotal: 'Total', noPassages: 'No passages yet.', more: '… and {n} more' },
  statuses: ['Not started', 'In progress', 'Done'],
  menu: {
    rebuild: 'Rebuild the matrix',
    byMunicipality: 'Filter by municipality…',
    byTheme: 'Filter by theme…',
    showAll: 'Show everything',
    settings: 'Settings',
  },
};

/** The words for a spreadsheet locale such as "sv_SE" or "en_GB": Swedish for Swedish, English otherwise. */
export const isSwedish = (locale: string) => /^sv/i.test(locale);

export function wordsFor(locale: string): SheetWords {
  return isSwedish(locale) ? SV : EN;
}
