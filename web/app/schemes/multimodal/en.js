// Multimodal RoPE (M-RoPE of Qwen2-VL to Qwen3-VL, the vision tower's 2-D RoPE, FLUX's axial RoPE):
// the figure's English text (loaded only for an English figure).
export default {
  view: 'Multimodal RoPE',
  title: 'Multimodal RoPE: three position ids per token',
  bodyHtml:
    '<p>A vision-language model reads text, images and video in one sequence. Qwen2-VL, Qwen2.5-VL and Qwen3-VL give every token <strong>three position ids</strong>: time, height and width (t, h, w), and divide the rotary pairs of each attention head among the three axes (M-RoPE). A text token has the same id on all three; an image’s tokens (one per 2 × 2 block of 14- or 16-pixel patches) share the time id and take their block’s row and column. The text after an image resumes at the image’s start plus its <em>largest merged side</em>, not after its token count, so a decoder adds a <em>delta</em> to every new token’s index.</p><p>Everything here is computed as the models’ code computes it: <code>get_rope_index</code> of Hugging Face transformers as the released checkpoints were served through 2025, the apply functions’ choice of pairs, the vision tower’s <code>rot_pos_emb</code>, and FLUX’s <code>EmbedND</code>. The prompt is written as <code>pe-export</code> spells it: <code>text:N</code>, <code>image:TxHxW</code>, <code>video:TxHxW:seconds per grid step:timestamp tokens</code>, with the patch grid before merging (<code>image_grid_thw</code>).</p>',
  model: 'model',
  prompt: 'prompt',
  token: 'token',
  idsTitle: 'Every token’s (t, h, w) ids',
  tokenAxis: 'token',
  idAxis: 'position id',
  axis_t: 't (time)',
  axis_h: 'h (height)',
  axis_w: 'w (width)',
  rewriteKey: 'the 2026 code',
  kindText: 'text',
  kindStart: '<|vision_start|>',
  kindImage: 'image',
  kindVideo: 'video',
  kindEnd: '<|vision_end|>',
  kindStamp: 'timestamp text',
  readout: 'Token {token} of {tokens}: {kind} (segment {segment}), ids (t, h, w) = ({t}, {h}, {w}).',
  readoutCell: ' Frame {frame}, merged row {row}, column {col}.',
  empty: 'An empty prompt.',
  delta:
    'ropeDelta = {delta}: after the prompt, the token at index n gets position n + ({delta}) on all three axes (the next one, {tokens}, is at {next}).',
  rewriteSame:
    'The February 2026 rewrite of get_rope_index (“Unify 3D position ids”, as of May 2026) gives this prompt the same ids.',
  rewriteDiffers:
    'Warning: the February 2026 rewrite of get_rope_index (“Unify 3D position ids”, as of May 2026; dashed grey, red under the axis) gives {count} tokens other ids, from token {first}: ({served}) here, ({rewritten}) there, and ropeDelta {delta} instead of {servedDelta}. It moves past a video by its largest merged side only, so the text after a video reuses positions that later frames hold. This figure follows the code the released checkpoints were served with through 2025.',
  rewriteImageFrames:
    'It also steps the frames of a Qwen2.5-VL image of several frames by 1 (the 2025 code: 0).',
  gridTitle: 'The image’s patch grid and its merge blocks',
  gridNone: 'The prompt has no image or video.',
  gridNote:
    'Segment {segment}, frame {frame}: {h} × {w} patches, merged {merge} × {merge} into {mh} × {mw} = {tokens} tokens (thick lines), all at time id {t}. Each block’s h id is on the left, its w id on top. The chosen token’s block is filled; the vision tower numbers its patches {first} to {last}: the patches of one merged token are consecutive.',
  secondsTitle: 'Qwen2.5-VL’s time ids count whole seconds',
  secondsAxis: 'time in the video (s)',
  timeIdAxis: 'time id',
  secondsNote:
    'Eight grid steps at 0.5, 1, 1.5 and 2 s per step, tokens_per_second 2 (dashed: 2 ids per second). The code converts second_per_grid_t to an integer before multiplying: at 0.5 s every frame gets the same time id ({ids}), and 1.5 s counts as 1 s ({onehalf}).',
  perSecond: '2 ids a second',
  fluxFlat: '1-D RoPE, 128 dimensions',
  fluxAxis0: 'axis 0 ({d} dims: 0 for FLUX.1’s text and image)',
  fluxAxis1: 'axis 1 ({d} dims: latent row)',
  fluxAxis2: 'axis 2 ({d} dims: latent column)',
  secondsYours: 'Your prompt’s video at {seconds} s per step is rounded down the same way.',
  pairsTitle: 'Which pairs carry t, h and w, and their wavelengths',
  chunks: 'Qwen2/2.5-VL: chunks [16, 24, 24], θ 10⁶',
  interleaved: 'Qwen3-VL: interleaved [24, 20, 20], θ 5·10⁶',
  wavelengthAxis: 'wavelength (positions)',
  pairsNote:
    'The 64 pairs of a 128-dimension head, fastest first, coloured by the axis whose id turns them (dimension d reads the axis of pair d mod 64), and under each axis its pairs’ wavelengths on a log scale. Chunks give t only the fastest rotations ({ct}), h the middle ({ch}) and w only the slowest ({cw}): a few patches of width barely turn w’s pairs. Interleaving gives every axis the whole range (t {it}, h {ih}, w {iw}).',
  scoresTitle: 'q·k along each axis',
  offsetAxis: 'offset Δ along one axis',
  scoreAxis: 'q·k (mean cos)',
  scoresChunks:
    '{model}: the score of a query and a key Δ apart along one axis only, with q = k = all ones (the mean over that axis’s pairs of cos(Δ·f)). t swings within a few steps; w, on the slowest pairs, hardly moves over 96 patches (at Δ = {d}: t {t}, h {h}, w {w}).',
  scoresInterleaved:
    '{model}: the score of a query and a key Δ apart along one axis only, with q = k = all ones (the mean over that axis’s pairs of cos(Δ·f)). Interleaved, the three axes see nearly the same spectrum and fall alike (at Δ = {d}: t {t}, h {h}, w {w}).',
  visionTitle: 'The vision tower’s angle per patch and pair',
  visionRows: 'row × f_k',
  visionCols: 'column × f_k',
  visionTooMany: 'This image has {patches} patches: too many to draw one row each.',
  visionNote:
    '{model}’s vision tower ({head}-dimension heads, {pairs} pairs, θ 10⁴) rotates each patch by its own 2-D position, before any merging: the first {quarter} pairs by the patch’s row, the next {quarter} by its column (cos of the angle: blue +1, orange −1). Rows are the {patches} patches of a {h} × {w} frame in the order rot_pos_emb gives, merge block by merge block. Patch {patch}: pair 1 at {row} rad (row), pair {quarter} + 1 at {col} rad (column).',
  fluxTitle: 'FLUX’s axial spectrum beside the 1-D one',
  pairAxis: 'pair',
  fluxNote:
    'FLUX.1 splits its 128 rotary dimensions into axes of [{axes}] (EmbedND): each axis gets its own geometric spectrum starting again at wavelength 2π, so the 8-pair axis stops at {first} positions and each 28-pair axis at {other}. 1-D RoPE over the same 128 dimensions (dashed) reaches {flat}.',
};
