// The explorer's markup, built from the string table so that the page and the <pe-explorer> element
// (in its shadow root) share it, in any language. Only trusted strings from ./i18n go into the HTML;
// anything a reader types is set as text by the views, never as HTML.

import { FREQUENCIES, LAYOUTS, MAPS, ODD_RULES } from '../../state.js';

const field = (t, id, name, { labelKey, hintKey, input, errors = true }) => `
  <div class="field">
    <label for="${id}">${t(labelKey)}</label>
    ${input}
    ${hintKey ? `<p class="hint" id="${id}-hint">${t(hintKey)}</p>` : ''}
    ${errors ? `<p class="error" id="${id}-error" aria-live="polite"></p>` : ''}
  </div>`;

export function controlsMarkup(t) {
  const number = (id, name, mode, extra = '') =>
    `<input id="${id}" name="${name}" type="number" inputmode="${mode}" ${extra} aria-describedby="${id}-hint ${id}-error" />`;
  const options = (prefix, values) =>
    values.map((v) => `<option value="${v}">${t(`${prefix}.${v}`)}</option>`).join('');
  return `
  <h2 class="settings-title" id="settings-title">${t('settings.title')}</h2>
  <button type="button" class="settings-toggle" aria-expanded="false" aria-controls="settings-form">${t('settings.show')}</button>
  <form class="controls-form" id="settings-form" novalidate>
    ${field(t, 'c-d', 'd', { labelKey: 'c.d.labelHtml', hintKey: 'c.d.hint', input: number('c-d', 'd', 'numeric', 'min="1" max="8192" step="1"') })}
    ${field(t, 'c-n', 'n', { labelKey: 'c.n.label', hintKey: 'c.n.hint', input: number('c-n', 'n', 'numeric', 'min="1" step="1"') })}
    ${field(t, 'c-base', 'base', { labelKey: 'c.base.label', hintKey: 'c.base.hint', input: number('c-base', 'base', 'decimal', 'step="any"') })}
    ${field(t, 'c-layout', 'layout', {
      labelKey: 'c.layout.label',
      hintKey: null,
      errors: false,
      input: `<select id="c-layout" name="layout" aria-describedby="c-layout-hint">${options('c.layout', LAYOUTS)}</select><p class="hint" id="c-layout-hint"></p>`,
    })}
    ${field(t, 'c-freq', 'freq', {
      labelKey: 'c.freq.label',
      hintKey: null,
      errors: false,
      input: `<select id="c-freq" name="freq" aria-describedby="c-freq-hint">${options('c.freq', FREQUENCIES)}</select><p class="hint" id="c-freq-hint"></p>`,
    })}
    ${field(t, 'c-odd', 'odd', {
      labelKey: 'c.odd.label',
      hintKey: null,
      errors: false,
      input: `<select id="c-odd" name="odd" aria-describedby="c-odd-hint">${options('c.odd', ODD_RULES)}</select><p class="hint" id="c-odd-hint">${t('c.odd.hint')}</p>`,
    })}
    ${field(t, 'c-pos', 'pos', {
      labelKey: 'c.pos.label',
      hintKey: 'c.pos.hint',
      input: `<div class="pair-input"><input id="c-pos-range" name="pos" type="range" min="0" step="1" aria-label="${t('c.pos.slider')}" />${number('c-pos', 'pos', 'numeric', 'min="0" step="1"')}</div>`,
    })}
    ${field(t, 'c-k', 'k', {
      labelKey: 'c.k.labelHtml',
      hintKey: 'c.k.hint',
      input: `<div class="pair-input"><input id="c-k-range" name="k" type="range" step="1" aria-label="${t('c.k.slider')}" />${number('c-k', 'k', 'numeric', 'step="1"')}</div>`,
    })}
    ${field(t, 'c-map', 'map', {
      labelKey: 'c.map.label',
      errors: false,
      input: `<select id="c-map" name="map">${options('c.map', MAPS)}</select>`,
    })}
    <div class="field page-only">
      <span class="label" id="export-label">${t('c.export.label')}</span>
      <div class="buttons" role="group" aria-labelledby="export-label">
        <button type="button" data-export="csv">${t('c.export.csv')}</button>
        <button type="button" data-export="npy">${t('c.export.npy')}</button>
      </div>
    </div>
    <div class="field page-only">
      <button type="button" data-action="embed">${t('c.embed')}</button>
    </div>
  </form>`;
}

