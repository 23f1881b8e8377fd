// A reader compares any two versions of a plan in the browser, with no server.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
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
    await page.selectOption('#so-sanh select[name=tu]', { index: options - 1 });
    await page.selectOption('#so-sanh select[name=den]', { index: 0 });
    await page.click('#so-sanh button');
    await page.waitForSelector('#ket-qua-so-sanh ins');
    const marks = await page.$$eval('#ket-qua-so-sanh del, #ket-qua-so-sanh ins', (els) => els.map((e) => e.tagName + ':' + e.textContent));
    assert.ok(marks.includes('DEL:95%'), 'the old target is struck out: ' + marks.join(' | '));
    assert.ok(marks.includes('INS:96%'), 'the new target is marked');
    assert.ok(marks.some((m) => m.startsWith('INS:Kế hoạch này thay cho')), 'the added paragraph is marked');
    // the same pair, reversed, reads the other way
    await page.selectOption('#so-sanh select[name=tu]', { index: 0 });
    await page.selectOption('#so-sanh select[name=den]', { index: options - 1 });
    await page.click('#so-sanh button');
    await page.waitForFunction(() => document.querySelector('#ket-qua-so-sanh').textContent.includes('96%'));
    const reversed = await page.$$eval('#ket-qua-so-sanh del', (els) => els.map((e) => e.textContent));
    assert.ok(reversed.includes('96%'));
  } finally {
    await browser.close();
    await server.close();
  }
});

// A plan saved three times: the signer changes, then the text.
function planSavedThrice() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-so-sanh-'));
  const git = (...args) => execFileSync('git', ['-C', dir, ...args]);
  fs.mkdirSync(path.join(dir, 'content', 'van-ban'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.toml'), 'title = "Thử"\nbase_url = "https://example.vn/"\n[kinds]\nKH = "Kế hoạch"\n' +
    '[issuers.duk]\nabbr = "ĐUK"\nname = "Đảng ủy Khối"\n');
  git('init', '-q');
  const save = (signer, body, when) => {
    fs.writeFileSync(path.join(dir, 'content', 'van-ban', '7-kh-duk.md'), '+++\ntitle = "Kế hoạch bảy"\nnumber = "7-KH/ĐUK"\n' +
      `kind = "KH"\nissuer = "duk"\ndate = 2024-01-05\nsigner = "${signer}"\n+++\n${body}\n`);
    git('add', '-A');
    execFileSync('git', ['-C', dir, '-c', 'user.name=Văn phòng', '-c', 'user.email=vp@example.vn', 'commit', '-qm', 'Lưu'],
      { env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } });
  };
  save('Nguyễn Văn A', 'Chỉ tiêu 90% chi bộ.', '2024-01-05T09:00:00+07:00');
  save('Trần Thị B', 'Chỉ tiêu 90% chi bộ.', '2024-02-05T09:00:00+07:00');
  save('Trần Thị B', 'Chỉ tiêu 95% chi bộ.', '2024-03-05T09:00:00+07:00');
  execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--quiet']);
  return dir;
}

test('any two versions compare metadata too, at an address a reader can send', async () => {
  const dir = planSavedThrice();
  const server = await serve(path.join(dir, 'public'));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(server.url + '/van-ban/7-kh-duk/phien-ban/');
    await page.waitForSelector('#so-sanh:not([hidden])');
    await page.selectOption('#so-sanh select[name=tu]', { index: 2 });
    await page.selectOption('#so-sanh select[name=den]', { index: 0 });
    await page.click('#so-sanh button');
    await page.waitForSelector('#ket-qua-so-sanh .field-changes');
    assert.strictEqual(await page.textContent('#ket-qua-so-sanh .field-changes'), 'Người ký: Nguyễn Văn A → Trần Thị B');
    const marks = await page.$$eval('#ket-qua-so-sanh .prose del, #ket-qua-so-sanh > del, #ket-qua-so-sanh p del', (els) => els.map((e) => e.textContent));
    assert.ok(marks.includes('90%'), marks.join(' | '));
    const address = new URL(page.url());
    assert.ok(address.searchParams.get('tu') && address.searchParams.get('den'), 'the pair is in the address: ' + page.url());

    // Sent to someone: the address opens on the same comparison.
    const other = await browser.newPage();
    await other.goto(page.url());
    await other.waitForSelector('#ket-qua-so-sanh .field-changes');
    assert.strictEqual(await other.textContent('#ket-qua-so-sanh .field-changes'), 'Người ký: Nguyễn Văn A → Trần Thị B');
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
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
