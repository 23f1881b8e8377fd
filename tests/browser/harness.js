// harness.js: what every browser test needs. Debian's Chromium (never a
// downloaded browser) driven by playwright-core, and a static file server on
// 127.0.0.1 over the site congbo built, as any static host would serve it.
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` on a free port of 127.0.0.1; resolves to { url, close, requests }. */
function serve(dir) {
  const root = path.resolve(dir);
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const entry = { path: url.pathname, bytes: 0 };
    requests.push(entry);
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      entry.bytes = data.length;
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Headless Debian Chromium with the flags this workplace requires. */
function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** `congbo soan` on `dir` (extra arguments after), on a free port of
 * 127.0.0.1, once it answers; resolves to { base, stop }. */
async function startDesk(dir, extra = []) {
  const { spawn } = require('node:child_process');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const desk = spawn(process.env.CONGBO_BIN, ['soan', '--site', dir, '--port', String(port), '--quiet', ...extra], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try { await fetch(base + '/dang-nhap'); break; } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  const stop = () => {
    const exited = new Promise((resolve) => desk.on('exit', resolve));
    desk.kill('SIGINT');
    return exited;
  };
  return { base, stop };
}

/** Makes `dir` a git repository with everything in it committed. */
function commitAll(dir, message = 'Trang đầu tiên') {
  const { execFileSync } = require('node:child_process');
  const git = (...args) => execFileSync('git', ['-C', dir, ...args]);
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=Văn phòng', '-c', 'user.email=vp@example.vn', 'commit', '-qm', message);
}

/** Adds a desk account whose password is "mat-khau-bi-mat". */
function addAccount(dir, login, name, role = 'soan', email = '') {
  const { execFileSync } = require('node:child_process');
  execFileSync(process.env.CONGBO_BIN, ['soan', '--site', dir, '--add-user', login, '--name', name, '--role', role,
    ...(email ? ['--email', email] : [])], { input: 'mat-khau-bi-mat\n' });
}

/** The built site to test, from run.sh. */
function siteDir() {
  const dir = process.env.CONGBO_SITE_OUT;
  if (!dir) throw new Error('CONGBO_SITE_OUT is not set: run tests/browser/run.sh');
  return dir;
}

module.exports = { serve, launch, siteDir, startDesk, commitAll, addAccount };
