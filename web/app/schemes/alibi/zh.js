// ALiBi：图的中文文字（只有中文的图才加载）。
export default {
  view: 'ALiBi 线性偏置',
  title: 'ALiBi：用线性偏置代替位置向量',
  bodyHtml:
    '<p>ALiBi（Press 等，2022；BLOOM、MPT）在任何地方都不加位置向量。每个注意力头给查询 i 和键 j 的分数加上 <strong>−slope · (i − j)</strong>：键越靠前，分数越低，下降速度每个头固定。斜率是等比数列：8 个头时为 1/2, 1/4, …, 1/256。</p><p>头数不是 2 的幂时，参考代码先取较小的那个 2 的幂的斜率，再隔一个取下一个 2 的幂的斜率（12 个头：8 个头的 8 个斜率，再加 0.7071、0.3536、0.1768、0.0884）。有好几个库把这条规则写错了。</p>',
  heads: '头数',
  length: '序列长度',
  query: '查询位置 i',
  slopesTitle: '每个头的斜率',
  slopesNote: '{heads} 个头：{rule}',
  rulePower: '是 2 的幂：斜率为 2^(−8/{heads})、2^(−16/{heads})、…',
  ruleOther:
    '不是 2 的幂：先取 {lower} 个头的 {lower} 个斜率，再隔一个取 {upper} 个头的斜率（再加 {extra} 个）。',
  matricesTitle: '每个头的偏置（行是查询，列是键）',
  matricesNote:
    '黄色：没有惩罚；深蓝：惩罚大；对角线上方空白：因果掩码（−∞）。陡的头只看最近几个词元，平缓的头能看得很远。',
  attentionTitle: '一个查询的注意力，第 {head} 个头',
  attentionNote:
    '当所有内容分数相等时，对键 0 … {i} 做 softmax，只剩偏置起作用。没有偏置时每个键得到 1/{count}。加上 −slope·(i − j) 后权重随距离下降。BLOOM 改加 slope·j，两者相差 −slope·i，对这个查询的所有键都一样，所以 softmax 相同：最大差 {diff}。',
  noBias: '没有偏置',
  withBias: 'ALiBi −slope·(i − j)',
  bloom: 'BLOOM slope·j',
  key: '键位置 j',
  weight: '注意力权重',
  headLabel: '头',
};
