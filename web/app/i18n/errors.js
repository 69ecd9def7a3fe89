// Messages from the engine and the page's checks are written in English, in a handful of fixed shapes.
// In another language they are rebuilt from those shapes; a message that matches none is shown as is.

const NAMES = {
  d_model: 'd_model',
  positions: '位置数',
  position: '位置',
  start: '起始位置',
  'offset k': '偏移量 k',
  offset: '偏移量',
  max_len: 'max_len',
  count: '数量',
  dims: '维度',
  width: '宽度',
  height: '高度',
  scale: '缩放系数',
  layout: '排列方式',
  frequencies: '频率',
  map: '配色',
  method: '方法',
  format: '格式',
  speed: '速度',
  proj: '投影',
  withpe: 'withpe',
};
const name = (text) => NAMES[text] || text;

const RULES = [
  [
    /^(.+) must be an integer from (\S+) to (\S+); got (.*)$/,
    (m) => `${name(m[1])} 必须是 ${m[2]} 到 ${m[3]} 之间的整数；收到 ${m[4] === 'nothing' ? '空值' : m[4]}`,
  ],
  [
    /^base must be a finite number greater than 1; got (.*)$/,
    (m) => `底数 base 必须是大于 1 的有限数；收到 ${m[1]}`,
  ],
  [/^(\S+) must be one of (.+); got (.*)$/, (m) => `${name(m[1])} 必须是 ${m[2]} 之一；收到 ${m[3]}`],
  [
    /^positions x d_model must be at most (\d+) values \(64 MiB of float32\); got (.*)$/,
    (m) => `位置数 × d_model 最多为 ${m[1]} 个值（float32 共 64 MiB）；收到 ${m[2]}`,
  ],
  [
    /^start \+ positions - 1 must be at most (\S+); got (.*)$/,
    (m) => `起始位置 + 位置数 − 1 最大为 ${m[1]}；收到 ${m[2]}`,
  ],
  [
    /^position (\S+) has no row: a learned table with max_len = (\d+) has rows 0 to (\d+)$/,
    (m) => `位置 ${m[1]} 没有对应的行：max_len = ${m[2]} 的可学习表只有第 0 到 ${m[3]} 行`,
  ],
  [/^enter a number; got "(.*)"$/, (m) => `请输入一个数字；收到 “${m[1]}”`],
  [
    /^dimensions must be integers from 0 to (\d+); got (.*)$/,
    (m) => `维度必须是 0 到 ${m[1]} 之间的整数；收到 ${m[2]}`,
  ],
  [/^pick at most 8 dimensions; got (\d+)$/, (m) => `最多选 8 个维度；收到 ${m[1]} 个`],
  [
    /^dims must list 1 to (\d+) dimensions from 0 to (\d+)$/,
    (m) => `dims 必须列出 1 到 ${m[1]} 个 0 到 ${m[2]} 之间的维度`,
  ],
  [
    /^scale must be a number from 0 to 100; got (.*)$/,
    (m) => `缩放系数必须是 0 到 100 之间的数；收到 ${m[1] === 'nothing' ? '空值' : m[1]}`,
  ],
  [
    /^the sentence must be at most (\d+) characters(?:; got (\d+))?$/,
    (m) => `句子最多 ${m[1]} 个字符${m[2] ? `；收到 ${m[2]} 个` : ''}`,
  ],
  [/^text is not valid UTF-8 at byte (\d+)$/, (m) => `文本在第 ${m[1]} 字节处不是有效的 UTF-8`],
  [/^(\S+): "(.*)" is not a number; using the default$/, (m) => `${m[1]}：“${m[2]}” 不是数字；已使用默认值`],
  [
    /^(\S+): "(.*)" is not a list of numbers; using the default$/,
    (m) => `${m[1]}：“${m[2]}” 不是数字列表；已使用默认值`,
  ],
  [/^ignored unknown setting "(.*)"$/, (m) => `已忽略未知的设置 “${m[1]}”`],
  [
    /^ignored a setting that is not valid URL encoding: "(.*)"$/,
    (m) => `已忽略一个不是有效 URL 编码的设置：“${m[1]}”`,
  ],
  [/^zoom must be row0,rows,col0,cols inside the matrix$/, () => 'zoom 必须是矩阵内的 row0,rows,col0,cols'],
  [/^A view could not be drawn: (.*)$/, (m) => `有一个视图无法绘制：${m[1]}`],
];

/** The message in Chinese if its shape is known; "…; using key = value" suffixes are kept apart. */
export function localizeError(message) {
  const [main, ...rest] = String(message).split('; using ');
  let out = main;
  for (const [pattern, build] of RULES) {
    const m = main.match(pattern);
    if (m) {
      out = build(m);
      break;
    }
  }
  if (rest.length) out += `；已使用 ${rest.join('; using ')}`;
  return out;
}
