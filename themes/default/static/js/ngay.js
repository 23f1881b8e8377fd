// ngay.js: /van-ban/ngay/ — the documents as they stood on a chosen day.
// Reads the files on_date_page.cc writes beside the page: nam.json (the issue
// years, newest first, with counts), then one <year>.json at a time, from the
// chosen day's year down, only as far as the list shown needs. The day is
// kept in the address (?ngay=2022-01-01).
(function () {
  'use strict';
  var form = document.getElementById('nhu-ngay');
  if (!form) return;
  var input = form.elements.ngay;
  var status = document.getElementById('nhu-ngay-trang-thai');
  var list = document.getElementById('nhu-ngay-ket-qua');
  var more = document.getElementById('nhu-ngay-them');
  var base = form.dataset.src, PAGE = 20;
  var years = null, cache = {}, token = 0;

  function json(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name + '.json').then(function (r) {
        if (!r.ok) throw new Error(name);
        return r.json();
      });
    }
    return cache[name];
  }
  function display(day) { return day.slice(8, 10) + '/' + day.slice(5, 7) + '/' + day.slice(0, 4); }

  // What a document was on `day`: null when it had not been issued (an
  // undated one: not yet published here) or had been removed from the site;
  // else its status then and the version to read: the last published on or
  // before that day, or, for a document issued before the site had it, the
  // first the site published (said so).
  function asOf(doc, day) {
    if (doc.g && doc.g <= day) return null;
    if (doc.d ? doc.d > day : doc.a && doc.a > day) return null;
    var version = null, later = false;
    for (var i = 0; i < doc.v.length; i++) {
      if (doc.v[i][0] <= day) { version = doc.v[i]; break; }
    }
    if (!version && doc.v.length) { version = doc.v[doc.v.length - 1]; later = true; }
    var force = null;
    if (doc.f.length && doc.f[0][2] && day < doc.f[0][0]) force = 'Chưa có hiệu lực';  // before it takes effect
    else doc.f.forEach(function (p) { if (!p[0] || p[0] <= day) force = p[1]; });
    if (!force && doc.f.length) force = 'Chưa có hiệu lực';
    var newest = doc.v.length && version === doc.v[0] && !doc.g;  // a removed document's page says it is removed: its text is a version page
    return { url: version && !newest ? doc.u + 'phien-ban/' + version[1] + '/' : doc.u, version: version, later: later, force: force };
  }

  function item(doc, then) {
    var li = document.createElement('li'), a = document.createElement('a'), meta = document.createElement('p');
    li.className = 'item';
    a.className = 'item-title';
    a.href = then.url;
    if (doc.n) {
      var n = document.createElement('span');
      n.className = 'item-number';
      n.textContent = doc.n;
      a.appendChild(n);
      a.appendChild(document.createTextNode(' '));
    }
    a.appendChild(document.createTextNode(doc.t));
    meta.className = 'item-meta';
    meta.textContent = [doc.k, doc.d ? display(doc.d) : 'Không rõ ngày', then.force,
      then.version ? (then.later ? 'trang đăng lần đầu ngày ' : 'phiên bản ngày ') + display(then.version[0]) : '']
      .filter(Boolean).join(' · ');
    li.appendChild(a);
    li.appendChild(meta);
    return li;
  }

  // Shows the list for `day`, PAGE at a time, reading year files as needed.
  function show(day) {
    var mine = ++token, shown = 0, found = 0, y = 0, pending = [];
    list.textContent = '';
    status.textContent = 'Đang tải…';
    document.title = 'Văn bản như ngày ' + display(day) + ' – ' + document.title.replace(/^.*? – /, '');
    var heading = document.getElementById('_tieu-de');
    if (heading) heading.textContent = 'Văn bản như ngày ' + display(day);
    function fill() {
      while (pending.length && shown < PAGE * (fill.pages || 1)) { list.appendChild(pending.shift()); shown++; }
      if (shown >= PAGE * (fill.pages || 1) || y >= years.length) {
        more.hidden = !pending.length && y >= years.length;
        status.textContent = found ? 'Như ngày ' + display(day) + ': ' + (y >= years.length && !pending.length ? found : 'ít nhất ' + found) +
          ' văn bản đã ban hành.' : 'Vào ngày ' + display(day) + ' chưa có văn bản nào.';
        return Promise.resolve();
      }
      var year = years[y++][0];
      if (year !== '' && year > +day.slice(0, 4)) return fill();  // issued after that day's year
      return json(year === '' ? 'khong-ro' : String(year)).then(function (docs) {
        if (mine !== token) return;
        docs.forEach(function (doc) {
          var then = asOf(doc, day);
          if (then) { pending.push(item(doc, then)); found++; }
        });
        return fill();
      });
    }
    more.onclick = function () { fill.pages = (fill.pages || 1) + 1; fill(); };
    fill.pages = 1;
    return fill().catch(function () { status.textContent = 'Không tải được danh sách. Thử lại sau.'; });
  }

  function start(day) {
    (years ? Promise.resolve(years) : json('nam').then(function (y) { years = y; return y; })).then(function () { show(day); },
      function () { status.textContent = 'Không tải được danh sách. Thử lại sau.'; });
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    if (!input.value) return;
    history.replaceState(null, '', location.pathname + '?ngay=' + input.value);
    start(input.value);
  });
  var asked = new URLSearchParams(location.search).get('ngay');
  if (asked && /^\d{4}-\d\d-\d\d$/.test(asked)) {
    input.value = asked;
    start(asked);
  }
})();
