// Shared by the scheme views: their base class (SchemeView: controls, settings, a failed draw as a
// message), a one-figure folder's contract (oneFigure: its mount), reading a number input, legends. Their line charts are plot.js's, shared with the sinusoidal
// views; lineChart and decadeLabel are re-exported here for the views that import them from this module.
import { onWidthChange } from '../canvas.js';
import { prefixedParts, readPrefixed } from './address.js';
export { decadeLabel, lineChart } from '../plot.js';

/** A legend line under a chart: coloured keys and labels, as text (readable, translatable). */
export function legend(element, items) {
  element.replaceChildren(
    ...items.map(({ color, label, dash }) => {
      const item = element.ownerDocument.createElement('span');
      item.className = 'key';
      const swatch = element.ownerDocument.createElement('span');
      swatch.className = dash ? 'swatch dashed' : 'swatch';
      swatch.style.borderColor = color;
      item.append(swatch, label);
      return item;
    }),
  );
}

/** Reads a number input against the engine's parameter description; returns { value } or { error }. */
export function readInteger(input, parameter) {
  const text = input.value.trim();
  const value = text === '' ? NaN : Number(text);
  if (!Number.isInteger(value) || value < parameter.min || value > parameter.max) {
    return {
      error: {
        kind: 'integer_range',
        args: { name: parameter.name, min: parameter.min, max: parameter.max, got: text || '""' },
      },
    };
  }
  return { value };
}

/** Runs `steps` ([name, draw] each) one per animation frame from the frame after the next (a callback
 *  asked for during an input event runs before that event's own frame is painted), each timed as the
 *  performance entry pe-render:<view>:<name> (the event's own part is pe-render:<view>,
 *  SchemeView.draw). The view's root says data-state "drawing" until the last step has run, then
 *  "drawn"; view.frame holds the pending frame (cancelAnimationFrame(view.frame) drops the rest: a
 *  newer change), view.destroyed stops it. A step that throws becomes a view_failed message and the
 *  next step still runs. */
export function drawInFrames(view, steps) {
  view.root.dataset.state = steps.length ? 'drawing' : 'drawn';
  if (!steps.length) return;
  const next = () => {
    view.frame = 0;
    if (view.destroyed) return;
    const start = performance.now();
    const [name, draw] = steps.shift();
    try {
      draw();
    } catch (error) {
      view.onError({ kind: 'view_failed', args: { reason: String(error.message) } });
    }
    performance.measure(`pe-render:${view.root.dataset.view}:${name}`, { start });
    if (steps.length) view.frame = requestAnimationFrame(next);
    else view.root.dataset.state = 'drawn';
  };
  view.frame = requestAnimationFrame(() => (view.frame = requestAnimationFrame(next)));
}

/** cache.get(key), or else make()'s value kept there under key, the oldest entry dropped past
 *  `most` (a view's drawings and engine answers for the last few settings). */
export function keepLast(cache, key, most, make) {
  if (cache.has(key)) return cache.get(key);
  const value = make();
  cache.set(key, value);
  if (cache.size > most) cache.delete(cache.keys().next().value);
  return value;
}

// A number as a reader writes it in an attribute or an address.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A setting's attribute and URL key (its property is the camelCase): its own name, or its engine
 *  option in kebab case (headDim: head-dim). */
export const settingName = (s) => s.name || s.option.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** What a control shows when nothing is set: the markup's (its selected option, its value attribute). */
const fallback = (c) =>
  c.options ? ([...c.options].find((o) => o.defaultSelected) || c.options[0]).value : c.defaultValue;

/** What every scheme view shares: its controls redraw it (change and input events), destroy()
 *  removes those listeners, and a failed draw becomes a message instead of an exception.
 *  Its settings (the element's attributes, embed.html's and the page's URL keys, the Embed dialog's
 *  snippets) are declared once, as the static `settings` of the view's class: [{ control (its name
 *  in the markup), option (an engine option of pe.schemes[table]: its type, range and choices), or
 *  name (a setting of the view only: the control's options, min and max are its range; upTo: the
 *  max in words where another setting moves it), check (the engine's verdict on a text) }]. */
