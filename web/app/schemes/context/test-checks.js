// @ts-check
// The long-context view's checks in the browser suite: tests/web/schemes.test.mjs finds every folder's
// test-checks.js and runs what it exports with its tools (schemes.test.mjs's Tools: assert, page (the
// explorer page at a hash and viewport), openFigure (embed.html at a hash, ready), openPage, suite,
// canvasSignature, drawn (canvases drew), loadEngine): onPage on the explorer page as it opens
// (English, 1280 px), inChinese on it in Chinese at 360 px, and each of `tests` as a test. Not loaded
// by the page.
import { PRESETS } from './presets.js';

/** @type {Record<string, (tools: import('../../../../tests/web/schemes.test.mjs').Tools) => Promise<void>>} */
export const tests = {
  "the config reader is only in the engines whose views name it: RoPE's engine answers not_in_build": async ({
    assert,
    openFigure,
  }) => {
    const { page: p, problems, context } = await openFigure('view=context');
    const seen = await p.evaluate(async () => {
      const g = /** @type {any} */ (globalThis);
      const attempt = (f) => {
        try {
          return { value: f() };
        } catch (e) {
          return { name: e.name, kind: e.kind, parameter: e.parameter };
        }
      };
      const config = JSON.stringify({ model_type: 'llama', head_dim: 64, rope_theta: 10000 });
      // the context figure's own engine (pe-explorer-engine-rope-rope_config.js) reads configs
      const own = await g['__peExplorerEngine_rope$rope_config'].createPE();
      // RoPE's view's engine (pe-explorer-engine-rope.js, parts ['rope']) does not
      const script = document.createElement('script');
      script.src = 'pe-explorer-engine-rope.js';
      await new Promise((resolve) => {
        script.onload = resolve;
        document.head.append(script);
      });
      const rope = await g.__peExplorerEngine_rope.createPE();
      return {
        own: attempt(() => own.ropeFromConfig(config).theta),
        ropeConfig: attempt(() => rope.ropeFromConfig(config)),
        ropeScale: attempt(() => rope.queryScale({ queryScaling: null }, 0)),
        ropeFrequencies: attempt(() => rope.ropeFrequencies({ headDim: 8 }).invFreq.length),
      };
    });
    assert.deepEqual(seen.own, { value: 10000 });
    assert.deepEqual(seen.ropeConfig, { name: 'PEError', kind: 'not_in_build', parameter: 'ropeFromConfig' });
    assert.deepEqual(seen.ropeScale, { name: 'PEError', kind: 'not_in_build', parameter: 'queryScale' });
    assert.deepEqual(seen.ropeFrequencies, { value: 4 });
    assert.deepEqual(problems, []);
    await context.close();
  },
  'ropeFromConfig reads every preset as the library would, and names each trap it sees': async ({
    assert,
    loadEngine,
  }) => {
    const pe = await loadEngine();
    const { PRESETS } = await import('./presets.js');
    const read = (key, options) => pe.ropeFromConfig(JSON.stringify(PRESETS[key].config), options);
    const types = new Set();
    for (const key of Object.keys(PRESETS)) {
      const r = read(key, { sequenceLength: 100000 });
      types.add(r.ropeType);
      assert.equal(r.invFreq.length, r.rotaryDim / 2, key);
      assert.ok(
        [...r.invFreq].every((w) => w > 0 && Number.isFinite(w)),
        key,
      );
    }
    assert.deepEqual([...types].sort(), [
      'default',
      'dynamic',
      'linear',
      'llama3',
      'longrope',
      'ntk',
      'yarn',
    ]);
    // Llama 3.1: the same numbers as the explicit call, and the warning about older loaders.
    const llama = read('llama31');
    const explicit = pe.ropeFrequencies({
      headDim: 128,
      theta: 500000,
      maxPositions: 131072,
      // @ts-expect-error: the preset's rope_type is a JS string, the API wants the literal
      scaling: PRESETS.llama31.config.rope_scaling,
    });
    assert.deepEqual([...llama.invFreq], [...explicit.invFreq]);
    assert.deepEqual(
      llama.warnings.map((w) => w.kind),
      ['warn_llama3_dropped'],
    );
    // DeepSeek-V3: 64 rotated dimensions (qk_rope_head_dim), factor 163840 / 4096 = 40, ratio of equal
    // mscales 1, and the warning about the softmax scale its attention code adds: (0.1 ln 40 + 1)^2.
    const deepseek = read('deepseekv3');
    assert.equal(deepseek.rotaryDim, 64);
    assert.equal(deepseek.factor, 40);
    assert.equal(deepseek.attentionScaling, 1);
    const mscale = deepseek.warnings.find((w) => w.kind === 'warn_mscale_all_dim');
    assert.ok(Math.abs(/** @type {number} */ (mscale.args.extra) - (0.1 * Math.log(40) + 1) ** 2) < 1e-5);
    // Qwen2.5 with the rope_scaling its card gives: the legacy key, and factor 4 against a ratio of 1.
    assert.deepEqual(
      read('qwen25').warnings.map((w) => w.kind),
      ['warn_legacy_type', 'warn_yarn_ratio'],
    );
    // Phi-3.5: LongRoPE with the config's top-level original length; short factors up to 4096 tokens.
    const phiShort = read('phi35', { sequenceLength: 4096 });
    const phiLong = read('phi35', { sequenceLength: 4097 });
    assert.ok(phiShort.invFreq[47] > phiLong.invFreq[47]);
    assert.ok(Math.abs(phiShort.attentionScaling - Math.sqrt(1 + Math.log(32) / Math.log(4096))) < 1e-12);
    // Bad input: a clear PEError naming the text, never a raw exception.
    const fails = (text) => {
      try {
        pe.ropeFromConfig(text);
      } catch (error) {
        assert.ok(error instanceof pe.PEError, String(error));
        return error.kind;
      }
      return 'no error';
    };
    assert.equal(fails('{"rope_theta": '), 'bad_json');
    assert.equal(fails('{"model_type": "bert", "hidden_size": 768}'), 'no_rope');
    assert.equal(fails(`{"model_type": "llama", "pad": "${'x'.repeat(1 << 20)}"}`), 'text_cap');
    assert.equal(fails('{"model_type": "llama"}'), 'required_or'); // head_dim, or hidden_size and heads
    assert.equal(
      fails('{"rope_theta": 1e4, "head_dim": 64, "rope_scaling": {"rope_type": "yarn", "factor": 0.5}}'),
      'at_least',
    );
    assert.equal(
      fails(
        '{"rope_theta": 1e4, "head_dim": 64, "rope_scaling": {"type": "longrope", "factor": 2, "short_factor": [1], "long_factor": [1]}}',
      ),
      'required_for',
    );
  },
  'the presets draw, interpolation removes the unseen angles, a bad paste keeps the figures': async ({
    assert,
    page,
    canvasSignature,
    drawn,
  }) => {
    const { page: p, problems } = await page();
    await drawn(p, [
      'context-wavelength',
      'context-ratio',
      'context-angle',
      'context-scores',
      'context-temperature',
    ]);
    assert.equal(await p.getAttribute('.context-summary', 'data-type'), 'llama3');
    assert.match(await p.getAttribute('.context-warnings', 'data-warnings'), /warn_llama3_dropped/);
    // Position interpolation ×16: without scaling some slow pairs see new angles at 32,768; with it none.
    await p.selectOption('[name="context-preset"]', 'huggyllama/llama-7b:linear');
    await p.waitForFunction(() => document.querySelector('.context-summary').dataset.type === 'linear');
    assert.ok(Number(await p.getAttribute('.context-angle-note', 'data-plain')) > 0);
    assert.equal(await p.getAttribute('.context-angle-note', 'data-scaled'), '0');
    // YaRN with a temperature (a pasted config): the note gives the scale and the sharper softmax.
    await p.click('.context-paste summary');
    await p.fill(
      '[name="context-config"]',
      '{"model_type": "llama", "head_dim": 128, "max_position_embeddings": 4096, "rope_theta": 10000, "rope_scaling": {"rope_type": "yarn", "factor": 8}}',
    );
    await p.click('[data-action="context-read"]');
    await p.waitForFunction(() => document.querySelector('.context-summary').dataset.type === 'yarn');
    assert.match(await p.textContent('.context-temperature-note'), /multiplies cos and sin by 1\.20794/);
    // A valid config whose extended length (4,096 x 10^6) passes the engine's last position (10^9): drawn
    // to 10^9 and said so (issue 19: it was refused with "sequenceLength must be...", a value never typed).
    await p.fill(
      '[name="context-config"]',
      '{"model_type": "llama", "head_dim": 128, "max_position_embeddings": 4096, "rope_scaling": {"rope_type": "dynamic", "factor": 1000000}}',
    );
    await p.click('[data-action="context-read"]');
    await p.waitForFunction(() => document.querySelector('.context-summary').dataset.type === 'dynamic');
    assert.match(
      await p.textContent('.context-summary'),
      /1,000,000,000 \(the engine’s last position; this model’s own length, 4,096,000,000,/,
    );
    assert.ok((await canvasSignature(p, 'context-scores')).drawn > 500);
    // Bad pastes: a message where the summary was; the figures keep the last good config.
    for (const [text, kind] of [
      ['{"rope_scaling": ', 'bad_json'],
      ['{"model_type": "bert"}', 'no_rope'],
    ]) {
      await p.fill('[name="context-config"]', text);
      await p.click('[data-action="context-read"]');
      await p.waitForFunction(
        (kind) => document.querySelector('.context-summary').dataset.error === kind,
        kind,
      );
    }
    assert.ok((await canvasSignature(p, 'context-scores')).drawn > 500);
    assert.deepEqual(problems, []);
  },
};

/** Words its sections print in Chinese too (tests/web/concepts.test.mjs): model and author names,
 *  code identifiers, formula symbols. */
export const sharedWords =
  'modeling_rope_utils NTK aware YaRN LongRoPE mscale rope_type default linear ntk dynamic yarn llama3 longrope LLaMA Qwen2 Instruct Phi mini config json cat freqs';

/** Its benchmark steps (tests/bench/scheme-controls.mjs collects every folder's): [view, control,
 *  the values a reader's input events set it to, in order]. */
export const benchSteps = [['context', 'context-preset', Object.values(PRESETS).map((p) => p.model)]];
