// The embed's chunks: classic scripts that sit next to pe-explorer.js, each setting one global when it
// runs. A <script src> (not import(), not eval) so that they load from file:// and under a strict CSP
// (script-src 'self'). Each chunk is requested once per page however many figures ask for it.

// The element's own address, read while its script runs (document.currentScript is null later).
const here = (typeof document !== 'undefined' && document.currentScript?.src) || globalThis.location?.href;
const loading = new Map();

/** Loads `file` (relative to pe-explorer.js) once; resolves to the global `name` it defines. */
export function loadChunk(file, name) {
  if (!loading.has(file)) {
    loading.set(
      file,
      new Promise((resolve, reject) => {
        if (globalThis[name]) return resolve(globalThis[name]);
        const script = document.createElement('script');
        script.src = new URL(file, here).href;
        script.async = true;
        script.onload = () =>
          globalThis[name] ? resolve(globalThis[name]) : reject(new Error(`${file} did not define ${name}`));
        script.onerror = () => {
          loading.delete(file); // a later figure may try again (the network may be back)
          script.remove();
          reject(new Error(`could not load ${script.src}`));
        };
        document.head.append(script);
      }),
    );
  }
  return loading.get(file);
}
