// Filters of the policy-check HTML report: by principle, severity, status and party. A clause stays
// in view when one of its conflicts passes; heat-map cells that do not pass are dimmed.
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll('select'));
  function wanted() {
    var w = {};
    selects.forEach(function (s) { if (s.value) w[s.name] = s.value; });
    return w;
  }
  // data-* attributes hold space-separated values: a cell lists every status and party it covers.
  function passes(el, w) {
    return Object.keys(w).every(function (k) {
      return (' ' + (el.getAttribute('data-' + k) || '') + ' ').indexOf(' ' + w[k] + ' ') >= 0;
    });
  }
  function apply() {
    var w = wanted(), any = Object.keys(w).length > 0, shown = 0;
    document.querySelectorAll('.conflict').forEach(function (c) {
      var ok = passes(c, w);
      c.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    document.querySelectorAll('article.clause').forEach(function (a) {
      a.classList.toggle('hidden', any && !a.querySelector('.conflict:not(.hidden)'));
    });
    document.querySelectorAll('table.heatmap td[data-principle]').forEach(function (td) {
      td.classList.toggle('dim', any && !passes(td, w));
    });
    form.querySelector('.count').textContent = shown + ' conflict' + (shown === 1 ? '' : 's') + ' shown';
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  form.querySelector('button').addEventListener('click', function (e) {
    e.preventDefault();
    selects.forEach(function (s) { s.value = ''; });
    apply();
  });
  apply();
})();
