// The local room's own words (page chrome, token prompt, refusals), in Swedish or English after the sheet's locale.
import { isSwedish } from '../../sheet-locale';

const SV = {
  title: 'Annotera – lokalt kalkylark',
  tabs: 'Flikar',
  download: 'Ladda ner annotera.xlsx',
  close: 'Stäng',
  tokenTitle: 'Ange teamets token',
  tokenHelp: 'Det lokala kalkylarket visas bara för den som har teamets token (den skrivs ut när `npm run sheet` startar).',
  tokenLabel: 'Token',
  tokenOpen: 'Öppna',
  tokenWrong: 'Fel token.',
  unauthorized: 'Ange teamets token först: öppna /?token=… eller sidan /.',
  forbiddenOrigin: 'Begäran kom från en annan webbplats och avvisades.',
  notFound: 'Finns inte.',
  invalidRequest: 'Ogiltig begäran.',
  notEditable: 'Den här cellen ändras inte för hand i Annotera (bara Status och Uppföljning i planen och Kodbok).',
  editConflict: 'Cellen har ändrats sedan du såg den. Titta igen och försök på nytt.',
  formula: 'Formler stöds inte i det lokala kalkylarket. Börja med en apostrof (\') för att skriva texten som den är.',
  unknownFunction: 'Tillägget har ingen sådan funktion.',
  scriptError: 'Skriptfel: ',
};

const EN: typeof SV = {
  title: 'Annotera – local spreadsheet',
  tabs: 'Tabs',
  download: 'Download annotera.xlsx',
  close: 'Close',
  tokenTitle: 'Enter the team token',
  tokenHelp: 'The local spreadsheet is shown only to whoever has the team token (printed when `npm run sheet` starts).',
  tokenLabel: 'Token',
  tokenOpen: 'Open',
  tokenWrong: 'Wrong token.',
  unauthorized: 'Enter the team token first: open /?token=… or the page /.',
  forbiddenOrigin: 'The request came from another site and was refused.',
  notFound: 'Not found.',
  invalidRequest: 'Invalid request.',
  notEditable: 'This cell is not edited by hand in Annotera (only Status and Follow-up in the plan, and the Codebook).',
  editConflict: 'The cell has changed since you saw it. Look again and retry.',
  formula: 'Formulas are not supported in the local spreadsheet. Start with an apostrophe (\') to enter the text as it is.',
  unknownFunction: 'The add-on has no such function.',
  scriptError: 'Script error: ',
};

export type RoomWords = typeof SV;

export const roomWords = (locale: string): RoomWords => (isSwedish(locale) ? SV : EN);
