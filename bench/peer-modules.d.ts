// Types for the benchmark's peer, which ships none: dom-anchor-text-quote and dom-anchor-text-position.
declare module 'dom-anchor-text-position' {
  export function toRange(root: Node, selector: { start: number; end: number }): Range;
}

declare module 'dom-anchor-text-quote' {
  export function toRange(root: Node, selector: { exact: string; prefix?: string; suffix?: string }, options?: { hint?: number }): Range | null;
}
