// bench/search.js: what a search costs a reader, on a built site, in headless
// Chromium on localhost: index bytes downloaded per query (manifest, shards,
// facets, result documents; not the client script) and the time from the
// query's submission to its first results on screen (the page's own User
// Timing measure "tim-kiem"; the time as driven through Playwright is shown too).
// usage: node bench/search.js PUBLIC_DIR [query…]   (bench/run calls it)
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { serve, launch } = require(path.join(__dirname, '..', 'tests', 'browser', 'harness'));

(async () => {
  const [dir, ...given] = process.argv.slice(2);
  const queries = given.length ? given : ['đảng viên', 'thi đua', 'dang vien', '51-KH/ĐUK', '"chi bộ"'];
  const client = fs.readFileSync(path.join(dir, 'js', 'tim-kiem.js'));
  console.log(`search client: ${(client.length / 1024).toFixed(1)} kB, ${(zlib.gzipSync(client).length / 1024).toFixed(1)} kB gzipped`);
  const server = await serve(dir);
  const browser = await launch();
  try {
    for (const q of queries) {
      const page = await browser.newPage();
      const before = server.requests.length;  // counts the page's preload of manifest and facets too
      await page.goto(server.url + '/tim-kiem/');
      await page.waitForLoadState('networkidle');
      const start = Date.now();
      await page.fill('#_q', q);
      await page.press('#_q', 'Enter');
      await page.waitForSelector('#ket-qua .item', { timeout: 30000 });
      const wall = Date.now() - start;  // includes the test driver's own round trips
      const ms = Math.round(await page.evaluate(() => performance.getEntriesByName('tim-kiem').pop().duration));
      await page.waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai').textContent));
      const count = await page.textContent('#trang-thai');
      const fetched = server.requests.slice(before).filter((r) => r.path.includes('/search/'));
      const bytes = fetched.reduce((s, r) => s + r.bytes, 0);
      console.log(`${JSON.stringify(q).padEnd(14)} first results ${String(ms).padStart(4)} ms (${wall} ms as driven), index ${(bytes / 1024).toFixed(1).padStart(6)} kB in ${fetched.length} files — ${count.trim()}`);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
})();
