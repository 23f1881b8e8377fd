// The emulation year at the desk: a writer fills a campaign year's grid for
// the sample's "chi bộ bốn tốt" campaign, sees each grade the rules give as
// the boxes are ticked (with why: the 3/4 rule of a đảng bộ), the targets met
// or missed, pastes rows from a spreadsheet, is stopped by a committee
// decision with no reason, and saves: one commit in the writer's name.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, serve, startDesk, commitAll, addAccount } = require('./harness');

const SOURCE = path.join(__dirname, '..', '..');
const CAMPAIGN = 'content/thi-dua/chi-bo-bon-tot.toml';
const git = (dir, ...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
const shots = process.env.CONGBO_SCREENSHOTS;

// The sample site in a repository of its own, an account "lan", the desk on it.
// `files` (path → text) instead of the sample, when given.
async function withSampleDesk(body, files = null) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-thi-dua-'));
  if (files) {
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
  } else {
    fs.copyFileSync(path.join(SOURCE, 'site.toml'), path.join(dir, 'site.toml'));
    for (const d of ['content', 'static']) fs.cpSync(path.join(SOURCE, d), path.join(dir, d), { recursive: true });
  }
  commitAll(dir, 'Mẫu');
  addAccount(dir, 'lan', 'Nguyễn Thị Lan', 'soan', 'lan@example.vn');
  const { base, stop } = await startDesk(dir);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + '/');
    await page.getByLabel('Tên đăng nhập').fill('lan');
    await page.getByLabel('Mật khẩu').fill('mat-khau-bi-mat');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await body({ page, base, dir });
  } finally {
    await browser.close();
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Ticks boxes and waits for the grades the desk computes for that state.
async function tick(page, names, on = true) {
  for (const name of names) await page.locator(`[name="${name}"]`).setChecked(on);
  await page.waitForFunction(() => {
    const f = document.getElementById('luoi');
    return f.dataset.shown && f.dataset.shown === f.dataset.pending;
  });
}
const ALL = ['chinh-tri', 'sinh-hoat', 'doan-ket', 'can-bo'];
const boxes = (unit, criteria = ALL) => criteria.map((c) => `tc-${unit}-${c}`);
const grade = (page, unit) => page.textContent(`[data-grade-for="${unit}"]`);
// "Cán bộ, đảng viên tốt" holds only with its share of party members rated well (seed 003, 4.2): the counts.
async function counts(page, entries) {
  for (const [unit, rated, well] of entries) {
    await page.locator(`[name="sl-${unit}-dang-vien"]`).fill(String(rated));
    await page.locator(`[name="sl-${unit}-dang-vien-tot"]`).fill(String(well));
  }
  await page.waitForFunction(() => {
    const f = document.getElementById('luoi');
    return f.dataset.shown && f.dataset.shown === f.dataset.pending;
  });
}
const why = (page, unit) => page.textContent(`[data-why-for="${unit}"]`);

test('a writer fills a new year for the "bốn tốt" campaign: grades as boxes are ticked, the 3/4 rule explained, targets, paste, save', () =>
  withSampleDesk(async ({ page, dir }) => {
    await page.getByRole('link', { name: 'Thi đua', exact: true }).click();
    assert.match(await page.textContent('main'), /Năm 2025/);
    await page.locator('section.campaign', { hasText: 'chi bộ bốn tốt' }).getByRole('button', { name: 'Nhập kết quả' }).click();  // the year after the last: 2026
    assert.match(await page.textContent('h1'), /Kết quả năm 2026/);
    assert.strictEqual(await grade(page, 'cb-dl-kinh-doanh'), 'Không hoàn thành nhiệm vụ');

    // The đảng bộ meets all four, but only two of its four cells do.
    await counts(page, [['db-dien-luc', 60, 56], ['cb-dl-kinh-doanh', 16, 16], ['cb-dl-ky-thuat', 10, 10], ['cb-dl-van-phong', 12, 12]]);
    await tick(page, [...boxes('db-dien-luc'), ...boxes('cb-dl-kinh-doanh'), ...boxes('cb-dl-ky-thuat'),
      ...boxes('cb-dl-van-phong', ALL.slice(0, 3)), ...boxes('cb-dl-chau-thanh', ALL.slice(0, 3))]);
    assert.strictEqual(await grade(page, 'cb-dl-kinh-doanh'), 'Đạt “bốn tốt”');
    assert.strictEqual(await grade(page, 'cb-dl-van-phong'), 'Hoàn thành tốt nhiệm vụ');
    assert.strictEqual(await grade(page, 'db-dien-luc'), 'Hoàn thành tốt nhiệm vụ');
    assert.strictEqual(await why(page, 'db-dien-luc'),
      'đạt 4/4 tiêu chí nhưng chỉ 2/4 chi bộ trực thuộc đạt “bốn tốt” (cần 3/4) → Hoàn thành tốt nhiệm vụ');
    // One of 16 party members not rated well: the cell misses "Cán bộ, đảng viên tốt" (100% for a cell), and is told why.
    await counts(page, [['cb-dl-kinh-doanh', 16, 15]]);
    assert.strictEqual(await grade(page, 'cb-dl-kinh-doanh'), 'Hoàn thành tốt nhiệm vụ');
    assert.match(await why(page, 'cb-dl-kinh-doanh'), /^tiêu chí “Cán bộ, đảng viên tốt” chưa đạt: 15\/16 đảng viên hoàn thành tốt nhiệm vụ trở lên \(93,8%, cần từ 100%\)/);
    await counts(page, [['cb-dl-kinh-doanh', 16, 16]]);
    assert.strictEqual(await grade(page, 'cb-dl-kinh-doanh'), 'Đạt “bốn tốt”');
    // Ticked without the counts: the row says which numbers are missing.
    await tick(page, ['tc-cb-dl-chau-thanh-can-bo']);
    assert.match(await page.textContent('[data-messages-for="cb-dl-chau-thanh"]'), /thiếu số liệu để kiểm tra ngưỡng của tiêu chí: đảng viên được xếp loại/);
    await tick(page, ['tc-cb-dl-chau-thanh-can-bo'], false);
    // A third cell reaches "bốn tốt": 3/4, and the đảng bộ with it.
    await tick(page, ['tc-cb-dl-van-phong-can-bo']);
    assert.strictEqual(await grade(page, 'db-dien-luc'), 'Đạt “bốn tốt”');
    assert.match(await why(page, 'db-dien-luc'), /3\/4 chi bộ trực thuộc đạt “bốn tốt”/);
    assert.match(await page.textContent('#tong-hop .missed'), /Trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên: 1\/12 \(8,3%\) — chưa đạt chỉ tiêu/);
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-thi-dua-luoi.png'), fullPage: false });

    // The plan asks for at least 10% of đảng bộ cơ sở to pilot the campaign (làm điểm): one ticked meets it.
    assert.match(await page.textContent('#tong-hop'), /Ít nhất 10% đảng bộ cơ sở làm điểm: 0\/3 \(0%\) — chưa đạt chỉ tiêu/);
    await tick(page, ['ld-db-dien-luc']);
    assert.match(await page.textContent('#tong-hop'), /Ít nhất 10% đảng bộ cơ sở làm điểm: 1\/3 \(33,3%\) — đạt chỉ tiêu/);

    // The other units' results, pasted from a spreadsheet (one line names a unit that does not exist).
    const names = ['Chi bộ Ngân hàng Nhà nước chi nhánh tỉnh', 'Chi bộ Cục Thống kê tỉnh', 'Chi bộ Không Có'];
    const tsv = names.map((n) => `${n}\tx\tx\tx\tx\tx\t14\t14`).join('\r\n') + '\r\n';
    await page.locator('[name="gc-db-kho-bac"]').focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
    await page.waitForFunction(() => /Đã dán/.test(document.getElementById('dan-ket-qua').textContent));
    assert.match(await page.textContent('#dan-ket-qua'), /Đã dán 2 dòng\. Chưa dán được: dòng 3: không có đơn vị “Chi bộ Không Có”/);
    await page.waitForFunction(() => document.querySelector('[data-grade-for="cb-thong-ke"]').textContent === 'Đạt “bốn tốt”');
    assert.strictEqual(await page.isChecked('[name="tc-cb-ngan-hang-nha-nuoc-can-bo"]'), true);
    assert.strictEqual(await page.inputValue('[name="sl-cb-ngan-hang-nha-nuoc-dang-vien-tot"]'), '14');
    assert.strictEqual(await page.inputValue('[name="gc-db-kho-bac"]'), '', 'the pasted block did not go into the box');

    // A CSV file saved from a spreadsheet (with its BOM, quoted cells) goes in the same way.
    const csv = '\uFEFFĐơn vị,Ghi chú\r\n"Chi bộ Ngân hàng Nhà nước chi nhánh tỉnh","Nhập từ tệp, có dấu phẩy"\r\n';
    await page.setInputFiles('#nhap-csv', { name: 'ket-qua.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.waitForFunction(() => /Đã nhập/.test(document.getElementById('dan-ket-qua').textContent));
    assert.match(await page.textContent('#dan-ket-qua'), /Đã nhập 1 dòng từ tệp ket-qua\.csv\./);
    assert.strictEqual(await page.inputValue('[name="gc-cb-ngan-hang-nha-nuoc"]'), 'Nhập từ tệp, có dấu phẩy');

    // The committee decides otherwise: without a reason it is refused beside the row.
    await page.locator('[name="xl-cb-thong-ke"]').selectOption('tot');
    await page.waitForFunction(() => /lý do/.test(document.querySelector('[data-messages-for="cb-thong-ke"]').textContent));
    assert.match(await page.getAttribute('tr[data-unit="cb-thong-ke"]', 'class'), /has-error/);
    await page.getByLabel('Nội dung thay đổi').fill('Nhập kết quả thi đua năm 2026');
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    assert.match(await page.textContent('[data-messages-for="cb-thong-ke"]'), /lý do/);
    assert.strictEqual(git(dir, 'log', '--format=%s', '-1').trim(), 'Mẫu', 'nothing committed with a mistake');
    await page.locator('[name="ly-do-cb-thong-ke"]').fill('Chi bộ chậm nộp báo cáo');
    await page.getByLabel('Nội dung thay đổi').fill('Nhập kết quả thi đua năm 2026');
    await page.getByRole('button', { name: 'Lưu kết quả' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã lưu kết quả năm 2026 vào content\/thi-dua\/chi-bo-bon-tot\.toml/);

    assert.strictEqual(git(dir, 'log', '--format=%an|%s', '-1').trim(), 'Nguyễn Thị Lan|Nhập kết quả thi đua năm 2026');
    const saved = fs.readFileSync(path.join(dir, CAMPAIGN), 'utf8');
    assert.ok(saved.startsWith(fs.readFileSync(path.join(SOURCE, CAMPAIGN), 'utf8')), 'the years before are untouched');
    assert.match(saved, /unit = "cb-ngan-hang-nha-nuoc".*note = "Nhập từ tệp, có dấu phẩy"/);
    assert.match(saved, /\{ unit = "db-dien-luc", pilot = true, met = /);
    assert.match(saved, /\{ unit = "cb-thong-ke", met = \["chinh-tri", "sinh-hoat", "doan-ket", "can-bo"\], counts = \{ dang-vien = 14, dang-vien-tot = 14 \}, grade = "tot", decided = true, reason = "Chi bộ chậm nộp báo cáo" \}/);
    execFileSync(process.env.CONGBO_BIN, ['check', '--site', dir], { stdio: 'pipe' });  // the site the desk saved builds
    // The grid opens again from the file, as saved.
    assert.strictEqual(await grade(page, 'db-dien-luc'), 'Đạt “bốn tốt”');
    assert.strictEqual(await page.inputValue('[name="ly-do-cb-thong-ke"]'), 'Chi bộ chậm nộp báo cáo');
    if (shots) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(shots, 'soan-thi-dua-dien-thoai.png'), fullPage: false });
    }
  }));

test('a box ticked before the page\'s script has come (a slow line) is graded as soon as it comes', () =>
  withSampleDesk(async ({ page, base }) => {
    await page.route('**/_soan/thi-dua.js', async (route) => {
      await new Promise((done) => setTimeout(done, 1500));
      await route.continue();
    });
    await page.goto(base + '/thi-dua/ket-qua?tep=chi-bo-bon-tot&nam=2026', { waitUntil: 'commit' });
    await page.locator('[name="tc-cb-thong-ke-chinh-tri"]').check();
    await page.locator('[name="tc-cb-thong-ke-sinh-hoat"]').check();
    assert.strictEqual(await page.evaluate(() => document.getElementById('luoi').dataset.ready), undefined, 'ticked before the script ran');
    await page.waitForFunction(() => document.querySelector('[data-grade-for="cb-thong-ke"]').textContent === 'Hoàn thành nhiệm vụ');
  }));

test('the grid refuses: no session, no CSRF token, a campaign path out of content/thi-dua', () =>
  withSampleDesk(async ({ page, base }) => {
    const form = (fields) => { const f = new FormData(); for (const [k, v] of Object.entries(fields)) f.set(k, v); return f; };
    const anonymous = await fetch(base + '/thi-dua/luu', { method: 'POST', body: form({ tep: 'chi-bo-bon-tot', nam: '2026' }) });
    assert.strictEqual(anonymous.status, 403);
    const csrf = await page.evaluate(async () => {
      await fetch('/thi-dua/ket-qua?tep=chi-bo-bon-tot&nam=2026');
      return document.querySelector('input[name=csrf]').value;
    });
    const status = await page.evaluate(async ([c]) => {
      const post = async (fields) => {
        const f = new FormData();
        for (const [k, v] of Object.entries(fields)) f.set(k, v);
        return (await fetch('/thi-dua/luu', { method: 'POST', body: f })).status;
      };
      return [await post({ tep: 'chi-bo-bon-tot', nam: '2026', message: 'x' }),
        await post({ csrf: c, tep: '../don-vi', nam: '2026', message: 'x' }),
        await post({ csrf: c, tep: 'chi-bo-bon-tot', nam: '99999', message: 'x' }),
        (await fetch('/thi-dua/ket-qua?tep=..%2F..%2Fsite&nam=2026')).status];
    }, [csrf]);
    assert.deepStrictEqual(status, [403, 400, 400, 404]);
  }));

test('the units table and the decision form refuse: no session, no CSRF token, a file out of their folder, an oversized paste or body', () =>
  withSampleDesk(async ({ page, base, dir }) => {
    const before = git(dir, 'log', '--format=%H', '-1');
    const units = fs.readFileSync(path.join(dir, 'content/don-vi.toml'), 'utf8');
    for (const to of ['/don-vi/luu', '/khen-thuong/luu', '/khen-thuong/kiem-tra', '/thi-dua/dan']) {
      const f = new FormData();
      f.set('hang', 'cb-thong-ke'); f.set('ten-cb-thong-ke', 'Đổi tên'); f.set('message', 'x');
      assert.strictEqual((await fetch(base + to, { method: 'POST', body: f })).status, 403, `${to} without a session`);
    }
    await page.goto(base + '/don-vi');
    const status = await page.evaluate(async () => {
      const csrf = document.querySelector('input[name=csrf]').value;
      const post = async (to, fields) => {
        const f = new FormData();
        for (const [k, v] of Object.entries(fields)) f.set(k, v);
        return (await fetch(to, { method: 'POST', body: f })).status;
      };
      return [
        await post('/don-vi/luu', { hang: 'cb-thong-ke', 'ten-cb-thong-ke': 'Đổi tên', message: 'x' }),  // no token
        await post('/khen-thuong/luu', { csrf, tep: '../thi-dua/chi-bo-bon-tot', message: 'x' }),
        await post('/khen-thuong/kiem-tra', { csrf, tep: '..%2F..%2Fsite' }),
        (await fetch('/khen-thuong/sua?tep=../../site')).status,
        await post('/thi-dua/dan', { csrf, tep: 'chi-bo-bon-tot', nam: '2026', dan: 'x'.repeat((1 << 20) + 1) }),
        await post('/don-vi/luu', { csrf, message: 'x', 'mo-ta-cb-thong-ke': 'x'.repeat(9 << 20) }),
      ];
    });
    assert.deepStrictEqual(status, [403, 400, 400, 404, 413, 413]);
    assert.strictEqual(git(dir, 'log', '--format=%H', '-1'), before, 'nothing committed');
    assert.strictEqual(fs.readFileSync(path.join(dir, 'content/don-vi.toml'), 'utf8'), units, 'nothing written');
  }));

// Days from today, as the campaign file writes a date.
const day = (offset) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

test('a report deadline passed with a unit not reported: the desk\'s list shows it first, the public calendar marks it', () => {
  const year = Number(day(-5).slice(0, 4));
  const files = {
    'site.toml': 'title = "Đảng ủy Khối thử"\nbase_url = "https://example.vn/"\n',
    'content/_index.md': '+++\ntitle = "Trang chủ"\n+++\n',
    'content/don-vi.toml': '[[unit]]\nid = "cb-a"\nname = "Chi bộ A"\ntype = "chi bộ cơ sở"\n\n' +
      '[[unit]]\nid = "cb-b"\nname = "Chi bộ B"\ntype = "chi bộ cơ sở"\n',
    'content/thi-dua/thu.toml': 'name = "Thi đua thử"\n[[criteria]]\nid = "c1"\nname = "Tiêu chí 1"\n' +
      '[[grade]]\nid = "tot"\nname = "Tốt"\ncriteria_at_least = 1\n[[grade]]\nid = "khong"\nname = "Không đạt"\notherwise = true\n' +
      `[[deadline]]\nkind = "bao-cao"\ndate = ${day(-5)}\n[[deadline]]\nkind = "so-ket"\ndate = ${day(10)}\n` +
      `[[results]]\nyear = ${year}\nunits = [\n  { unit = "cb-a", met = ["c1"] },\n  { unit = "cb-b" },\n]\n`,
  };
  return withSampleDesk(async ({ page, dir }) => {
    await page.goto(page.url().replace(/\/[^/]*$/, '/'));
    const due = page.locator('section.due li');
    assert.strictEqual(await due.count(), 2);
    assert.match(await due.nth(0).textContent(), /Quá hạn \d+ ngày.*Hạn báo cáo kết quả.*1 đơn vị chưa thực hiện.*Chi bộ B/);
    assert.match(await due.nth(1).textContent(), /còn \d+ ngày.*Sơ kết/);
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-han-thi-dua.png') });

    const out = dir + '-web';
    execFileSync(process.env.CONGBO_BIN, ['build', '--site', dir, '--out', out, '--quiet'], { stdio: 'pipe' });
    const site = await serve(out);
    try {
      await page.goto(site.url + '/thi-dua/lich/');
      const overdue = page.locator('li.deadline.overdue');
      await overdue.waitFor();
      assert.match(await overdue.textContent(), /Đã quá hạn[\s\S]*Hạn báo cáo kết quả[\s\S]*1 đơn vị chưa báo cáo/);
      await overdue.locator('summary').click();
      assert.strictEqual(await overdue.locator('ul a').textContent(), 'Chi bộ B');
      assert.match(await page.textContent('li.deadline.next'), /Còn \d+ ngày[\s\S]*Sơ kết/);
      // What is still to come is listed first; what has passed follows under its heading.
      const order = await page.$$eval('li.deadline', (l) => l.map((x) => x.className));
      assert.match(order[0], /upcoming/);
      assert.match(order[1], /past/);
      if (shots) {
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: path.join(shots, 'lich-thi-dua-dien-thoai.png') });
      }
    } finally {
      await site.close();
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, files);
});

test('a row the grid cannot show as it is is never dropped: a unit gone from don-vi.toml stays with its message, a unit written twice is refused', () => {
  const rules = 'name = "Thi đua thử"\n[[criteria]]\nid = "c1"\nname = "Tiêu chí 1"\n' +
    '[[grade]]\nid = "tot"\nname = "Tốt"\ncriteria_at_least = 1\n[[grade]]\nid = "khong"\nname = "Không đạt"\notherwise = true\n';
  const files = {
    'site.toml': 'title = "Đảng ủy Khối thử"\nbase_url = "https://example.vn/"\n',
    'content/_index.md': '+++\ntitle = "Trang chủ"\n+++\n',
    'content/don-vi.toml': '[[unit]]\nid = "cb-a"\nname = "Chi bộ A"\ntype = "chi bộ cơ sở"\n',
    'content/thi-dua/thu.toml': rules +
      '[[results]]\nyear = 2024\nunits = [\n  { unit = "cb-a", met = ["c1"] },\n  { unit = "cb-cu", met = ["c1"] },\n]\n' +
      '[[results]]\nyear = 2025\nunits = [\n  { unit = "cb-a" },\n  { unit = "cb-a", met = ["c1"] },\n]\n',
  };
  return withSampleDesk(async ({ page, base }) => {
    await page.goto(base + '/thi-dua/ket-qua?tep=thu&nam=2024');
    assert.match(await page.textContent('tr[data-unit="cb-cu"] th'), /cb-cu \(không có trong don-vi\.toml\)[\s\S]*Lỗi: /);
    const twice = await page.goto(base + '/thi-dua/ket-qua?tep=thu&nam=2025');
    assert.strictEqual(twice.status(), 422);
    assert.match(await page.textContent('[role=alert]'), /dòng 23: đơn vị cb-a được ghi hai lần trong năm 2025/);
  }, files);
});

test('a writer edits the units table: a new cell without its đảng bộ is refused on its row, then saved with only two blocks changed', () =>
  withSampleDesk(async ({ page, dir }) => {
    await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
    await page.getByLabel('Chi bộ Cục Thống kê tỉnh: tên').fill('Chi bộ Thống kê tỉnh Bến Tre');
    const fresh = page.locator('tr[data-unit="moi-1"]');
    await fresh.getByLabel('Đơn vị mới: mã đơn vị').fill('cb-dl-mo-cay');
    await fresh.getByLabel('Đơn vị mới: tên').fill('Chi bộ Điện lực Mỏ Cày');
    await fresh.getByLabel('Đơn vị mới: loại').selectOption('chi bộ trực thuộc');
    await fresh.getByLabel('Đơn vị mới: khối').selectOption('doanh nghiệp nhà nước');
    await page.getByLabel('Nội dung thay đổi').fill('Thêm Chi bộ Điện lực Mỏ Cày');
    await page.getByRole('button', { name: 'Lưu danh sách đơn vị' }).click();
    assert.match(await page.textContent('tr[data-unit="moi-1"]'), /Lỗi: .*đảng bộ/);
    assert.strictEqual(git(dir, 'log', '--format=%s', '-1').trim(), 'Mẫu', 'nothing committed with a mistake');
    await page.locator('tr[data-unit="moi-1"]').getByLabel('Đơn vị mới: đảng bộ cấp trên').selectOption('db-dien-luc');
    await page.getByRole('button', { name: 'Lưu danh sách đơn vị' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã lưu danh sách đơn vị/);
    assert.strictEqual(git(dir, 'log', '--format=%an|%s', '-1').trim(), 'Nguyễn Thị Lan|Thêm Chi bộ Điện lực Mỏ Cày');
    const diff = git(dir, 'show', '--format=', '-U0', 'HEAD').split('\n').filter((l) => /^[-+][^-+]/.test(l));
    assert.deepStrictEqual(diff.filter((l) => l.startsWith('-')), ['-name = "Chi bộ Cục Thống kê tỉnh"']);
    assert.ok(diff.includes('+id = "cb-dl-mo-cay"') && diff.includes('+parent = "db-dien-luc"'));
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-don-vi.png') });

    // Removing: a unit still named by results is refused on its row, nothing written; the one just added (named nowhere) goes.
    const units = fs.readFileSync(path.join(dir, 'content/don-vi.toml'), 'utf8');
    await page.getByLabel('Chi bộ Thống kê tỉnh Bến Tre: xóa').check();
    await page.getByLabel('Nội dung thay đổi').fill('Bỏ hai đơn vị');
    await page.getByRole('button', { name: 'Lưu danh sách đơn vị' }).click();
    assert.match(await page.textContent('tr[data-unit="cb-thong-ke"]'), /Lỗi: không xóa được: đơn vị này còn được nhắc ở content\/thi-dua\/[a-z-]+\.toml:\d+/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'content/don-vi.toml'), 'utf8'), units, 'nothing written');
    await page.getByLabel('Chi bộ Thống kê tỉnh Bến Tre: xóa').uncheck();
    await page.getByLabel('Chi bộ Điện lực Mỏ Cày: xóa').check();
    await page.getByLabel('Nội dung thay đổi').fill('Bỏ đơn vị nhập nhầm');
    await page.getByRole('button', { name: 'Lưu danh sách đơn vị' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã lưu danh sách đơn vị/);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'content/don-vi.toml'), 'utf8'), /cb-dl-mo-cay/);
    assert.strictEqual(git(dir, 'show', '--format=', 'HEAD^:content/don-vi.toml'), units);
    const removed = git(dir, 'show', '--format=', '-U0', 'HEAD').split('\n').filter((l) => /^[-+][^-+]/.test(l));
    assert.ok(removed.every((l) => l.startsWith('-')), 'only lines taken out: ' + removed.join(' | '));
    assert.ok(removed.includes('-id = "cb-dl-mo-cay"'));
  }));

