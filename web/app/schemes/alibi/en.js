// ALiBi: the figure's English text (loaded only for an English figure).
export default {
  view: 'ALiBi',
  title: 'ALiBi: linear biases instead of position vectors',
  bodyHtml:
    '<p>ALiBi (Press et al. 2022; BLOOM, MPT) adds no position vector anywhere. Each attention head adds <strong>−slope · (i − j)</strong> to the score of query i and key j: the further back a key, the lower its score, at a rate fixed per head. Slopes are geometric: for 8 heads 1/2, 1/4, …, 1/256.</p><p>For a head count that is not a power of two the reference code takes the slopes of the closest lower power of two, then every other slope of the next power (12 heads: the 8 slopes of 8 heads, then 0.7071, 0.3536, 0.1768, 0.0884). Several libraries got this rule wrong.</p>',
  heads: 'heads',
  length: 'sequence length',
  query: 'query position i',
  slopesTitle: 'Slope per head',
  slopesNote: '{heads} heads: {rule}',
  rulePower: 'a power of two: slopes 2^(−8/{heads}), 2^(−16/{heads}), …',
  ruleOther:
    'not a power of two: the {lower} slopes of {lower} heads, then every other slope of {upper} heads ({extra} more).',
  matricesTitle: 'The bias of every head (query rows, key columns)',
  matricesNote:
    'Yellow: no penalty; dark blue: a strong penalty; blank above the diagonal: the causal mask (−∞). Steep heads look only at the last few tokens; shallow ones see far back.',
  attentionTitle: 'One query’s attention, head {head}',
  attentionNote:
    'Softmax over keys 0 … {i} when every content score is equal, so only the bias speaks. Without a bias every key gets 1/{count}. With −slope·(i − j) the weight falls off with distance. BLOOM adds slope·j instead, which differs by −slope·i, the same for every key of this query, so the softmax is the same: largest difference {diff}.',
  noBias: 'no bias',
  withBias: 'ALiBi −slope·(i − j)',
  bloom: 'BLOOM slope·j',
  key: 'key position j',
  weight: 'attention weight',
  headLabel: 'head',
};
