// The settings test's values for this view that the table and the markup cannot give
// (tests/web/settings.test.mjs derives the others: the model). Not loaded by the page.

/** A prompt with an image and a video (every figure that follows the prompt changes), and a token
 *  inside it. */
export const values = { segments: 'text:2,image:1x4x6,text:3,video:2x4x4:1:2', token: '5' };

/** [setting, value, the message]: prompts the engine refuses (a token before the first is derived). */
export const bad = [
  // a grid side must be whole merge blocks
  [
    'segments',
    'image:1x5x4',
    /^segments: segments\[0\]\.image\[1\] \(h\) \(spatialMergeSize 2\) must be a multiple of 2; got 5; using segments = text:4,image:1x12x16,text:3,video:4x8x8:1:2,text:3$/,
  ],
  [
    'segments',
    'picture:3',
    /^segments: segments must be text:N, image:TxHxW or video:TxHxW.*; got "picture:3"/,
  ],
];
