// Messages are data: { kind, args } (plus `using` when a default replaced a bad value, and `where`
// when the message is about one attribute). They are turned into text only where they are shown,
// in the reader's language (i18n/index.js: t.error). Kinds are the engine's (its one table,
// cpp/include/pe/messages.hpp, which PEErrors carry) or the page's own (`msg.*` in i18n/messages-*.js).

/** A message of `kind` with its named values. */
export function message(kind, args = {}, extra = {}) {
  return { kind, args, ...extra };
}

/** Any thrown thing as a message: a PEError keeps its kind and args; anything else is 'unexpected'. */
export function fromError(error) {
  if (error && typeof error === 'object' && typeof error.kind === 'string' && error.kind) {
    return { kind: error.kind, args: error.args || {}, text: String(error.message) };
  }
  return message('unexpected', { reason: String(error && error.message ? error.message : error) });
}
