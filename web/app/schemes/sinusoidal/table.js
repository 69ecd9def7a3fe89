// The sinusoidal scheme's parameter table as the explorer needs it before any engine loads (its
// settings' defaults and the choices its selects offer): the engine's table, kSinusoidalParameters in
// cpp/include/pe/spec.hpp, read through pe.schemes.sinusoidal. Here, under node (the bundler and the
// tests), from the node build of the engine; build-scripts/bundle.mjs writes the values it has into
// the element, the page and dist/app/schemes/sinusoidal/table.js (as it writes schemes/names.js), so that a
// browser has them without an engine and no default or choice is written down twice.
const fs = await import('node:fs');
const { env } = await import('node:process');
const wasmDir = env.PE_WASM_DIR || new URL('../../../../build/wasm', import.meta.url).pathname;
const { default: createPE } = await import(`${wasmDir}/node/pe.cjs`);
const pe = await createPE({ wasmBinary: fs.readFileSync(`${wasmDir}/node/pe.wasm`) });
const parameters = pe.schemes.sinusoidal.parameters;

/** Each engine option's default (dModel has none: it is required). */
export const SINUSOIDAL_DEFAULTS = Object.fromEntries(
  parameters.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]),
);
/** Each choice option's choices, in the table's order. */
export const SINUSOIDAL_CHOICES = Object.fromEntries(
  parameters.filter((p) => p.type === 'choice').map((p) => [p.name, [...p.choices]]),
);
