// What the room does with the runtime: the add-on's menu, running its functions (menu items, google.script.run), the selection.
import type { LocalRuntime } from '../runtime';
import type { MenuEntry, MenuModel } from '../spreadsheet-service';

export interface ShownRef {
  id: number;
  kind: string;
  title: string;
}

export interface Ran {
  value: unknown;
  /** Sidebars and dialogs the function showed, by their index in runtime.shown. */
  shown: ShownRef[];
  /** The sheet the function activated (Sheets then shows it), or null when it left the active sheet as it was. */
  activated: string | null;
}

/** The add-on's menu as onOpen registered it: its add-on menu, else the menu called Annotera, else the first one. */
export function addonMenu(runtime: LocalRuntime): MenuModel | null {
  const menus = [...runtime.spreadsheetApp.ui.menus.values()];
  return menus.find((m) => m.addon) ?? menus.find((m) => m.title === 'Annotera') ?? menus[0] ?? null;
}

const functionsOf = (items: MenuEntry[]): string[] =>
  items.flatMap((item) => ('functionName' in item ? [item.functionName] : 'items' in item ? functionsOf(item.items) : []));

export const menuFunctions = (menu: MenuModel | null): Set<string> => new Set(menu ? functionsOf(menu.items) : []);

/** What google.script.run may call: the bundle's top-level functions, without private ones (ending in _), as Apps Script allows. */
export const callable = (runtime: LocalRuntime): string[] => [...runtime.functions].filter((name) => !name.endsWith('_')).sort();

/** A value as google.script.run hands it to the page: through JSON (functions and undefined become null). */
const asPassed = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null'));

/** Runs one of the add-on's callable functions as an execution of its own, and lists what it showed; null for any other name. */
export async function runAddonFunction(runtime: LocalRuntime, name: string, args: unknown[]): Promise<Ran | null> {
  if (!callable(runtime).includes(name)) return null;
  const before = runtime.shown.length;
  const active = runtime.book.selection?.sheet;
  const { result } = await runtime.execute(name, args);
  const after = runtime.book.selection?.sheet;
  const shown = runtime.shown.slice(before).map((s, i) => ({ id: before + i, kind: s.kind, title: s.title }));
  return { value: asPassed(result), shown, activated: after !== active ? after ?? null : null };
}

/** The message of anything the add-on threw (its errors come from another realm, so not `instanceof Error`). */
export function thrownMessage(error: unknown): string {
  const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : error;
  return String(message);
}

export interface SelectionRequest {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Selects a range as a click in the grid does (the runtime's active range); false when it is not on the sheet. */
export function selectRange(runtime: LocalRuntime, s: SelectionRequest): boolean {
  const sheet = runtime.spreadsheetApp.getActiveSpreadsheet().getSheetByName(s.sheet);
  if (!sheet) return false;
  try {
    sheet.getRange(s.row, s.column, s.rows, s.columns).activate();
    return true;
  } catch {
    return false;
  }
}
