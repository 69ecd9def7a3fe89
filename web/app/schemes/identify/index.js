// Which convention is this table? (cpp/schemes/identify/, pe.identifyTable): a .npy or .safetensors
// file dropped here (or a sample the engine writes) is named by the engine: its kind, the reading
// that rebuilds it with its options, the next candidates, the precision, and where it departs from a
// reference (a pasted config.json's layer type). The table, the reference and their difference are
// drawn as heatmaps at canvas resolution (pe.renderMatrix). Everything runs in the browser: the file
// is read with FileReader's arrayBuffer and never sent anywhere. Text: en.js / zh.js; styles: styles.css.
// The figure's engine is the identify part alone (its budget): the samples are written by it
// (pe.identifySample), and a pasted config.json is read by ropeFromConfig of the engine the context and
// model views run on (RULES below), loaded when a config is first compared.
import { fitCanvas, formatNumber, grouped, theme, widthOf } from '../../canvas.js';
import { fromError } from '../../messages.js';
import { oneFigure, SchemeView } from '../common.js';
import { npyBytes } from './npy.js';

// The built-in samples: tables the engine itself writes (pe.identifySample), as .npy files, read back
// like a dropped one.
const SAMPLES = ['rope', 'sinusoidal', 'fairseq'];
// The engine that reads a config.json (ropeFromConfig): its parts, as the context and model views name them.
const RULES = ['rope', 'rope_config'];

function markup(t) {
  return `
    <div class="text">
      <h2 id="identify-title">${t('title')}</h2>
      ${t('bodyHtml')}
      <p class="identify-private"><strong>${t('private')}</strong></p>
      <div class="scheme-controls">
        <label class="inline-label">${t('sample')}
          <select name="identify-sample">
            ${SAMPLES.map(
              (s, i) => `<option value="${s}"${i ? '' : ' selected'}>${t(`sample_${s}`)}</option>`,
            ).join('')}
          </select></label>
      </div>
      <label class="identify-drop">
        <span>${t('drop')}</span>
        <input type="file" name="identify-file" accept=".npy,.safetensors" />
        <span class="identify-choose" aria-hidden="true">${t('choose')}</span>
      </label>
      <div class="scheme-controls">
        <label class="inline-label identify-tensor-label" hidden>${t('tensor')}
          <select name="identify-tensor"></select></label>
        <label class="inline-label"><input type="checkbox" name="identify-bfloat16" /> ${t('bfloat16')}</label>
      </div>
      <details class="identify-against">
        <summary>${t('againstTitle')}</summary>
        <p class="note">${t('againstNote')}</p>
        <textarea name="identify-config" rows="6" spellcheck="false" aria-label="config.json"></textarea>
        <div class="scheme-controls">
          <label class="inline-label">${t('layerType')}
            <select name="identify-layer"><option value="">${t('none')}</option></select></label>
          <button type="button" class="identify-compare">${t('compare')}</button>
        </div>
      </details>
    </div>
    <div class="figure">
      <p class="identify-source note"></p>
      <p class="identify-error" role="alert" hidden></p>
      <p class="identify-verdict" aria-live="polite"></p>
      <ul class="identify-candidates note"></ul>
      <h3>${t('diagnosisTitle')}</h3>
      <ul class="identify-diagnosis"></ul>
      <p class="identify-fix"></p>
      <div class="identify-maps">
        <figure><canvas class="identify-table" role="img" aria-label="${t('tableMap')}"></canvas>
          <figcaption>${t('tableMap')}</figcaption></figure>
        <figure><canvas class="identify-reference" role="img" aria-label="${t('referenceMap')}"></canvas>
          <figcaption class="identify-reference-caption">${t('referenceMap')}</figcaption></figure>
        <figure><canvas class="identify-difference" role="img" aria-label="${t('differenceMap')}"></canvas>
          <figcaption class="identify-difference-caption">${t('differenceMap')}</figcaption></figure>
      </div>
      <p class="identify-first note"></p>
    </div>`;
}

/** The options of a reading as words: theta 500000 · pairing half · … (scaling as type ×factor). */
function describe(options) {
  return Object.entries(options)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      if (k === 'scaling' && v && typeof v === 'object') return `scaling ${v.rope_type} ×${v.factor}`;
      return `${k} ${v}`; // as the engine rounded it
    })
    .join(' · ');
}

class IdentifyView extends SchemeView {
  static settings = [{ name: 'sample', control: 'identify-sample' }];

