#!/usr/bin/env node
// congbo serve under load: N open live-reload channels (preview tabs) and M
// slow clients (one byte a second) held open while R ordinary requests run
// at concurrency C. Prints p50/p99/max latency and the errors; then checks
// that a 1 MB request head is refused at once (431) and a slow client is
// let go (408). Bounded: every loop has a count and the run a time limit.
//
// usage: bench/serve-load.js [--site DIR] [--reload 50] [--slow 20] [--requests 1000] [--concurrency 50]
//                            [--congbo BINARY]   (another build to compare, e.g. an older one)
'use strict';
const { spawn } = require('child_process');
const http = require('http');
const net = require('net');
const path = require('path');

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf('--' + name); return i >= 0 ? args[i + 1] : dflt; };
const ROOT = path.resolve(__dirname, '..');
const site = path.resolve(opt('site', ROOT));
const reloads = +opt('reload', 50), slows = +opt('slow', 20);
const total = +opt('requests', 1000), concurrency = +opt('concurrency', 50);
const port = 30000 + Math.floor(Math.random() * 20000);
const fs = require('fs');
// CPU seconds (user + system) a process has used so far, from /proc.
const cpuOf = (pid) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (+f[11] + +f[12]) / 100;
};
const pages = ['/', '/van-ban/', '/css/congbo.css', '/tim-kiem/', '/khong-co/'];

setTimeout(() => { console.error('serve-load: time limit (120 s) reached'); process.exit(2); }, 120000).unref();

const get = (p) => new Promise((resolve) => {
  const start = process.hrtime.bigint();
  const req = http.get({ host: '127.0.0.1', port, path: p, agent: false, timeout: 5000 }, (res) => {
    res.resume();
    res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.statusCode }));
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (e) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, error: e.message }));
});

async function waitUp() {
  for (let i = 0; i < 300; ++i) {
    const r = await get('/');
    if (r.status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('serve did not answer');
}

function raw(head, wantMs) {  // sends `head`, resolves with the status line and how long it took
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    const start = Date.now();
    let got = '';
    s.on('data', (d) => { got += d; });
    s.on('close', () => resolve({ line: got.split('\r\n')[0], ms: Date.now() - start }));
    s.on('error', () => {});
    s.write(head);
    setTimeout(() => s.destroy(), wantMs);
  });
}

(async () => {
  const serve = spawn(path.resolve(opt('congbo', path.join(ROOT, 'build', 'congbo'))), ['serve', '--site', site, '--port', String(port), '--quiet'],
                      { stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await waitUp();
    const held = [];
    for (let i = 0; i < reloads; ++i) {
      held.push(http.get({ host: '127.0.0.1', port, path: '/__congbo/events', agent: false }, (res) => res.resume()));
    }
    const slow = [];
    for (let i = 0; i < slows; ++i) {
      const s = net.connect(port, '127.0.0.1');
      s.on('error', () => {});
      const line = 'GET / HTTP/1.1\r\nHost: x\r\n';
      let k = 0;
      const t = setInterval(() => { if (!s.destroyed) s.write(line[k++ % line.length]); }, 1000);
      slow.push({ s, t });
    }
    await new Promise((r) => setTimeout(r, 500));
    const cpu0 = process.cpuUsage(), serveCpu0 = cpuOf(serve.pid);
    const started = Date.now();
    const results = [];
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < total) { const i = next++; results.push(await get(pages[i % pages.length])); }
    }));
    const wall = (Date.now() - started) / 1000, serveCpu = cpuOf(serve.pid) - serveCpu0;
    const ms = results.filter((r) => !r.error).map((r) => r.ms).sort((a, b) => a - b);
    const q = (p) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1) : 'none');
    const errors = results.filter((r) => r.error || (r.status !== 200 && r.status !== 404));
    console.log(`serve under load: ${reloads} reload channels, ${slows} slow clients open; ` +
                `${total} requests at concurrency ${concurrency} in ${wall.toFixed(2)} s`);
    console.log(`  latency p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${ms.length ? ms[ms.length - 1].toFixed(1) : 'none'} ms; ` +
                `errors ${errors.length}` + (errors.length ? ` (${JSON.stringify(errors[0])})` : ''));
    const big = await raw('GET / HTTP/1.1\r\nHost: x\r\nX-Big: ' + 'a'.repeat(1 << 20) + '\r\n\r\n', 3000);
    console.log(`  1 MB request head: ${big.line} after ${big.ms} ms`);
    const lazy = await raw('GET / HTTP/1.1\r\n', 15000);
    console.log(`  a client that stops half-way: ${lazy.line || 'closed'} after ${lazy.ms} ms`);
    for (const { s, t } of slow) { clearInterval(t); s.destroy(); }
    for (const h of held) h.destroy();
    const budget = errors.length === 0 && ms.length > 0 && +q(0.99) <= 100 && big.line.includes('431') && lazy.line.includes('408');
    console.log(`  budget (p99 <= 100 ms, no error, 431, 408): ${budget ? 'met' : 'NOT met'}`);
    const cpu = process.cpuUsage(cpu0);
    console.log(`  CPU during the requests: congbo serve ${serveCpu.toFixed(2)} s, ` +
                `the load generator ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (2 cores shared)`);
    process.exitCode = budget ? 0 : 1;
  } finally {
    serve.kill('SIGINT');
  }
})();