test('a commendation decision at the desk: a unit over the quota and below the standard is marked on its row, and the fixed list is saved', () =>
  withSampleDesk(async ({ page, dir }) => {
    await page.getByRole('link', { name: 'Khen thưởng', exact: true }).click();
    await page.getByRole('link', { name: /215-QĐ\/ĐUK/ }).click();
    const checked = async () => page.waitForFunction(() => {
      const f = document.getElementById('quyet-dinh');
      return f.dataset.shown && f.dataset.shown === f.dataset.pending;
    });
    await page.getByLabel('Dòng 6: đơn vị').selectOption('cb-bv-noi');
    await checked();
    await page.getByLabel('Dòng 7: đơn vị').selectOption('cb-thong-ke');
    await checked();
    assert.match(await page.textContent('#kiem-tra'), /Khen 7 tập thể; hạn mức 30% của 20 đơn vị đăng ký năm 2024 là 6\./);
    const row7 = await page.textContent('tr[data-row="7"] [data-messages-for]');
    assert.match(row7, /vượt hạn mức khen thưởng/);
    assert.match(row7, /cb-thong-ke/);  // below the standard two years running
    assert.strictEqual(await page.textContent('tr[data-row="6"] [data-messages-for]'), '');
    assert.match(await page.getAttribute('tr[data-row="7"]', 'class'), /has-error/);
    if (shots) await page.screenshot({ path: path.join(shots, 'soan-khen-thuong.png'), fullPage: true });
    await page.getByLabel('Dòng 7: đơn vị').selectOption('');
    await checked();
    assert.match(await page.textContent('#kiem-tra'), /Khen 6 tập thể/);
    await page.getByLabel('Dòng 6: thành tích').fill('Chi bộ đạt “bốn tốt” hai năm liền 2023 - 2024');
    await page.getByLabel('Nội dung thay đổi').fill('Bổ sung Chi bộ Khối Nội');
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    assert.match(await page.textContent('[role=status]'), /Đã lưu content\/khen-thuong\/qd-giay-khen-chi-bo-bon-tot-2024\.toml/);
    const saved = fs.readFileSync(path.join(dir, 'content/khen-thuong/qd-giay-khen-chi-bo-bon-tot-2024.toml'), 'utf8');
    assert.match(saved, /^# DỮ LIỆU MẪU/);
    assert.match(saved, /\[\[recipients\]\]\nunit = "cb-bv-noi"\nachievement = "Chi bộ đạt “bốn tốt” hai năm liền 2023 - 2024"\n$/);
    assert.match(saved, /sample = true/);
    assert.strictEqual(git(dir, 'log', '--format=%an|%s', '-1').trim(), 'Nguyễn Thị Lan|Bổ sung Chi bộ Khối Nội');
  }));
