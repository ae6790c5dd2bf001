// Tab names, column headers and labels of the sheet, in Swedish or (where the spreadsheet is not Swedish) English.

export interface SheetWords {
  tabs: { passages: string; posts: string; matrix: string; plan: string; national: string; codebook: string; deleted: string };
  passageHeaders: string[];
  postHeaders: string[];
  planHeaders: string[];
  nationalHeaders: string[];
  codebookHeaders: string[];
  matrix: { municipality: string; county: string; total: string; columnTotal: string; noPassages: string; more: string };
  statuses: string[];
  drill: { noSelection: string; everything: string; rows: string };
  profile: { tab: string; headers: string[]; noTheme: string };
  menu: {
    rebuild: string; byMunicipality: string; byTheme: string; showAll: string; settings: string;
    drillDown: string; profile: string; export: string;
  };
}

const SV: SheetWords = {
  tabs: {
    passages: 'Passager', posts: 'Inlägg', matrix: 'Matris', plan: 'Plan för handling', national: 'Nationell nivå',
    codebook: 'Kodbok', deleted: 'Borttagna passager',
  },
  passageHeaders: [
    'Kommunkod', 'Kommun', 'Län', 'Typ', 'Teman', 'Citat', 'Anteckning', 'Länk', 'Inläggets titel', 'Författare',
    'Skapad', 'Ändrad', 'Version', 'Borttagen', 'Före', 'Efter', 'Start', 'Slut', 'id', 'Tema-id',
  ],
  postHeaders: [
    'Titel', 'Länk', 'Kommun', 'Datum', 'Kodat av', 'Passager: tema', 'Passager: plan', 'Passager: nationell',
    'Täckning', 'Tecken', 'Text',
  ],
  planHeaders: ['Kommun', 'Län', 'Plan för handling', 'Teman', 'Status', 'Uppföljning', 'Länk', 'id'],
  nationalHeaders: ['Kommun', 'Län', 'Till nationell nivå', 'Mottagare', 'Teman', 'Länk', 'id'],
  codebookHeaders: ['id', 'Etikett (svenska)', 'Etikett (engelska)', 'Färg', 'Sökord'],
  matrix: { municipality: 'Kommun', county: 'Län', total: 'Totalt', columnTotal: 'Totalt', noPassages: 'Inga passager ännu.', more: '… och {n} till' },
  statuses: ['Ej påbörjad', 'Pågår', 'Klar'],
  profile: {
    tab: 'Kommunprofil {name}',
    headers: ['Typ', 'Tema', 'Citat', 'Anteckning', 'Författare', 'Status', 'Uppföljning', 'Länk', 'id'],
    noTheme: '(utan tema)',
  },
  drill: { noSelection: 'Markera en cell i Matris eller en rad i en flik.', everything: 'alla', rows: 'Markerade rader i {tab}' },
  menu: {
    rebuild: 'Bygg om matrisen',
    byMunicipality: 'Filtrera på kommun…',
    byTheme: 'Filtrera på tema…',
    showAll: 'Visa allt',
    settings: 'Inställningar',
    drillDown: 'Visa passager för markerad cell',
    profile: 'Kommunprofil…',
    export: 'Exportera…',
  },
};

const EN: SheetWords = {
  tabs: {
    passages: 'Passages', posts: 'Posts', matrix: 'Matrix', plan: 'Plan for action', national: 'National level',
    codebook: 'Codebook', deleted: 'Deleted passages',
  },
  passageHeaders: [
    'Municipality code', 'Municipality', 'County', 'Kind', 'Themes', 'Quote', 'Note', 'Link', 'Post title', 'Author',
    'Created', 'Updated', 'Revision', 'Deleted', 'Before', 'After', 'Start', 'End', 'id', 'Theme ids',
  ],
  postHeaders: [
    'Title', 'Link', 'Municipality', 'Date', 'Coded by', 'Passages: theme', 'Passages: plan', 'Passages: national',
    'Coverage', 'Characters', 'Text',
  ],
  planHeaders: ['Municipality', 'County', 'Plan item', 'Themes', 'Status', 'Follow-up', 'Link', 'id'],
  nationalHeaders: ['Municipality', 'County', 'To the national level', 'Addressed to', 'Themes', 'Link', 'id'],
  codebookHeaders: ['id', 'Label (Swedish)', 'Label (English)', 'Colour', 'Keywords'],
  matrix: { municipality: 'Municipality', county: 'County', total: 'Total', columnTotal: 'Total', noPassages: 'No passages yet.', more: '… and {n} more' },
  statuses: ['Not started', 'In progress', 'Done'],
  profile: {
    tab: 'Profile {name}',
    headers: ['Kind', 'Theme', 'Quote', 'Note', 'Author', 'Status', 'Follow-up', 'Link', 'id'],
    noTheme: '(no theme)',
  },
  drill: { noSelection: 'Select a cell in Matrix or a row in a tab.', everything: 'all', rows: 'Selected rows in {tab}' },
  menu: {
    rebuild: 'Rebuild the matrix',
    byMunicipality: 'Filter by municipality…',
    byTheme: 'Filter by theme…',
    showAll: 'Show everything',
    settings: 'Settings',
    drillDown: 'Show passages for the selected cell',
    profile: 'Municipality profile…',
    export: 'Export…',
  },
};

/** The words for a spreadsheet locale such as "sv_SE" or "en_GB": Swedish for Swedish, English otherwise. */
export const isSwedish = (locale: string) => /^sv/i.test(locale);

export function wordsFor(locale: string): SheetWords {
  return isSwedish(locale) ? SV : EN;
}
