// English strings of the explorer page (index.html's shell, the Embed dialog, the figures' names).
// Keys ending in "Html" hold trusted, static markup (written here, never from input); the others are
// plain text. {name} marks a value filled in at run time. The figures' own text is in each scheme
// folder (schemes/<name>/en.js).
export default {
  'lang.name': 'English',
  'page.title': 'Position encodings, explained and computed',
  'masthead.title': 'Position encodings, explained and computed',
  'masthead.ledeHtml':
    "Attention by itself does not know word order: shuffle the tokens and it computes the same thing for each. A Transformer therefore <strong>adds</strong> a position vector PE(pos) to each token's embedding (added, not concatenated, so PE has the same width <var>d_model</var>). The original Transformer (Vaswani et al. 2017) uses a fixed formula, not learned weights:",
  'masthead.formulaHtml':
    'PE(pos, 2i) = sin(pos · ω<sub>i</sub>), PE(pos, 2i+1) = cos(pos · ω<sub>i</sub>), ω<sub>i</sub> = base<sup>−2i/d_model</sup>, base = 10000.',
  'masthead.engine':
    "Sections 1 to 7 take this sinusoidal encoding apart; 8 to 15 cover what models use since: rotary encoding (RoPE), ALiBi, T5's bucketed relative bias, the three position ids of vision-language models (M-RoPE), 2-D sin-cos for image patches, stretching RoPE to longer contexts, what float16 and bfloat16 do to positions, and an atlas of real models' RoPE, layer by layer; 16 names the convention of a table you drop on it (it stays on your machine). Every number is computed by the engine (C++ compiled to WebAssembly) as you change the settings, which live in the page's address: copy it to share exactly this view.",
  skip: 'Skip to the figures',
  'messages.dismiss': 'Dismiss',
  'footer.Html':
    'Engine: C++20 compiled to WebAssembly; the same numbers come from the command-line tool <code>pe-export</code>. Conventions differ between codebases (layout, frequency exponent, position offset); the settings show each.',
  'embed.title': 'Embed this figure',
  'embed.iframe': 'As an iframe (any site, any editor):',
  'embed.element': 'As an element (one script tag; several figures share one engine):',
  'embed.copy': 'Copy',
  'embed.copied': 'Copied.',
  'embed.close': 'Close',
  'embed.view': 'View to embed',
  'embed.textOff': 'Without the explanatory paragraphs (text="off")',
  'embed.posterTitle': 'Where no script may run: a poster',
  'embed.posterHint':
    'For Medium, Substack, GitHub READMEs and editors that strip scripts: upload the picture next to your post and paste the HTML or Markdown; it links to the live figure. The same HTML inside <pe-explorer> is shown until the figure is live, and where scripts are off.',
  'embed.download': 'Download the poster (PNG)',
  'embed.posterHtml': 'Poster as HTML:',
  'embed.posterMarkdown': 'Poster as Markdown:',
  'view.all': 'all views',
  'view.matrix': 'the encoding matrix',
  'view.periodicity': 'periodicity',
  'view.clock': 'clocks',
  'view.relative': 'relative position',

  'lang.label': 'Language',
  'view.learned': 'learned vs. fixed',
  'view.tokens': 'word + position',
  'view.why': 'why sin and cos',
  'view.rope': 'rotary (RoPE)',
  'view.context': 'long context (RoPE scaling)',
};
