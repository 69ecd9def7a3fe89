import { launch, serve, openPage } from './harness.mjs';
const [, , prefix, width = '1280', scheme = 'light', hash = '', ids = 'view-matrix'] = process.argv;
const server = await serve();
const browser = await launch();
const { page, problems } = await openPage(browser, null, {
  viewport: { width: +width, height: 800 },
  colorScheme: scheme,
  reducedMotion: 'reduce',
  deviceScaleFactor: 1,
});
await page.goto(server.url + 'index.html' + hash);
await page.waitForSelector('body[data-ready="true"]');
const box = await page.locator('canvas.overlay').boundingBox();
await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
for (const id of ids.split(',')) await page.locator('#' + id).screenshot({ path: `${prefix}-${id}.png` });
console.log('problems:', JSON.stringify(problems));
await browser.close();
await server.close();