/** Each figure's section markup, in its strings (index.js declares them with their views). */
export const sections = {
  matrix: (t) => `
    <div class="text">
      <h2 id="matrix-title">${t('matrix.title')}</h2>
      ${t('matrix.bodyHtml')}
      <p class="howto">${t('matrix.howto')}</p>
    </div>
    <div class="figure">
      <div class="toolbar" role="group" aria-label="${t('matrix.toolbar')}">
        <button type="button" data-action="zoom-in">${t('matrix.zoomIn')}</button>
        <button type="button" data-action="zoom-out">${t('matrix.zoomOut')}</button>
        <button type="button" data-action="zoom-reset">${t('matrix.showAll')}</button>
        <button type="button" data-png="heatmap">${t('png')}</button>
      </div>
      <div class="stack">
        <canvas class="heatmap" role="img"></canvas>
        <canvas class="overlay" tabindex="0" aria-label="${t('matrix.cursor')}"></canvas>
      </div>
      <canvas class="colorbar" role="img" aria-label="${t('matrix.colorbar')}"></canvas>
      <p class="matrix-note"></p>
      <p class="readout" aria-live="polite"></p>
    </div>`,
  periodicity: (t) => `
    <div class="text">
      <h2 id="periodicity-title">${t('periodicity.title')}</h2>
      ${t('periodicity.bodyHtml')}
      <div class="field inline">
        <label for="c-dims">${t('c.dims.label')}</label>
        <input id="c-dims" class="view-control" name="dims" type="text" inputmode="numeric" aria-describedby="c-dims-hint c-dims-error" />
        <p class="hint" id="c-dims-hint">${t('c.dims.hint')}</p>
        <p class="error" id="c-dims-error" aria-live="polite"></p>
      </div>
    </div>
    <div class="figure">
      <div class="toolbar" role="group" aria-label="${t('periodicity.toolbar')}">
        <button type="button" data-png="curves">${t('periodicity.pngCurves')}</button>
        <button type="button" data-png="wavelengths">${t('periodicity.pngWavelengths')}</button>
        <button type="button" data-png="quarter">${t('periodicity.pngQuarter')}</button>
      </div>
      <div class="stack">
        <canvas class="curves" role="img"></canvas>
        <canvas class="curves-cursor" aria-hidden="true"></canvas>
      </div>
      <ul class="legend" aria-label="${t('periodicity.legend')}"></ul>
      <h3>${t('periodicity.wavelengthTitle')}</h3>
      <canvas class="wavelengths" role="img"></canvas>
      <h3>${t('periodicity.quarterTitle')}</h3>
      <canvas class="quarter" role="img"></canvas>
      <p class="quarter-note"></p>
    </div>`,
  clock: (t) => `
    <div class="text">
      <h2 id="clock-title">${t('clock.title')}</h2>
      ${t('clock.bodyHtml')}
      <ul class="angles" aria-label="${t('clock.angles')}"></ul>
    </div>
    <div class="figure">
      <div class="toolbar" role="group" aria-label="${t('clock.toolbar')}">
        <button type="button" data-action="step-back" title="${t('clock.stepBackTitle')}">${t('clock.stepBack')}</button>
        <button type="button" data-action="play" aria-pressed="false">${t('clock.play')}</button>
        <button type="button" data-action="step-forward" title="${t('clock.stepForwardTitle')}">${t('clock.stepForward')}</button>
        <label class="inline-label">${t('clock.speed')} <select name="speed"></select></label>
        <label class="inline-label scrub">${t('clock.scrub')}
          <input id="c-scrub" class="view-control" name="pos" type="range" min="0" step="1" />
        </label>
        <button type="button" data-png="clocks">${t('png')}</button>
      </div>
      <canvas class="bars" role="img"></canvas>
      <canvas class="clocks" role="img"></canvas>
      <p class="clock-note"></p>
    </div>`,
  relative: (t) => `
    <div class="text">
      <h2 id="relative-title">${t('relative.title')}</h2>
      ${t('relative.bodyHtml')}
    </div>
    <div class="figure">
      <div class="toolbar" role="group" aria-label="${t('relative.toolbar')}">
        <button type="button" data-png="gram">${t('relative.pngGram')}</button>
        <button type="button" data-png="dots">${t('relative.pngDots')}</button>
      </div>
      <div class="split-figure">
        <div>
          <canvas class="gram" role="img"></canvas>
          <p class="gram-readout" aria-live="polite"></p>
        </div>
        <p class="gram-note"></p>
      </div>
      <canvas class="dots" role="img"></canvas>
      <p class="dots-note"></p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="${t('relative.tableRegion')}">
        <table class="rotation">
          <caption>${t('relative.captionHtml')}</caption>
          <thead><tr>${t('relative.headHtml')}</tr></thead>
          <tbody></tbody>
        </table>
      </div>
      <p class="residual" aria-live="polite"></p>
    </div>`,
};

