// The rope figure's Chinese text (loaded only for a figure in that language; index.js draws it).
export default {
  title: '旋转位置编码（RoPE）',
  bodyHtml:
    '<p><strong>输入上什么也没有加。</strong>正弦位置编码在第一层之前把 PE(pos) 加到每个词元的嵌入上，只加一次。RoPE 则在每一层注意力内部旋转查询和键：q(m) = R(m·θ)·W<sub>q</sub>x，k(n) = R(n·θ)·W<sub>k</sub>x，逐对旋转，θ<sub>i</sub> = theta<sup>−2i/r</sup>。q 转 mθ、k 转 nθ 之后，q·k 只取决于 m − n。</p><p>Llama、Qwen、Mistral、Gemma、DeepSeek 和 GPT-NeoX 都用它。各家代码对<em>哪些</em>维度组成一对并不一致，移植权重时必须跟着调整。</p>',
  headDim: '头维度',
  theta: 'theta',
  rotary: '旋转的维度数',
  pairing: '配对方式（q·k 图）',
  halfName: '对半',
  interleavedName: '交错',
  position: '查询位置 m',
  pairsTitle: '哪些维度一起旋转',
  shown: '按 16 维的头画出（同色为同一对；灰色：不旋转）。',
  half: '对半配对 (i, i + r/2)',
  interleaved: '交错配对 (2i, 2i + 1)',
  who: '对半配对：GPT-NeoX、Llama、Hugging Face（rotate_half）。交错配对：GPT-J、RoFormer、Meta 的复数写法。',
  permute:
    '把权重从交错配对移植到对半配对：W_q 和 W_k 的行要移动，使 new[i] = old[2i]，new[i + {h}] = old[2i + 1]（i < {h}）。第 {r} 到 {last} 维不旋转（部分旋转），位置不变。',
  permuteFull:
    '把权重从交错配对移植到对半配对：W_q 和 W_k 的行要移动，使 new[i] = old[2i]，new[i + {h}] = old[2i + 1]（i < {h}）。',
  clocksTitle: '每一对都是一个时钟',
  clocksNote:
    '第 0 到 {count} 对，m = {m}：q 的指针（实线）在 m·θ_i，k 的指针（浅色）在 (m − 3)·θ_i。两者的夹角 3·θ_i 在任何 m 下都一样：所以只有距离起作用。快的对在相邻位置之间转很多圈，慢的几乎不动。',
  scoresTitle: 'q·k 只取决于距离',
  scoresNote:
    '一组固定的示例 q 和 k，键在 p、查询在 p + 距离，由引擎在 p = 0 和 p = {p} 处旋转后的 q·k：两条曲线重合（最大差 {diff}）。引擎在 10⁶ 以内四个绝对位置上对闭式解的检查：{check}。',
  at0: '键在 p = 0',
  atP: '键在 p = {p}',
  decayTitle: '远程衰减',
  decayNote:
    '当 q = k = (1, …, 1) 时，q·k = 2·Σ cos(d·θ_i) +（不旋转的维度），图中除以头维度，随距离 d 增大而带着起伏变小：远处的词元相互作用更弱，这是 RoPE 自带的先验。',
  distance: '距离 m − n',
  score: 'q·k',
  tableTitle: 'Hugging Face 构建的 cos 表，一直到一百万个位置',
  tablePositions: '位置数',
  tableNote:
    '纵向是位置 0 … {last}，横向是表的 {rotary} 列（cat(freqs, freqs)：每一对出现两次）。由引擎按画布分辨率绘制：每个像素是它覆盖的 {per} 个位置的精确平均值（闭式公式，不生成 位置数 × {rotary} 的表），所以快的对平均成灰色，只有慢的对保留条纹。',
};
