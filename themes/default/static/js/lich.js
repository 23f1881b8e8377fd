// lich.js: the emulation calendar (/thi-dua/lich/ and each campaign year's
// deadlines). The page lists every deadline with its date; this marks, by
// the reader's own today, which have passed and how many days the next
// ones have left, so a page built months ago still tells the truth.
(function () {
  'use strict';
  var items = document.querySelectorAll('li.deadline[data-date]');
  if (!items.length) return;
  var now = new Date();
  var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  var next = null;
  items.forEach(function (li) {
    var p = li.dataset.date.split('-');
    var days = Math.round((Date.UTC(+p[0], +p[1] - 1, +p[2]) - today) / 86400000);
    var state = li.querySelector('.due-state');
    if (days < 0) {
      li.classList.add('past');
      state.textContent = li.querySelector('.deadline-missing') ? 'Đã quá hạn' : 'Đã qua';
      if (li.querySelector('.deadline-missing')) li.classList.add('overdue');
    } else {
      state.textContent = days === 0 ? 'Hôm nay' : 'Còn ' + days + ' ngày';
      li.classList.add('upcoming');
      if (!next) next = li;
    }
  });
  if (next) next.classList.add('next');
  // On the calendar, what is still to come goes first; what has passed
  // follows under its own heading, the most recent first.
  var list = document.querySelector('.calendar ol.deadlines');
  var past = list ? list.querySelectorAll('li.past') : [];
  if (!past.length) return;
  var heading = document.createElement('h2');
  heading.textContent = 'Đã qua';
  var older = document.createElement('ol');
  older.className = 'deadlines';
  for (var i = past.length - 1; i >= 0; i--) older.appendChild(past[i]);
  list.after(heading, older);
  if (!list.children.length) list.remove();
})();