  /** engines(parts): a promise of the engine of those parts (schemes/load.js, partsEngine). */
  constructor(root, pe, t, onError, engines) {
    super(root, pe, t, onError);
    this.engines = engines;
    this.reader = null; // the engine that reads a config.json, once loaded
    this.file = null; // { name, bytes } of a file the reader gave, else a sample is shown
    this.compare = () => this.draw();
    this.root.querySelector('.identify-compare').addEventListener('click', this.compare);
    const drop = this.root.querySelector('.identify-drop');
    this.onDrop = (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      const file = event.dataTransfer?.files?.[0];
      if (file) this.load(file);
    };
    this.onOver = (event) => {
      event.preventDefault();
      drop.classList.add('over');
    };
    this.onLeave = () => drop.classList.remove('over');
    drop.addEventListener('drop', this.onDrop);
    drop.addEventListener('dragover', this.onOver);
    drop.addEventListener('dragleave', this.onLeave);
    this.draw();
  }

  destroy() {
    super.destroy();
    this.root.querySelector('.identify-compare').removeEventListener('click', this.compare);
    const drop = this.root.querySelector('.identify-drop');
    drop.removeEventListener('drop', this.onDrop);
    drop.removeEventListener('dragover', this.onOver);
    drop.removeEventListener('dragleave', this.onLeave);
  }

  /** Reads a file here, in the browser (nothing is uploaded), then identifies it. */
  async load(file) {
    this.root.dataset.identify = 'reading';
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.file = { name: file.name, bytes };
    this.tensors([]);
    this.draw();
  }

  /** The safetensors picker: the tensors the engine listed (hidden for one or none). */
  tensors(names) {
    const select = this.root.querySelector('[name="identify-tensor"]');
    select.replaceChildren(...names.map((n) => new Option(n)));
    this.root.querySelector('.identify-tensor-label').hidden = names.length < 2;
  }

  /** The engine that reads a config.json: this one if it can (the page's has every part), else the
   *  context and model views' engine, loaded once (the section says loading meanwhile). */
  configReader() {
    if (this.reader) return this.reader;
    if (!this.engines) return this.pe; // (mounted without them: its not_in_build says so, if so)
    if (this.loadingReader) return null;
    this.loadingReader = true;
    this.root.dataset.state = 'loading';
    this.engines(RULES)
      .then((pe) => {
        this.reader = pe;
        this.draw();
      })
      .catch((e) => this.onError({ kind: 'view_failed', args: { reason: String(e?.message || e) } }))
      .finally(() => {
        this.loadingReader = false;
        delete this.root.dataset.state;
      });
    return null;
  }

  /** The reference from the pasted config.json and the picked layer type, or null (also while the
   *  engine that reads it loads: the section draws again once it has). */
  against() {
    const text = this.root.querySelector('[name="identify-config"]').value.trim();
    const select = this.root.querySelector('[name="identify-layer"]');
    const reader = text && this.configReader();
    if (!reader) {
      if (!text) select.replaceChildren(new Option(this.t('none'), ''));
      return null;
    }
    const reading = reader.ropeFromConfig(text);
    const types = Object.keys(reading.layerTypes).filter((k) => reading.layerTypes[k].rope);
    const picked = types.includes(select.value) ? select.value : types[0];
    if ([...select.options].map((o) => o.value).join() !== types.join()) {
      select.replaceChildren(...types.map((k) => new Option(k)));
    }
    select.value = picked ?? '';
    return picked ? reading.layerTypes[picked] : null;
  }

  render(event) {
    const target = event?.target;
    if (target?.name === 'identify-file') {
      // (a file input fires input and change: read it once)
      if (event.type === 'change' && target.files?.[0]) this.load(target.files[0]);
      return;
    }
    if (target?.name === 'identify-sample') {
      this.file = null;
      this.root.querySelector('[name="identify-file"]').value = '';
      this.tensors([]);
    }
    const sample = this.root.querySelector('[name="identify-sample"]').value;
    const error = this.root.querySelector('.identify-error');
    let result;
    try {
      let source = this.file;
      if (!source) {
        const { values, shape } = this.pe.identifySample(sample);
        source = { name: `${sample}.npy`, bytes: npyBytes(values, ...shape), sample: true };
      }
      this.root.querySelector('.identify-source').textContent = this.t(
        source.sample ? 'sourceSample' : 'sourceFile',
        { name: source.name, bytes: grouped(source.bytes.length) },
      );
      const against = this.against();
      const options = { bfloat16: this.root.querySelector('[name="identify-bfloat16"]').checked, against };
      const picker = this.root.querySelector('[name="identify-tensor"]');
      if (picker.value) options.tensor = picker.value;
      try {
        result = this.pe.identifyTable(source.bytes, options);
      } catch (e) {
        if (e?.kind !== 'tensor_choice') throw e;
        this.tensors(
          String(e.args.names)
            .split(', ')
            .filter((n) => n !== '...'),
        );
        result = this.pe.identifyTable(source.bytes, { ...options, tensor: picker.value });
      }
    } catch (e) {
      error.hidden = false;
      error.textContent = this.t.error(fromError(e));
      this.root.dataset.identify = 'error';
      this.show(null);
      return;
    }
    error.hidden = true;
    this.root.dataset.identify = result.kind;
    this.show(result);
  }

