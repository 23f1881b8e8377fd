// bench/search.js: what a search costs a reader, on a built site, in headless
// Chromium on localhost: index bytes downloaded per query (manifest, shards,
// facets, result documents; not the client script) and the time from the
// query's submission to its first results on screen (the page's own User
// Timing measure "tim-kiem"; the time as driven through Playwright is shown too).
// Each query is measured twice, on a fresh page each time: typed into the
// search page, and opened as a shared link (/tim-kiem/?q=…).
// With --pagefind, the same queries through Pagefind's own API on the same
// pages (PUBLIC_DIR/pagefind, made by `pagefind --site PUBLIC_DIR`): its
// index bytes (not pagefind.js or its WebAssembly, the client, as congbo's
// tim-kiem.js is not counted) for the search and the first ten results' data.
// usage: node bench/search.js PUBLIC_DIR [--queries FILE] [--pagefind] [query…]   (bench/run calls it)
//        FILE: one query a line, '#' lines skipped (bench/search-queries writes one)
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { serve, launch } = require(path.join(__dirname, '..', 'tests', 'browser', 'harness'));

function readQueries(args) {
  args = args.filter((a) => a !== '--pagefind');
  const at = args.indexOf('--queries');
  if (at < 0) return args.length ? args : ['đảng viên', 'thi đua', 'dang vien', '51-KH/ĐUK', '"chi bộ"'];
  const listed = fs.readFileSync(args[at + 1], 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  return args.filter((_, i) => i !== at && i !== at + 1).concat(listed);
}

function percentile(values, p) {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p / 100 + 0.5))];
}

// One query on a fresh page: typed, or opened as a link. Returns { bytes, files, ms, wall, status }.
async function measure(browser, server, q, shared) {
  const page = await browser.newPage();
  try {
    const before = server.requests.length;  // counts the page's preload of manifest and facets too
    const start = Date.now();
    if (shared) {
      await page.goto(server.url + '/tim-kiem/?q=' + encodeURIComponent(q));
    } else {
      await page.goto(server.url + '/tim-kiem/');
      await page.waitForLoadState('networkidle');
      await page.fill('#_q', q);
      await page.press('#_q', 'Enter');
    }
    await page.waitForFunction(() => /kết quả/.test(document.getElementById('trang-thai').textContent), null, { timeout: 30000 });
    const wall = Date.now() - start;  // includes the test driver's own round trips (and, for a link, loading the page)
    const ms = Math.round(await page.evaluate(() => performance.getEntriesByName('tim-kiem').pop().duration));
    await page.waitForLoadState('networkidle');
    const status = (await page.textContent('#trang-thai')).trim();
    const fetched = server.requests.slice(before).filter((r) => r.path.includes('/search/'));
    return { bytes: fetched.reduce((s, r) => s + r.bytes, 0), files: fetched.length, ms, wall, status };
  } finally {
    await page.close();
  }
}

// One query through Pagefind on a fresh page, as its default UI would run it.
async function measurePagefind(browser, server, q) {
  const page = await browser.newPage();
  try {
    await page.goto(server.url + '/404.html');
    const before = server.requests.length;
    const r = await page.evaluate(async (query) => {
      const start = performance.now();
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(query);
      await Promise.all(search.results.slice(0, 10).map((x) => x.data()));
      return { ms: Math.round(performance.now() - start), count: search.results.length };
    }, q);
    const fetched = server.requests.slice(before).filter((x) => x.path.startsWith('/pagefind/') && !/pagefind\.js$|wasm/.test(x.path));
    return { bytes: fetched.reduce((s, x) => s + x.bytes, 0), files: fetched.length, ms: r.ms, wall: r.ms, status: `${r.count} results` };
  } finally {
    await page.close();
  }
}

(async () => {
  const [dir, ...args] = process.argv.slice(2);
  const withPagefind = args.includes('--pagefind');
  const queries = readQueries(args);
  const client = fs.readFileSync(path.join(dir, 'js', 'tim-kiem.js'));
  console.log(`search client: ${(client.length / 1024).toFixed(1)} kB, ${(zlib.gzipSync(client).length / 1024).toFixed(1)} kB gzipped`);
  const server = await serve(dir);
  const browser = await launch();
  const typed = [], links = [], pagefind = [];
  try {
    for (const q of queries) {
      const t = await measure(browser, server, q, false), l = await measure(browser, server, q, true);
      typed.push(t);
      links.push(l);
      if (withPagefind) pagefind.push(await measurePagefind(browser, server, q));
      if (queries.length <= 20 || t.bytes > 100 * 1024 || l.bytes > 100 * 1024) {
        console.log(`${JSON.stringify(q.length > 40 ? q.slice(0, 40) + '…' : q).padEnd(16)} first results ${String(t.ms).padStart(4)} ms (${t.wall} ms as driven), ` +
                    `index ${(t.bytes / 1024).toFixed(1).padStart(6)} kB in ${t.files} files, as a link ${(l.bytes / 1024).toFixed(1)} kB — ${t.status}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const kB = (v) => (v / 1024).toFixed(1) + ' kB';
  for (const [name, runs] of [['typed', typed], ['shared link', links]].concat(withPagefind ? [['Pagefind, same queries', pagefind]] : [])) {
    const bytes = runs.map((r) => r.bytes), ms = runs.map((r) => r.ms);
    console.log(`${queries.length} queries, ${name}: index bytes p50 ${kB(percentile(bytes, 50))}, p90 ${kB(percentile(bytes, 90))}, max ${kB(Math.max(...bytes))}, ` +
                `over 100 kB: ${bytes.filter((b) => b > 100 * 1024).length}; first results p50 ${percentile(ms, 50)} ms, p90 ${percentile(ms, 90)} ms`);
  }
})();
