// What the checked tests see besides the DOM: node's modules untyped (no @types/node here; the point is
// the engine's API), and the engine the fixture pages put on window (tests/web/fixtures/engine-check.js).
declare module 'node:*';
declare const process: any;
declare const Buffer: any;

interface Window {
  pe: import('../../web/pe.js').PE;
  createPE: typeof import('../../web/pe.js').default;
}

// The hooks the reliability and corner tests put on the page (page.evaluate / addInitScript).
interface Window {
  __releaseEngine: () => void;
  __engineWaiting: boolean;
  __observers: any;
  __removed: Element | null;
  clockPositions: any;
  failDrawing: any;
}

// The tests read what a reader sees from document.querySelector's Elements (dataset, value, a canvas's
// pixels) without a cast at every call: in these files an Element has the HTML element's members. The
// engine's API, the point of this check, stays exactly typed.
interface Element {
  dataset: DOMStringMap;
  hidden: boolean;
  lang: string;
  innerText: string;
  style: CSSStyleDeclaration;
  value: string;
  width: number;
  height: number;
  click(): void;
  getContext(contextId: '2d'): CanvasRenderingContext2D;
}
interface HTMLElement {
  // <pe-explorer>'s properties (web/app/element.js)
  [property: string]: any;
}
