// Screenshots for looking at a view as a reader would (not a test):
//   node tests/web/shot.mjs '<html with SERVER/ for dist/>' out.png [width]
//   node tests/web/shot.mjs 'index.html#...' out.png [width]      (a page of dist/)
// Waits until every <pe-explorer> (or the page) says ready; prints the console errors it saw.
import { launch, openPage, serve } from './harness.mjs';

const [, , what, out, width = '1280'] = process.argv;
const server = await serve();
const browser = await launch();
const { page, problems } = await openPage(browser, null, { viewport: { width: Number(width), height: 900 } });
if (what.trim().startsWith('<')) await page.setContent(what.replaceAll('SERVER/', server.url));
else await page.goto(server.url + what);
await page.waitForFunction(
  () => {
    const figures = [...document.querySelectorAll('pe-explorer')];
    return figures.length
      ? figures.every((e) => e.dataset.ready === 'true')
      : document.body.dataset.ready === 'true';
  },
  null,
  { timeout: 60_000 },
);
await page.screenshot({ path: out, fullPage: true });
console.log(problems.length ? problems.join('\n') : 'no console errors');
await browser.close();
server.close();
