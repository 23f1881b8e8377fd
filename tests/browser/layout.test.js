// A reader opens every kind of page on a phone (390 px) and on a desktop
// (1366 px): nothing runs off the side, and record pages keep the column the
// header is centred on.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { serve, launch, siteDir } = require('./harness');

// One page of each kind, found in the built site.
function pageKinds(dir) {
  const first = (sub, pred = () => true) => {
    const names = fs.readdirSync(path.join(dir, sub)).filter((n) => fs.existsSync(path.join(dir, sub, n, 'index.html')) && pred(n)).sort();
    return '/' + sub + '/' + names[0] + '/';
  };
  const doc = '/van-ban/51-kh-duk/';
  // The newest version is the page itself (its address sends readers there) and has the comparison;
  // the older one is a page of its own.
  const versions = fs.readdirSync(path.join(dir, 'van-ban/51-kh-duk/phien-ban')).filter((n) => /^[0-9a-f]{7}$/.test(n));
  const newest = versions.find((n) => fs.existsSync(path.join(dir, 'van-ban/51-kh-duk/phien-ban', n, 'so-sanh')));
  const older = versions.find((n) => n !== newest);
  return {
    home: '/', list: '/van-ban/', document: doc, history: doc + 'phien-ban/', version: doc + 'phien-ban/' + older + '/',
    comparison: doc + 'phien-ban/' + newest + '/so-sanh/', model: first('mo-hinh', (n) => n !== 'trang'),
    unit: first('don-vi', (n) => n !== 'trang'), campaign: '/thi-dua/chi-bo-bon-tot/', 'campaign year': '/thi-dua/chi-bo-bon-tot/2024/',
    commendation: first('khen-thuong', (n) => n !== 'trang'), search: '/tim-kiem/?q=' + encodeURIComponent('chi bộ'), page: '/gioi-thieu/',
  };
}

test('no page kind runs off the side of a phone, and records keep the centred column on a desktop', async (t) => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const kinds = pageKinds(siteDir());
    for (const width of [390, 1366]) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const [kind, url] of Object.entries(kinds)) {
        await t.test(`${kind} at ${width} px`, async () => {
          const res = await page.goto(server.url + url, { waitUntil: 'networkidle' });  // with what scripts add
          assert.strictEqual(res.status(), 200, url);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `${url} is ${overflow} px wider than the screen`);
          // landmarks: every search form named, no two alike; a version's banner inside the main content
          const searches = await page.$$eval('[role=search]', (els) => els.map((e) => e.getAttribute('aria-label') || ''));
          assert.ok(searches.every(Boolean) && new Set(searches).size === searches.length, `${url}: search landmarks ${searches.join(' | ')}`);
          assert.ok(await page.evaluate(() => [...document.querySelectorAll('.version-banner')].every((b) => b.closest('main'))), `${url}: banner outside main`);
          // what is written reads on a phone: chart labels at least 11 px, a table's head no
          // taller than a few lines, its caption on the screen, body text not justified into rivers
          const reading = await page.evaluate(() => {
            const heights = [...document.querySelectorAll('svg.chart text')].map((e) => e.getBoundingClientRect().height);
            const heads = [...document.querySelectorAll('.data-table thead tr')].map((e) => e.getBoundingClientRect().height);
            const captions = [...document.querySelectorAll('.data-table caption span')].map((e) => e.getBoundingClientRect().right);
            const p = document.querySelector('.prose p');
            return { chart: Math.min(...heights), head: Math.max(0, ...heads), caption: Math.max(0, ...captions),
                     align: p ? getComputedStyle(p).textAlign : 'none' };
          });
          assert.ok(reading.chart >= 11, `${url}: chart text ${reading.chart} px tall`);
          assert.ok(reading.head <= 150, `${url}: a table's head row is ${reading.head} px tall`);
          assert.ok(reading.caption <= width, `${url}: a table's caption runs to ${reading.caption} px`);
          if (width < 500) assert.notStrictEqual(reading.align, 'justify', `${url}: justified text on a phone`);
          if (width > 1000) {
            // the content's left edge lines up with the header's column, not the window's edge
            const [content, header] = await page.evaluate(() => [
              document.querySelector('main > :not(.version-banner)').getBoundingClientRect().left,
              document.querySelector('header .wrap, header > *').getBoundingClientRect().left]);
            assert.ok(Math.abs(content - header) <= 2, `${url}: content starts at ${content} px, the header's column at ${header} px`);
          }
          if (kind === 'history' || kind === 'unit') await page.screenshot({ path: path.join(os.tmpdir(), `trang-${kind}-${width}.png`) });
        });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
