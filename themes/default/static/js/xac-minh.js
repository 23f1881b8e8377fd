// xac-minh.js: /xac-minh/ — is this file exactly what the committee published?
//
// Reads the publication record congbo publish writes beside this page
// (generator/tools/proof.h): ban-cong-bo.txt (the root), its Ed25519
// signature ban-cong-bo.sig, and of the shards tep/<prefix>.txt only the one
// the file's SHA-256 falls in. The signature is checked with the key the page
// carries (site.toml's public_key), each shard against the root's hash of it.
// The file never leaves the reader's machine: only its hash is looked up.
(function () {
  'use strict';
  var form = document.getElementById('xac-minh');
  if (!form) return;
  var out = document.getElementById('ket-qua-xac-minh');
  var fileInput = document.getElementById('_tep');
  var pageInput = document.getElementById('_trang');
  var here = new URL('./', location.href);
  var record = null;

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer), function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }
  function sha256(bytes) { return crypto.subtle.digest('SHA-256', bytes).then(hex); }
  function base64(text) {
    var s = atob(text), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }
  // "2026-12-01T10:00:00Z" → "17:00 ngày 01/12/2026" (Vietnam's time, as congbo verify says it).
  function vietnamTime(iso) {
    var d = new Date(Date.parse(iso) + 7 * 3600 * 1000);
    if (isNaN(d)) return iso;
    function two(n) { return String(n).padStart(2, '0'); }
    return two(d.getUTCHours()) + ':' + two(d.getUTCMinutes()) + ' ngày ' + two(d.getUTCDate()) + '/' +
      two(d.getUTCMonth() + 1) + '/' + d.getUTCFullYear();
  }

  function parseRoot(text) {
    var root = { log: [], shards: {}, prefix: 1, key: '', release: null };
    text.split('\n').forEach(function (line) {
      var w = line.split(' ');
      if (w[0] === 'site') root.site = w[1];
      else if (w[0] === 'key') root.key = w[1];
      else if (w[0] === 'prefix') root.prefix = Number(w[1]);
      else if (w[0] === 'shard') root.shards[w[1]] = w[2];
      else if ((w[0] === 'release' || w[0] === 'log') && w.length === 5) {
        var r = { seq: Number(w[1]), name: w[2], commit: w[3], time: w[4] };
        if (w[0] === 'release') root.release = r; else root.log.push(r);
      }
    });
    return root;
  }

  // 'ok', 'bad', 'none' (no signature) or 'unsupported' (no Ed25519 in this browser).
  function checkSignature(key, bytes, signature) {
    if (!signature) return Promise.resolve('none');
    try {
      return crypto.subtle.importKey('raw', base64(key.slice('ed25519:'.length)), { name: 'Ed25519' }, false, ['verify'])
        .then(function (k) { return crypto.subtle.verify({ name: 'Ed25519' }, k, base64(signature), bytes); })
        .then(function (good) { return good ? 'ok' : 'bad'; }, function () { return 'unsupported'; });
    } catch (e) {
      return Promise.resolve('unsupported');
    }
  }

  function fetchBytes(url) {
    return fetch(url, { cache: 'no-cache' }).then(function (r) {
      if (!r.ok) throw new Error(String(r.status));
      return r.arrayBuffer();
    });
  }

  function loadRecord() {
    if (record) return record;
    record = Promise.all([
      fetchBytes(new URL('ban-cong-bo.txt', here)),
      fetch(new URL('ban-cong-bo.sig', here), { cache: 'no-cache' }).then(function (r) { return r.ok ? r.text() : ''; })
    ]).then(function (got) {
      var root = parseRoot(new TextDecoder().decode(got[0]));
      var key = form.dataset.key;
      return checkSignature(key, got[0], got[1].trim()).then(function (signature) {
        if (root.key !== key && signature === 'ok') signature = 'bad';
        return { root: root, signature: signature };
      });
    });
    record.catch(function () { record = null; });
    return record;
  }

  // The record's entries for `hash`: [{path, first, last}], after the shard is checked against the root.
  function lookup(root, hash) {
    var shard = hash.slice(0, root.prefix);
    var want = root.shards[shard];
    if (!want) return Promise.resolve([]);
    return fetchBytes(new URL('tep/' + shard + '.txt', here)).then(function (bytes) {
      return sha256(bytes).then(function (got) {
        if (got !== want) throw new Error('shard');
        var found = [];
        new TextDecoder().decode(bytes).split('\n').forEach(function (line) {
          if (line.slice(0, 64) !== hash) return;
          var w = line.split(' ');
          found.push({ first: Number(w[1]), last: Number(w[2]), path: w.slice(3).join(' ') });
        });
        return found;
      });
    });
  }

  function address(path) {
    if (path === 'index.html') return '/';
    return '/' + (path.slice(-11) === '/index.html' ? path.slice(0, -10) : path);
  }
  function stamp(root, seq) {
    var r = root.log.filter(function (x) { return x.seq === seq; })[0];
    return 'bản ' + seq + (r ? ' (' + vietnamTime(r.time) + ')' : '');
  }

  function show(kind, heading, lines) {
    out.className = 'verify-result ' + kind;
    out.textContent = '';
    var h = document.createElement('h2');
    h.textContent = heading;
    out.appendChild(h);
    var list = document.createElement('ul');
    lines.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      list.appendChild(li);
    });
    if (lines.length) out.appendChild(list);
  }

  function judge(name, bytes) {
    if (!window.crypto || !crypto.subtle) {
      show('bad', 'Trình duyệt không cho tính mã băm ở đây', ['Chỉ kiểm được trên trang mở bằng https://. Dùng lệnh congbo verify thay thế.']);
      return;
    }
    show('', 'Đang xác minh ' + name + '…', []);
    Promise.all([loadRecord(), sha256(bytes)]).then(function (got) {
      var rec = got[0], hash = got[1], root = rec.root;
      if (rec.signature === 'bad' || rec.signature === 'none') {
        show('bad', 'Không xác minh được: bản ghi công bố trên máy chủ ' +
          (rec.signature === 'none' ? 'không có chữ ký' : 'không khớp chữ ký của Ban'), ['Không nên tin kết quả nào từ bản ghi này. Hãy báo cho văn phòng.']);
        return null;
      }
      return lookup(root, hash).then(function (found) {
        var note = rec.signature === 'unsupported'
          ? ['Trình duyệt này không kiểm được chữ ký số Ed25519: kết quả dựa trên bản ghi tải từ máy chủ. Để chắc chắn, dùng lệnh congbo verify.']
          : [];
        if (!found.length) {
          show('bad', name + ' không khớp với tệp nào đã công bố',
            ['Tệp đã bị sửa (dù chỉ một ký tự), hoặc không phải của trang này. Mã SHA-256: ' + hash].concat(note));
          return;
        }
        show('good', name + ' đúng là tệp Ban đã công bố', found.map(function (e) {
          return 'Địa chỉ ' + address(e.path) + ': từ ' + stamp(root, e.first) +
            (e.last === root.release.seq ? ', vẫn có trong bản đang phát hành.' : ' đến ' + stamp(root, e.last) + '; bản sau đó đã thay tệp này.');
        }).concat(['Mã SHA-256: ' + hash]).concat(note));
      });
    }).catch(function (e) {
      show('bad', 'Chưa xác minh được', [e && e.message === '404'
        ? 'Trang này chưa có bản ghi công bố (bản xem thử, chưa công bố bằng congbo publish).'
        : e && e.message === 'shard' ? 'Một phần bản ghi công bố trên máy chủ đã bị sửa: không khớp mã băm trong bản ghi có chữ ký.'
        : 'Không tải được bản ghi công bố. Thử lại sau.']);
    });
  }

  function checkPage(value) {
    var url;
    try { url = new URL(value, location.origin); } catch (e) { url = null; }
    if (!url || url.origin !== location.origin) {
      show('bad', 'Chỉ xác minh được địa chỉ thuộc trang này', ['Với trang lưu từ nơi khác, hãy chọn tệp đã lưu ở trên.']);
      return;
    }
    var path = url.pathname;
    fetchBytes(url.pathname + (path.slice(-1) === '/' ? 'index.html' : '')).then(function (bytes) {
      judge(path, bytes);
    }, function () { show('bad', 'Không tải được ' + path, []); });
  }

  fileInput.addEventListener('change', function () {
    var f = fileInput.files[0];
    if (f) f.arrayBuffer().then(function (b) { judge(f.name, b); });
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (pageInput.value.trim()) checkPage(pageInput.value.trim());
  });
  var asked = new URLSearchParams(location.search).get('trang');
  if (asked) {
    pageInput.value = asked;
    checkPage(asked);
  }

  // The publication log, newest first.
  var body = document.querySelector('#nhat-ky tbody');
  loadRecord().then(function (rec) {
    body.textContent = '';
    rec.root.log.slice().reverse().forEach(function (r) {
      var tr = document.createElement('tr');
      [String(r.seq) + (r.seq === rec.root.release.seq ? ' (đang phát hành)' : ''), vietnamTime(r.time), r.commit.slice(0, 7)]
        .forEach(function (text) {
          var td = document.createElement('td');
          td.textContent = text;
          tr.appendChild(td);
        });
      body.appendChild(tr);
    });
  }, function () {
    body.innerHTML = '<tr><td colspan="3">Chưa có lần công bố nào (đây là bản xem thử).</td></tr>';
  });
})();