export class SchemeView {
  constructor(root, pe, t, onError) {
    this.root = root;
    this.pe = pe;
    this.t = t;
    this.onError = onError;
    this.controls = [...root.querySelectorAll('select, input')];
    this.onChange = (event) => {
      this.draw(event);
      this.changed?.(event); // the page writes its address
    };
    for (const control of this.controls) {
      control.addEventListener('change', this.onChange);
      control.addEventListener('input', this.onChange);
    }
  }

  destroy() {
    for (const control of this.controls) {
      control.removeEventListener('change', this.onChange);
      control.removeEventListener('input', this.onChange);
    }
  }

  control(s) {
    return this.root.querySelector(`[name="${s.control}"]`);
  }

  /** The settings as shown, name -> text; `changed`: only those off their default (a control
   *  marked invalid shows its default). */
  values(changed) {
    const out = {};
    for (const s of this.constructor.settings) {
      const c = this.control(s);
      if (!changed || (c.value !== fallback(c) && !c.hasAttribute('aria-invalid')))
        out[settingName(s)] = c.value;
    }
    return out;
  }

  /** Sets every setting from `given` (name -> text; the others to their defaults) and redraws. A value
   *  the engine's table, the control or the engine (drawing) refuses falls back to the default, and
   *  a message says so (naming the setting after `prefix`: the page's rope.); returns the messages. */
  apply(given, prefix = '') {
    const { settings, table } = this.constructor;
    const parameters = this.pe.schemes[table]?.parameters || [];
    const messages = [];
    let changed = false;
    const reset = (s, c, error) => {
      const name = prefix + settingName(s);
      // As the sinusoidal attributes say it: the engine's message (its own names) after the setting's.
      messages.push({
        kind: error.kind || 'view_failed',
        args: { name, reason: error.message, ...error.args },
        where: error.parameter && name,
        using: { key: name, value: fallback(c) || undefined },
      });
      c.value = fallback(c);
    };
    for (const s of settings) {
      const c = this.control(s);
      const before = c.value;
      let value = String(given[settingName(s)] ?? fallback(c)).trim();
      // Allowed: the engine's choices or range (pe.schemes), else the control's options, or its min
      // and max (a slider); a text (min NaN) is the engine's to check.
      const options = c.options && [...c.options].map((o) => o.value);
      const p = parameters.find((q) => q.name === s.option);
      const {
        choices = options,
        min = +c.min,
        max = +c.max,
        type = 'integer',
      } = p?.type === 'boolean'
        ? { choices: ['true', 'false'] }
        : p?.type === 'text'
          ? { min: NaN } // a text input's min is '' (0): the engine's to check
          : p || {};
      try {
        if (choices?.length) {
          if (!choices.includes(value))
            throw { kind: 'one_of', args: { got: value, allowed: choices.join(', ') } };
        } else if (!isNaN(min)) {
          let x = NUMBER.test(value) ? +value : NaN;
          // A slider's default past the range another setting leaves (a token beyond a short prompt)
          // takes the nearest end: the reader did not ask for it.
          if (given[settingName(s)] === undefined && c.type === 'range') x = Math.min(max, Math.max(min, x));
          if (!(x >= min && x <= max && (type !== 'integer' || x % 1 === 0)))
            throw { kind: type + '_range', args: { got: value, min, max } };
          value = String(x);
        }
        // A value the engine takes that the list does not offer becomes one of its options.
        if (options && !options.includes(value)) c.add(new Option(value));
        if (value !== fallback(c)) s.check?.(this.pe, value); // the engine's verdict (a config)
        c.value = value;
      } catch (error) {
        reset(s, c, error);
      }
      changed ||= c.value !== before;
      this.limits?.(); // controls whose range follows another's value (a query inside the sequence)
    }
    // The engine's own checks (an even head, a multiple of 4, a size cap) while it draws: the setting
    // it names falls back, or every one if that one is at its default already.
    for (let n = 0; changed && n < settings.length; n++) {
      try {
        this.render();
        break;
      } catch (error) {
        const off = settings.filter(
          (s) => s.option === error.parameter && this.control(s).value !== fallback(this.control(s)),
        );
        if (!error.kind) n = settings.length; // not the engine's: said once, no retry
        for (const s of off.length ? off : settings) reset(s, this.control(s), error);
        this.limits?.();
      }
    }
    return messages;
  }

