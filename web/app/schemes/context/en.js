// Long context: the figure's English text (loaded only for an English figure).
export default {
  title: 'Long context: stretching RoPE past the training length',
  bodyHtml:
    '<p>A model trained on L positions has seen every pair’s angle only up to L·ω<sub>i</sub>. Fast pairs turn many times within L, so any angle is familiar; slow pairs never complete a turn, and past L they reach angles the model has never seen. That is why plain extrapolation fails, and why every method <strong>interpolates the slow pairs</strong> (divides their frequency) while keeping the fast ones: position interpolation divides all of them, NTK-aware scaling raises θ, YaRN and Llama 3 blend per pair between the two, LongRoPE uses a searched factor per pair.</p><p>Numbers below are those of Hugging Face transformers’ <code>modeling_rope_utils.py</code>, read from a model’s config as the library reads it.</p>',
  preset: 'model',
  custom: 'pasted config',
  pasteLabel: 'Or paste a model’s config.json',
  read: 'Read this config',
  summary:
    '{type}: head {head} ({rotary} rotated, {pairs} pairs), θ = {theta}; trained on {train} positions, extended to {target} (×{factor}); attention scaling {scale}.',
  noWarnings: 'No known trap in this config.',
  warningsTitle: 'Warnings',
  wavelengthTitle: 'Wavelength per pair against the training length',
  wavelengthNote:
    'Wavelength 2π/ω of each pair, default and scaled. Pairs whose wavelength is longer than the training length ({train}) never turned once in training. {bands}',
  bandsYarn:
    'YaRN: pairs below {low} keep their frequency (extrapolated), pairs above {high} are divided by the factor (interpolated), and the ramp blends those between.',
  bandsLlama:
    'Llama 3: wavelengths below {low} keep their frequency, above {high} are divided by the factor, blended between.',
  bandsNone: '',
  ratioTitle: 'New inverse frequency against the default, every method',
  ratioNote:
    'ω′/ω per pair at factor {factor}: 1 keeps a pair, 1/{factor} interpolates it fully. Position interpolation divides every pair (the fast ones too, which blurs nearby positions); NTK and dynamic NTK raise θ (a smooth curve); YaRN and Llama 3 keep the fast pairs exactly.',
  angleTitle: 'Largest angle in training against the angle at the new length',
  angleNote:
    'Marked: pairs that would reach angles never seen in training (less than a full turn within {train} positions, and a larger angle at {target}). No scaling: {plain} pairs. {type}: {scaled} pairs.',
  scoresTitle: 'q·k against distance, every method',
  scoresNote:
    'q = k = (1, …, 1), q·k after rotation divided by its value at distance 0, out to {distance}{capped}; each pixel shows the mean over the distances it covers. The dashed line is the training length.',
  scoresCapped: ' (the engine’s cap for this head size; the new length is {target})',
  targetCapped: '{target} (the engine’s last position; this model’s own length, {wanted}, lies beyond it)',
  temperatureTitle: 'Attention temperature',
  temperatureYarn:
    'This config multiplies cos and sin by {scale}, so every q·k logit by {scale2}: the softmax over 256 keys sharpens from an entropy of {before} to {after} nats. YaRN does this because attention over many more keys gets flatter.',
  temperatureNone: 'This method leaves the temperature alone (attention scaling 1).',
  defaultFreq: 'default',
  scaled: 'this config',
  none: 'no scaling',
  pair: 'pair i',
  wavelength: 'wavelength (positions)',
  ratio: 'ω′ / ω',
  angle: 'angle (radians)',
  trainAngle: 'largest angle in training',
  plainAngle: 'at the new length, no scaling',
  scaledAngle: 'at the new length, this config',
  distance: 'distance m − n',
  score: 'q·k / q·k(0)',
  weight: 'softmax weight',
  key: 'key (distance)',
  withTemperature: 'with the attention scaling',
  withoutTemperature: 'without',
  unseen: 'angles never seen in training',
  trainLine: 'training length',
  targetLine: 'new length',
  // the presets' names (presets.js)
  preset_llama2: 'Llama 2 7B (default)',
  preset_pi: 'LLaMA 7B + position interpolation ×16 (linear)',
  preset_ntk: 'Llama 2 7B + NTK-aware ×4 (ntk)',
  preset_dynamic: 'Llama 2 7B + dynamic NTK ×2 (dynamic)',
  preset_llama31: 'Llama 3.1 8B (llama3)',
  preset_qwen25: 'Qwen2.5 7B Instruct + YaRN ×4 (yarn)',
  preset_deepseekv3: 'DeepSeek-V3 (yarn, mscale)',
  preset_phi35: 'Phi-3.5 mini (longrope)',
};
