import { launch, serve, openPage } from './harness.mjs';
const [, , prefix, width = '1280', scheme = 'light', hash = '', ids = ''] = process.argv;
const server = await serve();
const browser = await launch();
const { page, problems } = await openPage(browser, null, {
  viewport: { width: +width, height: 900 },
  colorScheme: scheme,
  reducedMotion: 'reduce',
  deviceScaleFactor: 1,
});
await page.goto(server.url + 'index.html' + hash);
await page.waitForSelector('body[data-ready="true"]');
await page.waitForTimeout(500);
for (const id of ids.split(','))
  if (id) await page.locator('#' + id).screenshot({ path: `${prefix}-${id}.png` });
if (!ids) await page.screenshot({ path: `${prefix}.png`, fullPage: true });
console.log('problems:', JSON.stringify(problems));
await browser.close();
await server.close();
