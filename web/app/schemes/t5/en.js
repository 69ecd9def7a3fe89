// T5's relative position buckets: the figure's English text (loaded only for an English figure).
export default {
  view: 'T5 relative buckets',
  title: 'T5: a learned bias per bucket of relative distance',
  bodyHtml:
    '<p>T5 (Raffel et al. 2020; T5 v1.0 and v1.1, Flan-T5, mT5, umT5) adds no position vector either. Every attention score of query i and key j gets <strong>one learned number per head</strong>, looked up by the <em>bucket</em> of the distance j − i. Half of a direction’s buckets hold the small distances exactly, one each; the other half cover the distances up to <code>max_distance</code> on a log scale; every distance beyond shares the last bucket. With the defaults (32 buckets, max_distance 128) a key 8 tokens back and one 9 back are told apart, 91 and 5,000 are not.</p><p>The encoder is <strong>bidirectional</strong>: keys before and after the query get buckets of their own, half the buckets each way. The decoder is <strong>unidirectional</strong>: every key after the query (masked anyway) shares bucket 0 with the query itself, and all the buckets go to the past. T5, Flan-T5 and mT5 learn the table (buckets × heads) once, in the first layer, which computes the bias and hands it to every later layer; umT5 learns a table in every layer over the same buckets. The buckets are computed as <code>T5Attention._relative_position_bucket</code> in Hugging Face transformers computes them, float32 arithmetic included.</p>',
  direction: 'direction',
  encoder: 'encoder (bidirectional)',
  decoder: 'decoder (unidirectional)',
  buckets: 'buckets',
  maxDistance: 'max_distance',
  distance: 'key distance back',
  bucketsTitle: 'The bucket of each relative position',
  bucketsNote:
    'Relative position j − i (key minus query), on a log scale both ways. Exact: distances 0 to {exactLast} have a bucket each. Log: {exact} to {logLast} share {logCount} buckets, wider and wider. Clamp: from {clampFrom} on, however far, bucket {last}.',
  bucketsNoteUni: ' Keys after the query (j > i) all share bucket 0, as the query itself does.',
  exactBand: 'exact',
  logBand: 'log',
  clampBand: 'clamp',
  relative: 'relative position j − i',
  bucket: 'bucket',
  gridTitle: 'The buckets of a short sentence',
  gridNote:
    'Row: the query token; column: the key token; each cell its bucket (the same number, the same learned bias). Blue: keys before the query; orange: keys after it.',
  sentence: 'The quick brown fox jumps over the lazy dog .',
  query: 'query',
  key: 'key',
  biasTitle: 'One head’s bias per bucket (a stand-in)',
  biasNote:
    'Stand-in values from a seeded random generator, shaped like a trained head (a preference for near keys): not T5’s trained weights, which are learned per head. Bucket {bucket}, the one of a key {distance} tokens back, is marked.',
  biasAxis: 'bias added to the score',
  apartTitle: 'What the model can no longer tell apart',
  apartNote:
    'The bias of that head against the relative position: flat inside each bucket, and flat for good past max_distance. A key {distance} tokens back is in bucket {bucket}, with every distance from {from} to {to}: the same bias, {bias}, so this term cannot tell them apart.',
  apartFar:
    'A key {distance} tokens back is in the last bucket, {bucket}, with every distance from {from} on, however long the text: by this bias a key {distance} back and one {far} back are the same.',
};