  show(result) {
    const $ = (s) => this.root.querySelector(s);
    const t = this.t;
    $('.identify-verdict').textContent = result ? this.verdict(result) : '';
    $('.identify-candidates').replaceChildren(
      ...(result?.candidates || []).slice(0, 3).map((c) => {
        const li = this.root.ownerDocument.createElement('li');
        li.textContent = t('candidate', {
          scheme: c.scheme,
          options: describe(c.options),
          error: formatNumber(c.maxError, 3),
        });
        return li;
      }),
    );
    const findings = result?.diagnosis || [];
    $('.identify-diagnosis').replaceChildren(
      ...(findings.length ? findings : result ? [{ kind: 'none' }] : []).map((f) => {
        const li = this.root.ownerDocument.createElement('li');
        li.textContent = f.kind === 'none' ? t('noFindings') : t.error(f);
        li.dataset.kind = f.kind;
        return li;
      }),
    );
    // The one-line fix: the first finding that names one (its text after "Fix:").
    const fixes = findings.map((f) => t.error(f)).filter((s) => /Fix: |修正：/.test(s));
    const fix = $('.identify-fix');
    fix.textContent = !result
      ? ''
      : fixes.length
        ? t('fix', { fix: fixes[0].split(/Fix: |修正：/)[1] })
        : t(this.hasAgainst ? 'fixNone' : 'fixCompare');
    const first = result?.firstDifference;
    $('.identify-first').textContent = !result
      ? ''
      : first
        ? t('first', {
            row: first.row,
            col: first.col,
            got: formatNumber(first.got, 6),
            want: formatNumber(first.want, 6),
          })
        : t('firstNone');
    this.maps(result);
  }

  verdict(r) {
    const t = this.t;
    const head = t('verdictHead', { format: r.format, dtype: r.dtype, shape: r.shape.join(' × ') });
    if (!r.best) return `${head} ${t('verdictUnknown')}`;
    return `${head} ${t('verdict', {
      kind: t(`kind_${r.kind}`),
      scheme: r.best.scheme,
      options: describe(r.best.options),
      error: formatNumber(r.best.maxError, 3),
    })}`;
  }

  get hasAgainst() {
    return Boolean(this.root.querySelector('[name="identify-layer"]').value);
  }

  /** The table, the reference and their difference, each a heatmap of the preview grid. */
  maps(result) {
    const preview = result?.preview;
    const c = theme(this.root.querySelector('canvas.identify-table'));
    const box = this.root.querySelector('.identify-maps');
    const wide = widthOf(box) >= 560;
    const width = Math.max(200, wide ? Math.floor((widthOf(box) - 24) / 3) : widthOf(box));
    const height = 180;
    const nr = preview?.rows.length || 0;
    const nc = preview?.cols.length || 0;
    const diff = preview?.reference ? preview.table.map((x, i) => x - preview.reference[i]) : null;
    const reach = (xs) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0) || 1;
    const amp = preview ? reach(preview.table) : 1;
    const spread = diff ? reach(diff) : 1;
    const first = result?.firstDifference;
    const mark = first && preview && [preview.rows.indexOf(first.row), preview.cols.indexOf(first.col)];
    const draw = (selector, values, low, high) => {
      const canvas = this.root.querySelector(selector);
      const { ctx, dpr } = fitCanvas(canvas, width, height);
      ctx.fillStyle = c.grid;
      ctx.fillRect(0, 0, width, height);
      if (!values) return;
      const w = Math.round(width * dpr);
      const h = Math.round(height * dpr);
      ctx.putImageData(
        new ImageData(this.pe.renderMatrix(values, nr, nc, { width: w, height: h, low, high }), w, h),
        0,
        0,
      );
      if (mark && mark[0] >= 0 && mark[1] >= 0) {
        ctx.strokeStyle = c.fg;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(((mark[1] + 0.5) / nc) * width, ((mark[0] + 0.5) / nr) * height, 7, 0, 2 * Math.PI);
        ctx.stroke();
      }
    };
    draw('canvas.identify-table', preview?.table, -amp, amp);
    draw('canvas.identify-reference', preview?.reference, -amp, amp);
    draw('canvas.identify-difference', diff, -spread, spread);
    this.root.querySelector('.identify-reference-caption').textContent = this.t(
      this.hasAgainst ? 'referenceAgainst' : 'referenceMap',
    );
    this.root.querySelector('.identify-difference-caption').textContent =
      this.t('differenceMap') + (diff ? ` (±${formatNumber(spread, 3)})` : '');
    this.root.querySelector('canvas.identify-difference').dataset.spread = diff ? String(spread) : '';
  }
}

export default oneFigure({
  name: 'identify',
  order: 65,
  engine: ['identify'],
  markup,
  View: IdentifyView,
});
