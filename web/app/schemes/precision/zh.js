// 精度（float16、bfloat16）：图的中文文字（只有中文的图才加载）。
export default {
  view: '精度（float16、bfloat16）',
  title: '精度：float16 和 bfloat16 对位置做了什么',
  bodyHtml:
    '<p>模型用 16 位格式训练，而位置编码是最先出问题的地方。<strong>bfloat16</strong> 只有 8 位有效数字：只能精确表示到 256 的整数（之后步长为 2，……，2048 到 4096 之间步长 16，65,536 起步长 512）。<strong>float16</strong> 有 11 位：整数精确到 2048，4096 起步长为 4，超过 65,504 就无法表示。位置编号或角度存成这两种格式都会被舍入，相邻的位置可能得到<em>同一个</em>向量。</p><p>选择哪个量用低精度保存；其余一律精确（float64）。颜色：每一对的正弦误差和余弦误差中较大的那个，用对数刻度。</p>',
  encoding: '编码',
  sinusoidal: '正弦编码，d_model 128',
  rope: 'RoPE，头维度 128，θ 10⁴',
  ropeLong: 'RoPE，头维度 128，θ 5·10⁵',
  format: '格式',
  stage: '用该格式保存的量',
  positions: '位置编号',
  frequencies: '频率 ω（inv_freq）',
  angles: '角度 p·ω',
  outputs: '输出 sin、cos',
  range: '位置数',
  heatTitle: '每个位置、每一对的误差',
  heatHowto:
    '拖动平移，滚轮或双指缩放，双击复原；键盘：+ 和 − 缩放，← 和 → 平移，0 复原。轻触或悬停查看一个格子。',
  pairAxis: '第 i 对',
  positionAxis: '位置',
  colourLow: '误差 ≤ 10⁻⁸',
  colourHigh: '2（正弦、余弦都错）',
  sampled: '位置 {first} … {last}：每列像素覆盖 {per} 个位置，显示其中均匀取的 {samples} 个位置的最大误差。',
  exact: '位置 {first} … {last}：每个位置都画出。',
  cell: '位置 {position}，第 {pair} 对（ω = {omega}）：误差 {error}。',
  summary:
    '位置 {first} … {last} 中：最大误差 {max}；误差首次超过 10⁻³ 的位置 {bad}；{count} 个位置只剩 {distinct} 个不同的向量。',
  summaryCapped: '（只统计窗口中前 {count} 个位置：引擎的上限是 {cap} 个值。）',
  none: '无',
  collapseTitle: '共用同一个向量的位置',
  collapseNone: '这个范围内没有两个位置共用一个向量。',
  collapseLead: '有 {groups} 个向量被两个或更多位置共用。最前面的几组：',
  group: '{list}（{size} 个位置）',
  collapseMarks: '热图上方的红色刻度标出了这些组。',
  stepsTitle: '一对的角度在各格式中的误差',
  stepsNote:
    '第 {pair} 对（ω = {omega}）的角度 p·ω 用各格式保存：点是舍入误差 |round(p·ω) − p·ω|，线是该格式间距的一半，即舍入可能造成的最大误差。误差随角度一级一级地增长；精确的值（误差为 0）不画。float16 到 65,504 为止：超过之后角度成了无穷大。',
  pair: '第几对',
  angleError: '角度误差（弧度）',
  frameworksTitle: '各框架怎么应对',
  idsTitle: '位置编号保持整数',
  idsNote:
    '在算出角度之前，位置编号一直是 int64。若转成 bfloat16，4,096 个位置只剩 {bf16} 个不同的向量（float16 为 {fp16}）：锯齿就是 round(p) − p。',
  invTitle: 'inv_freq 和 cos/sin 表用 float32 计算，关闭 autocast',
  invNote:
    'Hugging Face 在 torch.autocast(enabled=False) 中用 float32 计算 inv_freq @ position_ids，代码注释写道：强制使用 float32，因为 bfloat16 在长上下文中会损失精度（transformers PR 29285）。若 inv_freq 用 bfloat16，RoPE 在位置 4095 的输出最多偏差 {max}；用 float32 时为 {f32}。',
  bigTitle: '位置很大时用 float64',
  bigNote:
    'float32 也不是永远够用：它在 10⁶ 附近的间距是 0.0625，所以用 float32 算出的角度 p·ω 到位置 10⁶ 时最多偏差 {max} 弧度（各对中的最大值，抽样）。用 float64 计算 p·ω（本引擎就是这样做的），或者让位置保持较小，就能避免。',
  maxOverPairs: '各对中的最大误差',
  idError: 'round(p) − p',
};