  /** event: the control event that asked for the redraw, if any (a view may redraw only part). */
  draw(event) {
    const start = performance.now();
    try {
      this.render(event);
      // One entry per redraw, as the sinusoidal views make: bench.sh and the notes read them.
      performance.measure(`pe-render:${this.root.dataset.view}`, { start });
    } catch (error) {
      this.onError({ kind: 'view_failed', args: { reason: String(error.message) } });
    }
  }
}

/** A <section class="view"> for figure `name` (`className`), `markup(t)` its HTML. */
export function sectionElement(doc, name, markup, t, className = 'view') {
  const section = doc.createElement('section');
  section.className = className;
  section.id = `view-${name}`;
  section.dataset.view = name;
  section.setAttribute('aria-labelledby', `${name}-title`);
  section.innerHTML = markup(t);
  return section;
}

/** A one-figure folder's index.js: its { name, order, engine?, markup, View } made the contract every
 *  folder exports (schemes/index.js): its one figure (view="<name>"), its View's static settings as
 *  the folder's table (attribute: settingName), and a mount that builds the figure's section. */
export function oneFigure({ markup, View, ...scheme }) {
  return {
    ...scheme,
    figures: { [scheme.name]: { markup, View } },
    settings: View.settings.map((s) => ({ ...s, attribute: settingName(s) })),
    mount: (box, pe, options) => mountFigure(box, pe, scheme.name, markup, View, options),
  };
}

/** Builds a one-figure folder's section (its View, with `engines`, another view's engine, as its fifth
 *  argument) after the sections of `box` if that is a list of views (the page's), else in a list of its
 *  own; applies `given`, or the keys of `address` under its name (rope.theta). Returns the folder's
 *  handle (schemes/index.js); destroy() removes the section. */
function mountFigure(box, pe, name, markup, View, { given, address, onChange, t, onError, engines }) {
  const doc = box.ownerDocument;
  const own = !box.classList.contains('views');
  const list = own ? box.appendChild(doc.createElement('div')) : box;
  if (own) list.className = 'views';
  const section = sectionElement(doc, name, markup, t, 'view scheme');
  // Numbered after the sections already there (the page shows it: styles.css).
  section.querySelector('h2').dataset.n = String(list.querySelectorAll(':scope > section.view').length + 1);
  list.append(section);
  let view = null;
  try {
    view = new View(section, pe, t, onError, engines); // draws it
  } catch (error) {
    onError({ kind: 'view_failed', args: { reason: String(error.message) } });
  }
  const stopResize = onWidthChange(list, () => view?.draw()); // canvases are sized to the width
  const apply = (settings, prefix) => view?.apply(settings, prefix) || [];
  const values = (changed) => view?.values(changed) || {};
  const names = View.settings.map(settingName);
  const follow = (hash) => {
    const read = readPrefixed(hash, name, names);
    return [...read.messages, ...apply(read.given, `${name}.`)];
  };
  if (view && onChange) view.changed = (event) => onChange({ commit: event.type === 'change' });
  return {
    ready: Promise.resolve(),
    views: view ? [view] : [],
    messages: address !== undefined ? follow(address) : given ? apply(given) : [],
    apply,
    values,
    address: () => prefixedParts(name, values(true)),
    follow,
    redraw: () => view?.draw(),
    destroy() {
      stopResize();
      view?.destroy();
      (own ? list : section).remove();
    },
  };
}
