// Draws passages with the CSS Custom Highlight API (a colour per kind); the page's DOM is left untouched.
import type { Kind } from '../../shared/passage';

const PREFIX = 'annotera';
const KIND_COLORS: Record<Kind, string> = {
  theme: 'rgba(246, 211, 101, 0.55)',
  plan: 'rgba(143, 211, 168, 0.6)',
  national: 'rgba(156, 195, 245, 0.6)',
};

export interface Drawn {
  id: string;
  kind: Kind;
  range: Range;
}

let installed = false;

function install(doc: Document) {
  if (installed) return;
  const sheet = new CSSStyleSheet();
  const rules = Object.entries(KIND_COLORS).map(([kind, color]) => `::highlight(${PREFIX}-${kind}) { background-color: ${color}; }`);
  rules.push(`::highlight(${PREFIX}-focus) { background-color: rgba(255, 140, 0, 0.45); text-decoration: underline; }`);
  rules.push(`::highlight(${PREFIX}-flash) { background-color: rgba(255, 120, 0, 0.7); }`);
  sheet.replaceSync(rules.join('\n'));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  installed = true;
}

export const highlightsSupported = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** Replaces every Annotera highlight with these; `focus` marks the one being edited. */
export function draw(doc: Document, drawn: readonly Drawn[], focus?: string): void {
  if (!highlightsSupported()) return;
  install(doc);
  for (const kind of Object.keys(KIND_COLORS) as Kind[]) {
    const highlight = new Highlight(...drawn.filter((d) => d.kind === kind).map((d) => d.range));
    highlight.priority = kind === 'theme' ? 1 : 2;
    CSS.highlights.set(`${PREFIX}-${kind}`, highlight);
  }
  const focused = drawn.find((d) => d.id === focus);
  const focusHighlight = new Highlight(...(focused ? [focused.range] : []));
  focusHighlight.priority = 3;
  CSS.highlights.set(`${PREFIX}-focus`, focusHighlight);
}

/** The drawn passages under a point, the shortest first (so overlapping highlights can each be reached). */
export function passagesAt(doc: Document, drawn: readonly Drawn[], x: number, y: number): Drawn[] {
  const caret = doc.caretPositionFromPoint?.(x, y);
  if (!caret) return [];
  const point = { node: caret.offsetNode, offset: caret.offset };
  return drawn
    .filter((d) => d.range.isPointInRange(point.node, point.offset) && d.range.getClientRects().length > 0 && hit(d.range, x, y))
    .sort((a, b) => a.range.toString().length - b.range.toString().length);
}

function hit(range: Range, x: number, y: number): boolean {
  return Array.from(range.getClientRects()).some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

const FLASH_MS = 1600;
let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Makes a range flash for a moment (a passage scrolled to from the side panel or a deep link). */
export function flash(range: Range): void {
  if (!highlightsSupported()) return;
  install(range.startContainer.ownerDocument!);
  const highlight = new Highlight(range);
  highlight.priority = 4;
  CSS.highlights.set(`${PREFIX}-flash`, highlight);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => CSS.highlights.delete(`${PREFIX}-flash`), FLASH_MS);
}
