// The blog engines people use, each with its real generator from Debian's packages (setup.sh installs
// hugo, jekyll and mkdocs): the sample sites in web/examples/{hugo,jekyll,mkdocs} are built with the
// element's files copied in as a blogger would, served under the strict CSP, and opened in Chromium:
// every figure draws, with no console error and no CSP violation. For MkDocs, a page swapped in
// without a reload (what themes with instant navigation do) starts its figure too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DIST, launch, openPage, serve } from './harness.mjs';

const EXAMPLES = path.resolve(DIST, '../web/examples');
let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** Copies web/examples/<name> to a temporary folder, with dist's element files in `assets` (and a
 *  favicon at the site's root, as any real site has: a missing one is a 404 in the console). */
function prepare(name, assets, root = '.') {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `pe-${name}-`));
  const site = path.join(tmp, name);
  fs.cpSync(path.join(EXAMPLES, name), site, { recursive: true });
  fs.mkdirSync(path.join(site, assets), { recursive: true });
  for (const file of fs.readdirSync(DIST).filter((f) => /^pe-explorer.*\.js$/.test(f))) {
    fs.copyFileSync(path.join(DIST, file), path.join(site, assets, file));
  }
  fs.copyFileSync(path.join(DIST, 'favicon.svg'), path.join(site, root, 'favicon.svg'));
  return { root: tmp, site, out: path.join(tmp, 'out') };
}

const run = (command, args, cwd) => execFileSync(command, args, { cwd, stdio: 'pipe', timeout: 120_000 });

async function figuresDraw(url) {
  const { page, problems, context } = await openPage(browser, url, {
    viewport: { width: 1000, height: 800 },
  });
  const count = await page.locator('pe-explorer').count();
  assert.ok(count >= 1, `${url}: no figure`);
  for (let n = 0; n < count; n++) {
    await page.evaluate((n) => document.querySelectorAll('pe-explorer')[n].scrollIntoView(), n);
    await page.waitForFunction(
      (n) => document.querySelectorAll('pe-explorer')[n].dataset.ready === 'true',
      n,
    );
  }
  const drawn = await page.evaluate(() =>
    [...document.querySelectorAll('pe-explorer')].map((el) => {
      const canvas = el.shadowRoot.querySelector('canvas.clocks, canvas.heatmap');
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let pixels = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) pixels++;
      return pixels;
    }),
  );
  for (const pixels of drawn) assert.ok(pixels > 1000, `${url}: a blank figure`);
  return { page, problems, context, count };
}

test('Hugo: the shortcode puts the script in once and each figure draws', async () => {
  const { site, out } = prepare('hugo', 'static/pe', 'static');
  run('hugo', ['-s', site, '-d', out, '--quiet']);
  const html = fs.readFileSync(path.join(out, 'clocks/index.html'), 'utf8');
  assert.equal(html.match(/pe-explorer\.js/g).length, 1, 'the script once per page');
  assert.match(html, /<pe-explorer[^>]* d-model="16"/);
  const server = await serve([out], { csp: true });
  servers.push(server);
  const { problems, count, context } = await figuresDraw(server.url + 'clocks/');
  assert.equal(count, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Jekyll: the include puts the script in once and each figure draws', async () => {
  const { site, out } = prepare('jekyll', 'pe');
  run('jekyll', ['build', '--quiet', '-s', site, '-d', out], site);
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  assert.equal(html.match(/pe-explorer\.js/g).length, 1, 'the script once per page');
  const server = await serve([out], { csp: true });
  servers.push(server);
  const { problems, count, context } = await figuresDraw(server.url + 'index.html');
  assert.equal(count, 2);
  assert.deepEqual(problems, []);
  await context.close();
});

test('MkDocs: extra_javascript, and a page swapped in without a reload starts its figure', async () => {
  const { site, out } = prepare('mkdocs', 'docs/pe', 'docs');
  run('mkdocs', ['build', '--quiet', '-f', path.join(site, 'mkdocs.yml'), '-d', out]);
  const server = await serve([out], { csp: true });
  servers.push(server);
  const { page, problems, context } = await figuresDraw(server.url + 'index.html');
  // Instant navigation: the theme fetches the next page and swaps <main>, without a reload.
  await page.evaluate(async () => {
    const next = new DOMParser().parseFromString(await (await fetch('matrix.html')).text(), 'text/html');
    document.querySelector('main').replaceWith(next.querySelector('main'));
  });
  await page.waitForFunction(() => {
    const el = document.querySelector('pe-explorer[view="matrix"]');
    return el?.dataset.ready === 'true';
  });
  const pixels = await page.evaluate(() => {
    const canvas = document.querySelector('pe-explorer').shadowRoot.querySelector('canvas.heatmap');
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
  assert.ok(pixels > 1000, 'the swapped-in figure is blank');
  assert.deepEqual(problems, []);
  await context.close();
});