sections.learned = (t) => `
    <div class="text">
      <h2 id="learned-title">${t('learned.title')}</h2>
      ${t('learned.bodyHtml')}
      <div class="field inline">
        <label for="c-maxlen">${t('c.maxlen.label')}</label>
        <input id="c-maxlen" class="view-control" name="maxlen" type="number" inputmode="numeric" min="1" step="1" aria-describedby="c-maxlen-hint c-maxlen-error" />
        <p class="hint" id="c-maxlen-hint">${t('c.maxlen.hint')}</p>
        <p class="error" id="c-maxlen-error" aria-live="polite"></p>
      </div>
    </div>
    <div class="figure">
      <div class="toolbar" role="group" aria-label="${t('learned.toolbar')}">
        <button type="button" data-png="learned">${t('learned.pngLearned')}</button>
        <button type="button" data-png="fixed">${t('learned.pngFixed')}</button>
      </div>
      <div class="side-by-side">
        <figure><figcaption class="learned-caption"></figcaption><canvas class="learned" role="img"></canvas></figure>
        <figure><figcaption class="fixed-caption"></figcaption><canvas class="fixed" role="img"></canvas></figure>
      </div>
      <p class="params"></p>
      <p class="lookup" aria-live="polite"></p>
      <div class="table-wrap" tabindex="0" role="region" aria-label="${t('learned.tableRegion')}">
        <table class="models">
          <caption>${t('learned.modelsCaption')}</caption>
          <thead><tr><th scope="col">${t('learned.model')}</th><th scope="col">${t('learned.kind')}</th><th scope="col">${t('learned.how')}</th></tr></thead>
          <tbody>${t('learned.modelsRowsHtml')}</tbody>
        </table>
      </div>
    </div>`;

sections.tokens = (t) => `
    <div class="text">
      <h2 id="tokens-title">${t('tokens.title')}</h2>
      ${t('tokens.bodyHtml')}
      <div class="field">
        <label for="c-text">${t('c.text.label')}</label>
        <input id="c-text" class="view-control" name="text" type="text" maxlength="1000" aria-describedby="c-text-hint c-text-error" />
        <p class="hint" id="c-text-hint">${t('c.text.hint')}</p>
        <p class="error" id="c-text-error" aria-live="polite"></p>
      </div>
      <div class="field">
        <label for="c-scale">${t('c.scale.label')}</label>
        <div class="pair-input">
          <input id="c-scale-range" class="view-control" name="scale" type="range" min="0" max="4" step="0.05" aria-label="${t('c.scale.slider')}" />
          <input id="c-scale" class="view-control" name="scale" type="number" inputmode="decimal" min="0" max="100" step="any" aria-describedby="c-scale-hint c-scale-error" />
        </div>
        <p class="hint" id="c-scale-hint">${t('c.scale.hint')}</p>
        <p class="error" id="c-scale-error" aria-live="polite"></p>
      </div>
      <div class="field check">
        <input id="c-withpe" class="view-control" name="withpe" type="checkbox" />
        <label for="c-withpe">${t('c.withpe.label')}</label>
      </div>
      <div class="field">
        <label for="c-proj">${t('c.proj.label')}</label>
        <select id="c-proj" class="view-control" name="proj">
          <option value="pca">${t('c.proj.pca')}</option>
          <option value="first_two">${t('c.proj.first_two')}</option>
        </select>
      </div>
    </div>
    <div class="figure">
      <div class="toolbar" role="group" aria-label="${t('tokens.toolbar')}">
        <button type="button" data-png="scatter">${t('png')}</button>
      </div>
      <ol class="chips" aria-label="${t('tokens.chips')}"></ol>
      <p class="token-note"></p>
      <canvas class="scatter" role="img"></canvas>
      <p class="projection-note"></p>
      <h3>${t('tokens.sameTitle')}</h3>
      <p class="same-word" aria-live="polite"></p>
    </div>`;

sections.why = (t) => `
    <div class="text">
      <h2 id="why-title">${t('why.title')}</h2>
      ${t('why.bodyHtml')}
    </div>
    <div class="figure">
      <div class="toolbar" role="group" aria-label="${t('why.toolbar')}">
        <button type="button" data-png="bounded">${t('why.pngBounded')}</button>
        <button type="button" data-png="binary">${t('why.pngBinary')}</button>
        <button type="button" data-png="mistake">${t('why.pngMistake')}</button>
      </div>
      <h3>${t('why.uniqueTitle')}</h3>
      <p class="unique"></p>
      <h3>${t('why.boundedTitle')}</h3>
      <canvas class="bounded" role="img"></canvas>
      <p class="bounded-note"></p>
      <h3>${t('why.shiftTitle')}</h3>
      <p>${t('why.shiftHtml')}</p>
      <h3>${t('why.binaryTitle')}</h3>
      <canvas class="binary" role="img"></canvas>
      <p class="binary-note"></p>
      <h3>${t('why.mistakesTitle')}</h3>
      <div class="mistake-item">
        <p class="mistake-claim">${t('why.mistake1Html')}</p>
        <canvas class="mistake" role="img"></canvas>
        <p class="mistake-ranges"></p>
      </div>
      <div class="mistake-item">
        <p class="mistake-claim">${t('why.mistake2Html')}</p>
        <p class="mistake-learned"></p>
      </div>
      <div class="mistake-item">
        <p class="mistake-claim">${t('why.mistake3Html')}</p>
        <p class="mistake-periodic"></p>
      </div>
    </div>`;
