// A staff member prints a plan on A4 from the browser: the copy is the
// document as issued — numbered items start at their number, the footer
// follows the last paragraph instead of leaving a page a third blank, and the
// site's own sections (what carries it out, its relations) are not printed
// after the signature. On screen, that section reads like its neighbours.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { serve, launch, siteDir } = require('./harness');

const plan = '/van-ban/51-kh-duk/';

// The text of each page of a PDF, as pdftotext lays it out.
function pages(pdf) {
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  const out = [];
  for (let p = 1; p <= count; p++) {
    out.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'], { encoding: 'utf8' }));
  }
  return out;
}

test('a plan printed on A4 is the document as issued, with no page left a third blank', async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + plan, { waitUntil: 'networkidle' });
    assert.ok(await page.$('.doc-carried-out'), 'the sample plan is carried out by other pages');
    // on screen: the section's heading is the size of the relations' heading beside it
    const sizes = await page.evaluate(() => ['.doc-carried-out h2', '.doc-relations h2'].map((s) => getComputedStyle(document.querySelector(s)).fontSize));
    assert.strictEqual(sizes[0], sizes[1]);

    const pdf = path.join(os.tmpdir(), `in-${process.pid}.pdf`);
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    const text = pages(pdf);
    fs.rmSync(pdf);
    const all = text.join('\n');
    assert.ok(all.includes('Phạm Hữu Dự'), 'the signature is printed');
    assert.ok(!all.includes('Thực hiện văn bản này') && !all.includes('Lược đồ văn bản liên quan'), 'the site\'s own sections are not printed');
    const spaced = all.split('\n').filter((l) => /^\s*\d+\.\s{3,}\S/.test(l));
    assert.deepStrictEqual(spaced, [], 'numbered items start at their number');
    // every page but the last is nearly full: the signature was not pushed on, leaving a gap
    const lines = text.map((t) => t.split('\n').filter((l) => l.trim()).length);
    const full = Math.max(...lines);
    lines.slice(0, -1).forEach((n, i) => assert.ok(n >= 0.8 * full, `page ${i + 1} has ${n} lines of ${full}`));
  } finally {
    await browser.close();
    await server.close();
  }
});
