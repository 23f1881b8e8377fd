// so-sanh.js: compare any two versions of a document in the browser, with no
// server. Reads PAGE/phien-ban/phien-ban.json (every version's front matter
// fields and the address of a page showing its text), then the two pages
// compared, and marks words added and removed and fields changed, like the
// pages congbo writes for consecutive versions. The choice
// is kept in the address (?tu=ID&den=ID), so a comparison can be sent and
// opened again. Plain JavaScript, no dependencies.
(function () {
  'use strict';
  var form = document.getElementById('so-sanh');
  var out = document.getElementById('ket-qua-so-sanh');
  if (!form || !out || !window.fetch) return;

  // Tags, runs of spaces, and words (a Vietnamese syllable is a word here).
  function tokens(html) { return html.match(/<[^>]*>|\s+|[^<\s]+/g) || []; }

  // Myers' O(ND) diff; returns a list of 'e' (equal), 'i' (insert), 'd' (delete).
  // The trace keeps only the diagonals each step reached (D², not a copy of
  // the whole array per step), and past `limit` edits the texts read as
  // replaced whole, so two unlike versions cannot hang the page.
  function diff(a, b, limit) {
    var n = a.length, m = b.length, max = Math.min(n + m, limit), off = max + 1, v = new Array(2 * max + 3).fill(0), trace = [], d, k, found = -1;
    for (d = 0; d <= max && found < 0; d++) {
      trace.push(v.slice(off - d, off + d + 1));
      for (k = -d; k <= d; k += 2) {
        var x = (k === -d || (k !== d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
        var y = x - k;
        while (x < n && y < m && a[x] === b[y]) { x++; y++; }
        v[off + k] = x;
        if (x >= n && y >= m) { found = d; break; }
      }
    }
    var ops = [];
    if (found < 0) {
      for (k = 0; k < n; k++) ops.push('d');
      for (k = 0; k < m; k++) ops.push('i');
      return ops;
    }
    var x2 = n, y2 = m;
    for (d = found; d > 0; d--) {
      var row = trace[d], kk = x2 - y2, pv = function (j) { return row[j + d]; };
      var pk = (kk === -d || (kk !== d && pv(kk - 1) < pv(kk + 1))) ? kk + 1 : kk - 1;
      var px = pv(pk), py = px - pk;
      while (x2 > px && y2 > py) { ops.push('e'); x2--; y2--; }
      ops.push(x2 === px ? 'i' : 'd');
      x2 = px; y2 = py;
    }
    while (x2 > 0 && y2 > 0) { ops.push('e'); x2--; y2--; }
    return ops.reverse();
  }

  function isTag(t) { return t.charAt(0) === '<'; }
  function isSpace(t) { return /^\s+$/.test(t); }

  // Every token of the newer text, plus the removed words in <del>.
  function mark(before, after) {
    var a = tokens(before), b = tokens(after), ops = diff(a, b, 4000), i = 0, j = 0, html = '', k = 0;
    while (k < ops.length) {
      if (ops[k] === 'e') { html += b[j]; i++; j++; k++; continue; }
      var del = [], ins = [];
      while (k < ops.length && ops[k] !== 'e') {
        if (ops[k] === 'd') del.push(a[i++]); else ins.push(b[j++]);
        k++;
      }
      var words = del.filter(function (t) { return !isTag(t) && !isSpace(t); });
      if (words.length) html += '<del>' + words.join(' ') + '</del>';
      var open = false;
      ins.forEach(function (t) {
        if (isTag(t)) { if (open) { html += '</ins>'; open = false; } html += t; return; }
        if (isSpace(t)) { html += t; return; }
        if (!open) { html += '<ins>'; open = true; }
        html += t;
      });
      if (open) html += '</ins>';
    }
    return html;
  }

  function escapeHtml(s) {
    return s.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }

  // The front matter fields that differ, as the pages for consecutive versions list them.
  function fieldChanges(a, b) {
    var after = {}, items = '';
    (b.fields || []).forEach(function (f) { after[f[0]] = f[1]; });
    (a.fields || []).forEach(function (f) {
      var before = f[1], now = after[f[0]] === undefined ? '' : after[f[0]];
      if (before === now) return;
      items += '<li><strong>' + escapeHtml(f[0]) + '</strong>: <del>' + escapeHtml(before || '(trống)') + '</del> → <ins>' +
        escapeHtml(now || '(trống)') + '</ins></li>';
    });
    return items ? '<h3>Thông tin văn bản thay đổi</h3><ul class="field-changes">' + items + '</ul><h3>Nội dung</h3>' : '';
  }

  // ?tu=ID&den=ID: a comparison has an address a reader can send.
  fetch(form.getAttribute('data-src')).then(function (r) { return r.json(); }).then(function (versions) {
    var from = form.elements.tu, to = form.elements.den;
    versions.forEach(function (v, n) {
      var label = v.date + ' — ' + v.subject;
      from.add(new Option(label, v.id, false, n === 1));
      to.add(new Option(label, v.id, false, n === 0));
    });
    function byId(id) { return versions.filter(function (v) { return v.id === id; })[0]; }
    // A version's text, as its page shows it (read once).
    var texts = {};
    function text(v) {
      if (!texts[v.id]) {
        texts[v.id] = fetch(v.text).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.text();
        }).then(function (page) {
          var body = new DOMParser().parseFromString(page, 'text/html').querySelector('[data-body]');
          if (!body) throw new Error('no text');
          return body.innerHTML.trim() + '\n';
        });
        texts[v.id].catch(function () { delete texts[v.id]; });
      }
      return texts[v.id];
    }
    var shown = 0;  // the comparison last asked for: only its answer is shown
    function compare() {
      var a = byId(from.value), b = byId(to.value), n = ++shown;
      if (!a || !b) return;
      out.setAttribute('aria-busy', 'true');
      Promise.all([text(a), text(b)]).then(function (t) {
        if (n !== shown) return;
        out.innerHTML = '<p class="diff-legend">Từ phiên bản ngày ' + a.date + ' đến phiên bản ngày ' + b.date +
          '. <ins>Chữ được thêm</ins>, <del>chữ bị bỏ</del>.</p>' + fieldChanges(a, b) + mark(t[0], t[1]);
      }, function () {
        if (n === shown) out.textContent = 'Không tải được nội dung phiên bản để so sánh; hãy thử lại.';
      }).then(function () { if (n === shown) out.removeAttribute('aria-busy'); });
    }
    form.hidden = false;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      history.replaceState(null, '', location.pathname + '?tu=' + encodeURIComponent(from.value) +
        '&den=' + encodeURIComponent(to.value) + '#_so-sanh');
      compare();
      var hint = document.querySelector('.compare-hint');
      if (hint) hint.hidden = false;
    });
    var asked = new URLSearchParams(location.search);
    if (byId(asked.get('tu')) && byId(asked.get('den'))) {
      from.value = asked.get('tu');
      to.value = asked.get('den');
      compare();
    }
  });
})();
