// 简体中文: the explorer page (index.html's shell, the Embed dialog, the figures' names). Keys ending
// in "Html" hold trusted, static markup; the others are plain text. {name} marks a value filled in at
// run time. The figures' own text is in each scheme folder (schemes/<name>/zh.js). Terms follow common
// usage: 位置编码 (position encoding), 位置嵌入 (position embedding), 词嵌入 (word embedding).
export default {
  'lang.name': '简体中文',
  'lang.label': '语言',
  'page.title': '位置编码：讲解与计算',
  'masthead.title': '位置编码：讲解与计算',
  'masthead.ledeHtml':
    '注意力机制本身不知道词的顺序：把词元打乱，它对每个词元算出的结果完全一样。因此 Transformer 会把一个位置向量 PE(pos) <strong>加</strong>到每个词元的嵌入上（是相加而不是拼接，所以 PE 的宽度与 <var>d_model</var> 相同）。最初的 Transformer（Vaswani 等，2017）用的是固定公式，而不是学习得到的权重：',
  'masthead.formulaHtml':
    'PE(pos, 2i) = sin(pos · ω<sub>i</sub>),PE(pos, 2i+1) = cos(pos · ω<sub>i</sub>),ω<sub>i</sub> = base<sup>−2i/d_model</sup>,base = 10000。',
  'masthead.engine':
    '第 1 到 7 节拆解这种正弦编码；第 8 到 15 节讲之后的模型用的方法：旋转位置编码（RoPE）、ALiBi、T5 的分桶相对偏置、视觉语言模型的三维位置编号（M-RoPE）、图像块的二维 sin-cos、把 RoPE 拉伸到更长的上下文、float16 和 bfloat16 对位置的影响，以及真实模型逐层 RoPE 的图谱；第 16 节识别你拖入的表格用的是哪种约定（文件不会离开你的电脑）。每个数字都由引擎（编译为 WebAssembly 的 C++）在你修改设置时实时计算；设置保存在页面地址里：复制地址即可分享完全相同的视图。',
  skip: '跳到图表',
  'messages.dismiss': '关闭',
  'footer.Html':
    '引擎：编译为 WebAssembly 的 C++20；命令行工具 <code>pe-export</code> 给出完全相同的数字。不同代码库的约定不同（排列方式、频率指数、位置偏移），设置中逐一展示。',
  'embed.title': '嵌入此图',
  'embed.iframe': '作为 iframe（任何网站、任何编辑器）：',
  'embed.element': '作为元素（一个 script 标签；同一页面的多个图共用一个引擎）：',
  'embed.copy': '复制',
  'embed.copied': '已复制。',
  'embed.close': '关闭',
  'embed.view': '要嵌入的视图',
  'embed.textOff': '不显示说明段落（text="off"）',
  'embed.posterTitle': '不能运行脚本的地方：一张海报图',
  'embed.posterHint':
    '适用于 Medium、Substack、GitHub README 以及会删掉脚本的编辑器：把图片和文章放在一起上传，再粘贴 HTML 或 Markdown；图片链接到可交互的图。把同样的 HTML 放进 <pe-explorer> 里，图在加载完成之前（以及脚本被禁用时）会先显示这张海报。',
  'embed.download': '下载海报（PNG）',
  'embed.posterHtml': '海报（HTML）：',
  'embed.posterMarkdown': '海报（Markdown）：',
  'view.all': '全部视图',
  'view.matrix': '编码矩阵',
  'view.periodicity': '周期性',
  'view.clock': '时钟',
  'view.relative': '相对位置',
  'view.learned': '可学习与固定',
  'view.tokens': '词与位置',
  'view.why': '为什么用正弦和余弦',
  'view.rope': '旋转位置编码（RoPE）',
  'view.context': '长上下文（RoPE 缩放）',
};
