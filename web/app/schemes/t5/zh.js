// T5 的相对位置分桶：图的中文文字（只有中文的图才加载）。
export default {
  view: 'T5 相对位置分桶',
  title: 'T5：按相对距离分桶，每桶一个学到的偏置',
  bodyHtml:
    '<p>T5（Raffel 等，2020；T5 v1.0 与 v1.1、Flan-T5、mT5、umT5）同样不加位置向量。查询 i 与键 j 的每个注意力分数加上<strong>每个头一个学到的数</strong>，按距离 j − i 所在的<em>桶</em>查表得到。一个方向的桶里，一半精确地放小距离，一个距离一个桶；另一半按对数刻度覆盖到 <code>max_distance</code> 为止的距离；更远的距离全部共用最后一个桶。按默认设置（32 个桶，max_distance 128），向前 8 个词元的键和向前 9 个的能区分，向前 91 个和 5000 个的就不能了。</p><p>编码器是<strong>双向</strong>的：查询之前和之后的键各有自己的桶，两个方向各占一半。解码器是<strong>单向</strong>的：查询之后的键（反正会被掩码遮住）都与查询自身共用桶 0，全部桶都给过去的方向。T5、Flan-T5 和 mT5 只学一张表（桶数 × 头数），放在第一层：第一层算出偏置，再交给后面每一层重复使用；umT5 则在每一层各学一张表，分桶方式相同。这里的分桶与 Hugging Face transformers 中 <code>T5Attention._relative_position_bucket</code> 的计算完全一致，包括其中的 float32 运算。</p>',
  direction: '方向',
  encoder: '编码器（双向）',
  decoder: '解码器（单向）',
  buckets: '桶数',
  maxDistance: 'max_distance',
  distance: '键向前的距离',
  bucketsTitle: '每个相对位置所在的桶',
  bucketsNote:
    '相对位置 j − i（键减查询），两个方向都按对数刻度画。精确：距离 0 到 {exactLast} 各占一个桶。对数：{exact} 到 {logLast} 共用 {logCount} 个桶，越来越宽。截断：从 {clampFrom} 起，不论多远，都是桶 {last}。',
  bucketsNoteUni: '查询之后的键（j > i）都与查询自身一样落在桶 0。',
  exactBand: '精确',
  logBand: '对数',
  clampBand: '截断',
  relative: '相对位置 j − i',
  bucket: '桶',
  gridTitle: '一个短句的分桶',
  gridNote:
    '行：查询词元；列：键词元；每格是它的桶号（同一个号，同一个学到的偏置）。蓝色：查询之前的键；橙色：查询之后的键。',
  sentence: '那 只 敏捷 的 棕色 狐狸 跳过 了 懒 狗',
  query: '查询',
  key: '键',
  biasTitle: '一个头在每个桶上的偏置（示意值）',
  biasNote:
    '示意值来自固定种子的随机数，形状仿照训练过的头（偏爱近处的键）：不是 T5 训练得到的权重，真实权重每个头各学一组。图中标出的是桶 {bucket}，即向前 {distance} 个词元的键所在的桶。',
  biasAxis: '加到分数上的偏置',
  apartTitle: '模型再也分不清的距离',
  apartNote:
    '这个头的偏置随相对位置的变化：每个桶内是平的，过了 max_distance 就一直是平的。向前 {distance} 个词元的键落在桶 {bucket}，与 {from} 到 {to} 的每个距离相同：偏置都是 {bias}，所以这一项分不出它们。',
  apartFar:
    '向前 {distance} 个词元的键落在最后一个桶 {bucket}，与从 {from} 起的每个距离相同，不论文本多长：按这个偏置，向前 {distance} 个和向前 {far} 个的键是一样的。',
};
