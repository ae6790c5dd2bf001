// The small DOM-like interface the shared core reads pages through, met by the browser's DOM and by happy-dom alike.

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

export interface NodeLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<NodeLike>;
}

export interface ElementLike extends NodeLike {
  readonly tagName: string;
  readonly children: ArrayLike<ElementLike>;
  readonly parentElement: ElementLike | null;
  getAttribute(name: string): string | null;
  matches(selector: string): boolean;
  closest(selector: string): ElementLike | null;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

export interface DocumentLike {
  readonly title: string;
  querySelector(selector: string): ElementLike | null;
  querySelectorAll(selector: string): ArrayLike<ElementLike>;
}

export const isElement = (node: NodeLike): node is ElementLike => node.nodeType === ELEMENT_NODE;
export const isText = (node: NodeLike): boolean => node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
