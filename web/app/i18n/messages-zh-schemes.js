// 各方案文件夹自己的引擎消息（cpp/schemes/<name>/messages.hpp）。每个引擎分块只带它的 wasm 里
// 有英文原文的那些（build-scripts/bundle.mjs 按引擎筛选），其余方案的消息不随它下载。
export default {
  'engine.at_least': '{name} 必须是不小于 {min} 的有限数；收到 {got}',
  'engine.required_for': 'rope_type 为 “{type}” 时必须给出 {name}',
  'engine.at_least_for': 'rope_type 为 “{type}” 时 {name} 至少为 {min}；收到 {got}',
  'engine.sum_mismatch': '{name} 之和必须是 {expected}（headDim / 2）；收到 {got}',
  'engine.tokens_cap': '{name} 排出 {got} 个词元；上限是 {max}',
  'engine.position_id_cap': '{name} 会让位置编号达到 {got}；上限是 {max}（int32）',
  'engine.bad_json': '{name} 不是有效的 JSON：{reason}',
  'engine.required_or': '必须提供 {name}（或 {alternative}）',
  'engine.no_rope':
    '这个配置没有 RoPE：没有 rope_theta、rope_scaling 或 rope_parameters，model_type {got} 也不属于使用 RoPE 的模型',
  'engine.warn_text_config': '读取了 text_config：这个配置把语言模型的设置放在那里',
  'engine.warn_default_theta': '没有 rope_theta：使用库的默认值 {theta}',
  'engine.warn_theta_inside':
    'rope_theta（{theta}）只在 rope_parameters 里：只读顶层 rope_theta 的加载器会改用 10000',
  'engine.warn_theta_twice': 'rope_theta 不一致：rope_parameters 里是 {inner}，顶层是 {top}；库使用 {inner}',
  'engine.warn_unknown_key': 'rope_scaling 的键 “{key}” 不参与 RoPE 计算：已忽略',
  'engine.warn_legacy_type':
    'rope_scaling 写的是 "type": "{type}"（旧键名）：transformers 把它当作 rope_type，但只认 rope_type 的加载器会完全不做缩放',
  'engine.warn_llama3_dropped':
    'rope_type llama3：早于 transformers 4.43 的加载器会悄悄丢掉这种缩放，超过原始上下文后输出变差（有报告称约 29K 词元后成了乱码）',
  'engine.warn_dynamic_cache':
    'rope_type dynamic：频率随序列长度变化，所以 KV 缓存里已有的键和新的查询是用不同频率旋转的',
  'engine.warn_yarn_original':
    'YaRN 没有 original_max_position_embeddings：库假定 max_position_embeddings 就是 YaRN 之前的长度',
  'engine.warn_yarn_ratio':
    'YaRN：factor = {factor}，但 max_position_embeddings / original_max_position_embeddings = {ratio}；当前的库（transformers c49429ed）按 factor 计算，v4.53.0 按这个比值计算',
  'engine.warn_mscale_all_dim':
    '设置了 mscale_all_dim：旋转编码的注意力因子是两个 mscale 之比（{ratio}）；DeepSeek 的注意力代码还会把 softmax 的缩放乘以 (0.1 × mscale_all_dim × ln(factor) + 1)² = {extra}，移植时常被漏掉或乘了两次',
  'engine.warn_su': 'rope_scaling 的 type "su" 是 Phi-3 早期对 LongRoPE 的叫法：按 longrope 读取',
  'engine.warn_class_default': '这个配置里没有 {key}：与库一样，使用 {class} 的默认值 {value}',
  'engine.warn_ignored_key': '{class} 不读取 {key}（模型自带的远程代码可能会读）：已忽略',
  'engine.warn_llama3_step':
    'llama3 的 low_freq_factor = high_freq_factor = {factor}：两个波长之间没有过渡带；库把波长大于 {wavelength} 的频率除以 factor，其余不变，是一个干净的台阶',
  'engine.warn_yarn_equal_betas':
    'YaRN 的 beta_fast = beta_slow = {beta}：斜坡宽度为零；库把它加宽 0.001，成为保留的频率对与除以 factor 的频率对之间的台阶',
  'engine.layer_types_entry': '{name}[{index}] 必须是 {allowed} 之一；收到 {got}',
  'engine.file_kind': '{name}：不是 .npy 或 .safetensors 文件（开头 {got}）',
  'engine.file_short': '{name}：文件有 {size} 字节；需要 {need}',
  'engine.file_field': '{name}（{format} 文件头）必须是 {expected}；收到 {got}',
  'engine.file_overlap': '{name}：张量 {first} 与 {second} 重叠（字节 {begin} 到 {end}）',
  'engine.header_cap': '{name}：文件头 {got} 字节；上限 {max}',
  'engine.table_dims': '{name}：长度大于 1 的维度最多 2 个（或 2 x positions x d）；收到 {got}',
  'engine.tensor_choice': '{name}：文件有 {count} 个张量（{names}）；请指定一个',
  'engine.tensor_missing': '{name}：没有张量 “{got}”；文件里有 {names}',
  'engine.bfloat16_flag': '{name}：uint16 数据（{got}）；若是 bfloat16 请传 bfloat16: true',
  'engine.against_kind': '{name} 必须是 ropeFromConfig 的层类型或正弦编码选项；收到 {got}',
  'engine.id_pairing': '配对：表按 {got} 配对，参考按 {want}。修正：{fix} 构造 cos/sin',
  'engine.id_theta': 'theta：表是 {got}，参考是 {want}（{ratio} 倍）。修正：rope_theta {want}',
  'engine.id_scaling_missing': '缩放：参考有 {type} x{factor}，表没有。修正：读取 rope_scaling',
  'engine.id_scaling_extra': '缩放：表有 {type} x{factor}，参考没有',
  'engine.id_scaling_differs': '缩放：表是 {got} x{factor}，参考是 {want} x{wantFactor}',
  'engine.id_offset': '偏移：表从位置 {got} 开始，参考从 {want}。修正：从 {want} 开始',
  'engine.id_layout': '排布：表是 {got}，参考是 {want}',
  'engine.id_frequencies': '指数：表是 {got}（底数 {gotBase}），参考是 {want}（底数 {wantBase}）',
  'engine.id_base': '底数：表是 {got}，参考是 {want}',
  'engine.id_odd': '奇数宽度：表的最后一列是 {got}，参考是 {want}',
  'engine.id_precision': '精度：每个值都是 {format}（误差 {error}，由 {format} 解释）',
  'engine.id_inv_freq_rounded':
    'inv_freq 被舍入成 {format}（相对误差最多 {error}）。修正：用 float32 算 inv_freq',
  'engine.id_rows_stop': '行：表在第 {row} 行停止，共 {rows} 行（其后 {zeros} 行为零）',
  'engine.id_zero_rows': '行：表内有 {count} 行为零，第一行是 {row}（填充行）',
  'engine.id_few_rows': '{rows} 行只能把 theta 确定到 {resolution}（相对）；{need} 行可到 1e-3',
  'engine.id_same_table': '{other}、底数 {otherBase} 给出同一张表（都从 1 起等比）；底数 {base} 是惯用读法',
  'engine.id_attention_scaling': '幅度：表达到 {got}，参考的缩放是 {want}',
  'engine.id_undetermined': '{rows} x {cols}：确定不了任何频率（各列为常数或行太少）',
  'engine.id_no_match': '没有约定能在 {tolerance} 内符合（最近：{best}，误差 {error}）',
  'engine.warn_ntk':
    'rope_type "ntk" 是本引擎对固定 NTK-aware 规则的叫法；transformers 没有这个 rope_type（配置里通常直接改 rope_theta）',
};
