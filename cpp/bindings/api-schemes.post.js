// The helpers the scheme folders' api.post.js files use (peSchemeOptions, peSchemeNames,
// peOptionsOnly, peNumberList) and pe.schemes: the parameters come from the engine's table. Linked
// with --post-js after api.post.js (whose helpers it uses) and before the folders' files into every
// engine but the embed's sinusoidal one.
/* global peBinding, peJsNames, peDeepFreeze, peCheckKeys, peCheckObject, peDescribe, peFail, peNumber, peNumbers, peString */

// --- schemes beyond the sinusoidal one: their parameters come from the engine's table ----------------

let peSchemeTable = null;
function peSchemeInfo(scheme) {
  if (!peSchemeTable) peSchemeTable = peDeepFreeze(peBinding('_schemes')());
  return peSchemeTable[scheme];
}

/* exported peSchemeNames, peSchemeOptions */
// peUnwrap's renames for a scheme's parameters, from its table: an error names grid_height as the
// caller wrote it, gridHeight. The shared names (d_model: peJsNames) keep the spelling of the docs.
function peSchemeNames(scheme) {
  const names = {};
  for (const p of peSchemeInfo(scheme).parameters) {
    if (p.core !== p.name && !peJsNames[p.core]) names[p.core] = p.name;
  }
  return names;
}

// Checks `options` against the scheme's parameters (and `extra`: {name: default} of a function's own
// options), fills defaults, and returns the flat object the bindings read. `skip` names parameters
// the function handles itself.
function peSchemeOptions(scheme, options, example, extra, skip) {
  peCheckObject(options, 'options', example);
  const params = peSchemeInfo(scheme).parameters.filter((p) => !(skip && skip.includes(p.name)));
  const known = Object.assign({}, extra);
  for (const p of params) known[p.name] = p.default;
  if (skip) for (const name of skip) known[name] = undefined;
  peCheckKeys(options, known, 'option');
  const out = {};
  for (const p of params) {
    let value = options[p.name];
    if (value === undefined) {
      if (p.required) peFail('required', p.name, {});
      value = p.default;
    }
    if (p.type === 'choice' || p.type === 'text') peString(value, p.name);
    else if (p.type === 'list') value = peNumbers(value, p.name, 64);
    else if (p.type === 'boolean') {
      if (typeof value !== 'boolean') peFail('not_boolean', p.name, { got: peDescribe(value) });
    } else peNumber(value, p.name);
    out[p.name] = value;
  }
  for (const name of Object.keys(extra || {})) {
    out[name] = options[name] === undefined ? extra[name] : options[name];
  }
  return out;
}

/* exported peNumberList, peOptionsOnly */
// The options of a function that takes only some of its scheme's parameters (the others are
// pe-export's, or another function's): `given` is refused if it sets one of `others`; `checked` is
// what peSchemeOptions(given, ..., skip = others) returned (its keys are the ones allowed).
function peOptionsOnly(given, checked, others) {
  for (const key of others) {
    if (given[key] !== undefined) {
      peFail('unknown_key', key, { what: 'option', got: key, allowed: Object.keys(checked).join(', ') });
    }
  }
}

// A scheme folder's list argument: an array or a typed array of numbers (not BigInt64Array /
// BigUint64Array: BigInts are not numbers), at most `most` of them, every index of an array checked;
// `expected` describes it in the message. The core checks each value's range.
function peNumberList(values, name, expected, most) {
  const typed = ArrayBuffer.isView(values) && !(values instanceof DataView);
  const bigints =
    typed &&
    ((typeof BigInt64Array !== 'undefined' && values instanceof BigInt64Array) ||
      (typeof BigUint64Array !== 'undefined' && values instanceof BigUint64Array));
  if (bigints || (!typed && !Array.isArray(values))) {
    peFail('not_array', name, { expected: expected, got: peDescribe(values) });
  }
  if (values.length > most) peFail('count_cap', name, { max: most, got: values.length }, 'size_limit');
  if (!typed) {
    for (let i = 0; i < values.length; i++) {
      if (typeof values[i] !== 'number') {
        peFail('not_in_array', name, { index: i, expected: 'a number', got: peDescribe(values[i]) });
      }
    }
  }
  return values;
}

Object.defineProperty(Module, 'schemes', {
  get: () => (peSchemeInfo('sinusoidal'), peSchemeTable),
  enumerable: true,
});
