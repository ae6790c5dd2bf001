// What a cell shows in the room, as Sheets shows it in the sheet's locale: numbers with the locale's decimal mark, dates and times, TRUE/FALSE.
import type { CellModel } from '../workbook-model';
import { isDate } from '../spreadsheet-service';
import { isSwedish } from '../../sheet-locale';

const two = (n: number) => String(n).padStart(2, '0');

/** A date as Sheets shows a typed date or date-time by default: the spreadsheet's time zone is UTC in the runtime. */
function dateText(date: Date, swedish: boolean): string {
  const day = swedish
    ? `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`
    : `${two(date.getUTCDate())}/${two(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
  const midnight = date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0;
  return midnight ? day : `${day} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

export function cellDisplay(cell: CellModel | undefined, locale: string): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const swedish = isSwedish(locale);
  const value = cell.value;
  if (isDate(value)) return dateText(value, swedish);
  if (typeof value === 'number') return swedish ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}
