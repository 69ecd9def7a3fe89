// Long context: the figure's Chinese text (loaded only for a Chinese figure).
export default {
  title: '长上下文：把 RoPE 拉伸到训练长度之外',
  bodyHtml:
    '<p>在 L 个位置上训练的模型，每一对只见过 L·ω<sub>i</sub> 以内的角度。快的对在 L 之内转了很多圈，任何角度都见过；慢的对连一圈都没转完，超过 L 之后会出现从未见过的角度。这就是直接外推失败的原因，也是所有方法都<strong>对慢的对做插值</strong>（把频率除以某个因子）、而保留快的对的原因：位置插值把所有对都除；NTK-aware 缩放增大 θ；YaRN 和 Llama 3 按对在两者之间过渡；LongRoPE 为每一对使用搜索出来的因子。</p><p>下面的数字与 Hugging Face transformers 的 <code>modeling_rope_utils.py</code> 一致，并按该库的方式读取模型配置。</p>',
  preset: '模型',
  custom: '粘贴的配置',
  pasteLabel: '或者粘贴一个模型的 config.json',
  read: '读取这个配置',
  summary:
    '{type}：头维度 {head}（旋转 {rotary} 维，{pairs} 对），θ = {theta}；训练长度 {train}，扩展到 {target}（×{factor}）；注意力缩放 {scale}。',
  noWarnings: '这个配置里没有已知的陷阱。',
  warningsTitle: '警告',
  wavelengthTitle: '每一对的波长与训练长度',
  wavelengthNote:
    '每一对的波长 2π/ω，默认的和缩放后的。波长超过训练长度（{train}）的对在训练中一圈都没转完。{bands}',
  bandsYarn:
    'YaRN：第 {low} 对之前保持原频率（外推），第 {high} 对之后除以因子（插值），两者之间按斜坡过渡。',
  bandsLlama: 'Llama 3：波长小于 {low} 的保持原频率，大于 {high} 的除以因子，两者之间平滑过渡。',
  bandsNone: '',
  ratioTitle: '各方法的新逆频率与默认值之比',
  ratioNote:
    '因子 {factor} 时每一对的 ω′/ω：1 表示不变，1/{factor} 表示完全插值。位置插值把每一对都除（包括快的对，使相邻位置变模糊）；NTK 与动态 NTK 增大 θ（一条平滑曲线）；YaRN 和 Llama 3 让快的对完全不变。',
  angleTitle: '训练中见过的最大角度与新长度处的角度',
  angleNote:
    '标记的是会出现训练中从未见过的角度的对（在 {train} 个位置内没转满一圈，而在 {target} 处角度更大）。不缩放：{plain} 对。{type}：{scaled} 对。',
  scoresTitle: '各方法的 q·k 随距离的变化',
  scoresNote:
    'q = k = (1, …, 1)，旋转后的 q·k 除以距离 0 处的值，画到距离 {distance}{capped}；每个像素显示它覆盖的距离上的平均值。虚线是训练长度。',
  scoresCapped: '（这是引擎对该头维度的上限；新长度是 {target}）',
  targetCapped: '{target}（引擎的最大位置；模型本身的长度 {wanted} 超出了它）',
  temperatureTitle: '注意力温度',
  temperatureYarn:
    '这个配置把 cos 和 sin 乘以 {scale}，所以每个 q·k logit 乘以 {scale2}：256 个键上的 softmax 变得更尖锐，熵从 {before} 降到 {after} 奈特。YaRN 这样做，是因为在多得多的键上做注意力会变得更平。',
  temperatureNone: '这种方法不改变温度（注意力缩放为 1）。',
  defaultFreq: '默认',
  scaled: '这个配置',
  none: '不缩放',
  pair: '第 i 对',
  wavelength: '波长（位置数）',
  ratio: 'ω′ / ω',
  angle: '角度（弧度）',
  trainAngle: '训练中的最大角度',
  plainAngle: '新长度处，不缩放',
  scaledAngle: '新长度处，这个配置',
  distance: '距离 m − n',
  score: 'q·k / q·k(0)',
  weight: 'softmax 权重',
  key: '键（距离）',
  withTemperature: '带注意力缩放',
  withoutTemperature: '不带',
  unseen: '训练中从未见过的角度',
  trainLine: '训练长度',
  targetLine: '新长度',
  // the presets' names (presets.js)
  preset_llama2: 'Llama 2 7B（默认）',
  preset_pi: 'LLaMA 7B + 位置插值 ×16（linear）',
  preset_ntk: 'Llama 2 7B + NTK-aware ×4（ntk）',
  preset_dynamic: 'Llama 2 7B + 动态 NTK ×2（dynamic）',
  preset_llama31: 'Llama 3.1 8B（llama3）',
  preset_qwen25: 'Qwen2.5 7B Instruct + YaRN ×4（yarn）',
  preset_deepseekv3: 'DeepSeek-V3（yarn，mscale）',
  preset_phi35: 'Phi-3.5 mini（longrope）',
};
