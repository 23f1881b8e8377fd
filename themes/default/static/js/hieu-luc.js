// hieu-luc.js: a document's status on the reader's own today, and on any day
// they choose. The page carries its timeline (document_view.cc, set_force):
// data-force = [{"from":"2021-01-01","status":"Còn hiệu lực"}, …], the start
// first, each later entry the status from that day on ("" = from the start).
(function () {
  'use strict';
  var box = document.querySelector('.doc-status[data-force]');
  if (!box) return;
  var timeline;
  try { timeline = JSON.parse(box.dataset.force); } catch (e) { return; }
  if (!timeline.length) return;
  var notYet = box.dataset.notYet;

  // The status on `day` ("2024-05-01"): the last entry from on or before it.
  function statusOn(day) {
    if (timeline[0].start && day < timeline[0].from) return notYet;  // before it takes effect
    var status = null;
    timeline.forEach(function (p) { if (!p.from || p.from <= day) status = p.status; });
    return status || notYet;
  }
  function iso(d) {
    return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
  }
  function display(day) { return day.slice(8, 10) + '/' + day.slice(5, 7) + '/' + day.slice(0, 4); }

  // The page was built on some day; the reader reads it on theirs.
  var today = iso(new Date());
  var name = box.querySelector('.force-name');
  var now = statusOn(today);
  if (name && name.textContent !== now) {
    name.textContent = now;
    box.querySelectorAll('.force-reason').forEach(function (r) { r.hidden = true; });
  }

  var on = box.querySelector('.force-on');
  var input = on.querySelector('input');
  var output = on.querySelector('output');
  input.value = today;
  function show() {
    if (!input.value) { output.textContent = ''; return; }
    output.textContent = display(input.value) + ': ' + statusOn(input.value);
  }
  input.addEventListener('input', show);
  input.addEventListener('change', show);
  on.hidden = false;
})();
