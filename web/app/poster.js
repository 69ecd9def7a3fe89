// A poster of a figure, for hosts that strip <script> (Medium, Substack, many CMSs, GitHub READMEs) and
// for <pe-explorer> to show until its engine is ready: the view's title, its canvases as the reader sees
// them (stacked, at the screen's resolution), and where the live figure is. A PNG, made in the browser
// from the page's own drawing: nothing is rendered twice, nothing leaves the page.

/** The poster of `section` (a view's <section>) as a PNG blob, drawn into `poster` (a new canvas unless
 *  given: the Embed dialog passes its preview, which needs no blob: URL, so no CSP img-src).
 *  title: the heading; link: the live figure's address (printed at the bottom). */
export async function posterOf(section, { title, link, caption }, poster = document.createElement('canvas')) {
  const canvases = [...section.querySelectorAll('canvas')].filter((c) => c.width > 1 && c.clientWidth > 0);
  const style = getComputedStyle(section);
  const colour = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  const scale = Math.min(window.devicePixelRatio || 1, 3);
  const pad = 16;
  const gap = 10;
  const width = Math.max(320, ...canvases.map((c) => c.clientWidth)) + 2 * pad;
  const height =
    pad + 30 + canvases.reduce((sum, c) => sum + c.clientHeight + gap, 0) + (caption ? 22 : 0) + 22 + pad;
  poster.width = Math.round(width * scale);
  poster.height = Math.round(height * scale);
  const ctx = poster.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = colour('--surface', '#ffffff');
  ctx.fillRect(0, 0, width, height);
  const font = style.fontFamily || 'sans-serif';
  ctx.fillStyle = colour('--fg', '#1b1f24');
  ctx.font = `600 18px ${font}`;
  ctx.textBaseline = 'top';
  ctx.fillText(title, pad, pad, width - 2 * pad);
  let y = pad + 30;
  for (const canvas of canvases) {
    ctx.drawImage(canvas, pad, y, canvas.clientWidth, canvas.clientHeight);
    y += canvas.clientHeight + gap;
  }
  ctx.fillStyle = colour('--muted', '#57606a');
  ctx.font = `13px ${font}`;
  if (caption) {
    ctx.fillText(caption, pad, y, width - 2 * pad);
    y += 22;
  }
  ctx.fillText(link, pad, y, width - 2 * pad);
  return new Promise((resolve, reject) =>
    poster.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the poster could not be encoded'))),
      'image/png',
    ),
  );
}

/** The snippets that show a poster and link to the live figure: HTML and Markdown. `file` is the name
 *  the poster is saved under (the reader uploads it next to the post). */
export function posterSnippets({ file, link, alt }) {
  const text = alt.replace(/["<>&]/g, (c) => ({ '"': '&quot;', '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]);
  return {
    html: `<a href="${link}"><img src="${file}" alt="${text}"></a>`,
    markdown: `[![${alt.replace(/[[\]]/g, '')}](${file})](${link})`,
  };
}
