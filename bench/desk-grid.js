#!/usr/bin/env node
// The desk's results grid with many units: how long after a box is ticked
// the page shows the new grades (the desk regrades the whole year with the
// build's own rules), in headless Chromium, and the desk's CPU for it.
// Usage: node bench/desk-grid.js [--units 500] [--ticks 40] [BINARY]
// Corpus: N units made here — a fifth đảng bộ cơ sở, each with four chi bộ
// trực thuộc — under the sample's "chi bộ bốn tốt" rules, with one year filled.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const root = path.join(__dirname, '..');
const { chromium } = require(path.join(root, 'tests/browser/node_modules/playwright-core'));

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt; };
const unitCount = opt('--units', 500), ticks = opt('--ticks', 40);
const congbo = args[0] || path.join(root, 'build/congbo');
const clock = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const cpu = (pid) => { const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) / clock; };

function makeSite(dir) {
  const sample = fs.readFileSync(path.join(root, 'content/thi-dua/chi-bo-bon-tot.toml'), 'utf8');
  const rules = sample.slice(sample.indexOf('[[criteria]]'), sample.indexOf('[[results]]'));
  let units = '', rows = '';
  const crit = ['chinh-tri', 'sinh-hoat', 'doan-ket', 'can-bo'];
  for (let i = 0; i < unitCount; i++) {
    const party = i % 5 === 0, id = party ? `db-${i}` : `cb-${i}`;
    units += `[[unit]]\nid = "${id}"\nname = "${party ? 'Đảng bộ' : 'Chi bộ'} số ${i}"\ntype = "${party ? 'đảng bộ cơ sở' : 'chi bộ trực thuộc'}"\n` +
      (party ? '' : `parent = "db-${i - (i % 5)}"\n`) + 'sector = "doanh nghiệp nhà nước"\n\n';
    const met = crit.slice(0, 1 + ((i * 7) % 4)).map((c) => `"${c}"`).join(', ');
    rows += `  { unit = "${id}", met = [${met}] },\n`;
  }
  fs.mkdirSync(path.join(dir, 'content/thi-dua'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'site.toml'), 'title = "Đo lưới thi đua"\nbase_url = "https://example.vn/"\n');
  fs.writeFileSync(path.join(dir, 'content/_index.md'), '+++\ntitle = "Trang chủ"\n+++\n');
  fs.writeFileSync(path.join(dir, 'content/don-vi.toml'), units);
  fs.writeFileSync(path.join(dir, 'content/thi-dua/bon-tot.toml'),
    `name = "Bốn tốt"\n${rules}[[results]]\nyear = 2025\nunits = [\n${rows}]\n`);
  const git = (...a) => execFileSync('git', ['-C', dir, ...a]);
  git('init', '-q'); git('add', '-A'); git('-c', 'user.name=x', '-c', 'user.email=x@x', 'commit', '-qm', 'x');
  execFileSync(congbo, ['soan', '--site', dir, '--add-user', 'bench', '--name', 'Đo'], { input: 'mat-khau-bi-mat\n' });
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congbo-grid-'));
  makeSite(dir);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const desk = spawn(congbo, ['soan', '--site', dir, '--port', String(port), '--quiet'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) { try { await fetch(base + '/dang-nhap'); break; } catch { await new Promise((r) => setTimeout(r, 100)); } }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base + '/dang-nhap');
    await page.fill('#login', 'bench');
    await page.fill('#password', 'mat-khau-bi-mat');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    let t = Date.now();
    await page.goto(`${base}/thi-dua/ket-qua?tep=bon-tot&nam=2025`);
    const open = Date.now() - t;
    const boxes = await page.$$eval('tbody input[type=checkbox][name^="tc-"]', (b) => b.map((x) => x.name));
    const shown = [], server = [], inPage = [];
    const cpu0 = cpu(desk.pid);
    for (let i = 0; i < ticks; i++) {
      const name = boxes[(i * 97) % boxes.length];
      const before = await page.$eval('#luoi', (f) => f.dataset.shown || '0');
      const t0 = Date.now();
      await page.click(`[name="${name}"]`);
      await page.waitForFunction((b) => { const f = document.getElementById('luoi'); return f.dataset.shown !== b && f.dataset.shown === f.dataset.pending; }, before);
      shown.push(Date.now() - t0);
      server.push(Number(await page.$eval('#luoi', (f) => f.dataset.serverMs)));
      inPage.push(Number(await page.$eval('#luoi', (f) => f.dataset.recomputeMs)));
    }
    const used = cpu(desk.pid) - cpu0;
    await page.fill('#f-message', 'Đo thời gian lưu');
    t = Date.now();
    await Promise.all([page.waitForNavigation(), page.click('#luoi button[type=submit]')]);
    const save = Date.now() - t;
    const saved = /Đã lưu kết quả/.test(await page.textContent('main'));
    if (!saved) console.error(page.url(), (await page.textContent('main')).slice(0, 600));
    console.log(`corpus: ${unitCount} units, ${boxes.length} criterion boxes; grid page opened in ${open} ms`);
    console.log(`tick → grades shown, as Playwright sees it (its click and polling included): p50 ${pct(shown, 0.5)} ms, p90 ${pct(shown, 0.9)} ms, max ${Math.max(...shown)} ms`);
    console.log(`in the page, request sent → grades shown: p50 ${pct(inPage, 0.5).toFixed(1)} ms, p90 ${pct(inPage, 0.9).toFixed(1)} ms`);
    console.log(`desk's regrade of the year per tick: p50 ${pct(server, 0.5).toFixed(1)} ms, p90 ${pct(server, 0.9).toFixed(1)} ms`);
    console.log(`save (file written, site checked, committed, grid shown again): ${save} ms${saved ? '' : ' — NOT SAVED'}`);
    console.log(`desk CPU: ${(used * 1000 / ticks).toFixed(1)} ms per tick (${ticks} ticks)`);
  } finally {
    await browser.close();
    desk.kill('SIGINT');
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
