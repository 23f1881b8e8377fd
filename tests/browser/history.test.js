// A reader compares any two versions of a plan in the browser, with no server.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { serve, launch, siteDir } = require('./harness');

const historyPage = '/van-ban/51-kh-duk/phien-ban/';

test('picking two versions shows the words added and removed', async (t) => {
  if (!fs.existsSync(path.join(siteDir(), historyPage, 'phien-ban.json'))) {
    t.skip('the sample was not built from a git checkout, so it has no history');
    return;
  }
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + historyPage);
    await page.waitForSelector('#so-sanh:not([hidden])');
    const options = await page.$$eval('#so-sanh select[name=tu] option', (o) => o.length);
    assert.ok(options >= 2, 'both versions are offered');
    // oldest → newest
    await page.selectOption('#so-sanh select[name=tu]', String(options - 1));
    await page.selectOption('#so-sanh select[name=den]', '0');
    await page.click('#so-sanh button');
    await page.waitForSelector('#ket-qua-so-sanh ins');
    const marks = await page.$$eval('#ket-qua-so-sanh del, #ket-qua-so-sanh ins', (els) => els.map((e) => e.tagName + ':' + e.textContent));
    assert.ok(marks.includes('DEL:95%'), 'the old target is struck out: ' + marks.join(' | '));
    assert.ok(marks.includes('INS:96%'), 'the new target is marked');
    assert.ok(marks.some((m) => m.startsWith('INS:Kế hoạch này thay cho')), 'the added paragraph is marked');
    // the same pair, reversed, reads the other way
    await page.selectOption('#so-sanh select[name=tu]', '0');
    await page.selectOption('#so-sanh select[name=den]', String(options - 1));
    await page.click('#so-sanh button');
    await page.waitForFunction(() => document.querySelector('#ket-qua-so-sanh').textContent.includes('96%'));
    const reversed = await page.$$eval('#ket-qua-so-sanh del', (els) => els.map((e) => e.textContent));
    assert.ok(reversed.includes('96%'));
  } finally {
    await browser.close();
    await server.close();
  }
});

test('without JavaScript the history page says how to see changes', async () => {
  const server = await serve(siteDir());
  const browser = await launch();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(server.url + '/van-ban/05-kh-duk/');
    assert.strictEqual(res.status(), 200);
    assert.ok(await page.isVisible('main h1'), 'the document reads without JavaScript');
  } finally {
    await browser.close();
    await server.close();
  }
});
