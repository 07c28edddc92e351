// The commissioner dashboard page: reads GET /api/dashboards and /api/dashboards/{view} with a bearer token
// and draws what the API publishes, already suppressed. It computes no figures of its own.
(function () {
  'use strict';

  var FILTERS = ['icb', 'borough', 'source', 'need', 'ageBand', 'sex', 'ethnicGroup', 'imdQuintile'];
  var state = { token: null, index: null, chart: null, last: null };

  function $(id) { return document.getElementById(id); }

  function option(select, value, label) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    select.appendChild(o);
  }

  function api(path, accept) {
    return fetch(path, { headers: { 'Authorization': 'Bearer ' + state.token, 'Accept': accept || 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            var error = new Error(problem.detail || ('The server answered ' + response.status + '.'));
            error.status = response.status;
            throw error;
          });
        }
        return accept === 'text/csv' ? response.text() : response.json();
      });
  }

  // Development mode: ask the app for a commissioner token. With a real identity provider the page takes a
  // token from the URL fragment (#access_token=...) left by the sign-in redirect, or one pasted by the user.
  function signIn() {
    var fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''));
    if (fragment.get('access_token')) {
      state.token = fragment.get('access_token');
      history.replaceState(null, '', window.location.pathname + window.location.search);
      return Promise.resolve();
    }
    var stored = sessionStorage.getItem('wayfinder.token');
    if (stored) {
      state.token = stored;
      return Promise.resolve();
    }
    return fetch('/dev/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ subject: 'dashboard-page', role: 'COMMISSIONER', organisation: 'LONDON' })
    }).then(function (response) {
      if (!response.ok) { throw new Error('no development tokens'); }
      return response.json();
    }).then(function (token) {
      state.token = token.accessToken;
    }).catch(function () {
      $('sign-in').hidden = false;
      return new Promise(function (resolve) {
        $('use-token').addEventListener('click', function () {
          state.token = $('token').value.trim();
          sessionStorage.setItem('wayfinder.token', state.token);
          $('sign-in').hidden = true;
          resolve();
        });
      });
    });
  }

  function fillChoices() {
    return Promise.all([
      api('/api/dashboards'),
      api('/api/reference/geography'),
      api('/api/reference/referral-sources'),
      api('/api/reference/needs')
    ]).then(function (answers) {
      state.index = answers[0];
      state.index.principles.forEach(function (principle) {
        var group = document.createElement('optgroup');
        group.label = principle.title;
        principle.views.forEach(function (view) { option(group, view.view, view.title); });
        $('view').appendChild(group);
      });
      var icbs = {};
      answers[1].boroughs.forEach(function (b) {
        option($('borough'), b.gssCode, b.name);
        if (b.healthAreaOdsCode && !icbs[b.healthAreaOdsCode]) { icbs[b.healthAreaOdsCode] = true; option($('icb'), b.healthAreaOdsCode, b.healthAreaName); }
      });
      answers[2].forEach(function (s) { option($('source'), s.code, s.label); });
      answers[3].forEach(function (n) { option($('need'), n.code, n.label); });
      ['AGE_0_17', 'AGE_18_24', 'AGE_25_34', 'AGE_35_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_74', 'AGE_75_84', 'AGE_85_PLUS']
        .forEach(function (a) { option($('ageBand'), a, a.replace('AGE_', '').replace('_PLUS', '+').replace('_', '–')); });
      ['FEMALE', 'MALE', 'OTHER', 'NOT_KNOWN', 'NOT_STATED'].forEach(function (s) { option($('sex'), s, s); });
      ['WHITE', 'MIXED', 'ASIAN', 'BLACK', 'OTHER', 'NOT_STATED'].forEach(function (e) { option($('ethnicGroup'), e, e); });
      [1, 2, 3, 4, 5].forEach(function (q) { option($('imdQuintile'), String(q), q + (q === 1 ? ' (most deprived)' : '')); });
      state.index.suppression.policies.forEach(function (p) { option($('suppression'), p.policy, p.policy); });
      $('suppression').value = state.index.suppression.default;
      var params = new URLSearchParams(window.location.search);
      $('view').value = params.get('view') || 'volumes';
      params.forEach(function (value, key) { if ($(key) && key !== 'view') { $(key).value = value; } });
      viewChanged(params.get('breakdown'));
    });
  }

  function currentView() {
    var id = $('view').value;
    var found = null;
    state.index.principles.forEach(function (p) { p.views.forEach(function (v) { if (v.view === id) { found = v; } }); });
    return found;
  }

  function viewChanged(breakdown) {
    var view = currentView();
    var select = $('breakdown');
    select.innerHTML = '';
    view.dimensions.forEach(function (d) { option(select, d, d); });
    select.value = breakdown && view.dimensions.indexOf(breakdown) >= 0 ? breakdown : view.defaultBreakdown;
    FILTERS.forEach(function (f) {
      var allowed = view.dimensions.indexOf(f === 'imdQuintile' ? 'imdQuintile' : f) >= 0;
      $(f).disabled = !allowed;
      if (!allowed) { $(f).value = ''; }
    });
  }

  function query() {
    var params = new URLSearchParams();
    ['period', 'from', 'to', 'breakdown', 'geography', 'suppression'].concat(FILTERS).forEach(function (name) {
      var element = $(name);
      if (element.value && !element.disabled) { params.set(name, element.value); }
    });
    return params;
  }

  function load() {
    var params = query();
    var path = '/api/dashboards/' + encodeURIComponent($('view').value) + '?' + params.toString();
    $('status').textContent = 'Loading…';
    $('error').hidden = true;
    return api(path).then(function (dashboard) {
      state.last = dashboard;
      render(dashboard);
      var shown = new URLSearchParams(params);
      shown.set('view', $('view').value);
      history.replaceState(null, '', window.location.pathname + '?' + shown.toString());
      $('status').textContent = 'Showing ' + dashboard.rows.length + ' row(s), ' + dashboard.period.granularity
        + ' from ' + dashboard.period.from + ' to ' + dashboard.period.to + '.';
      document.body.setAttribute('data-loaded', path);
    }).catch(function (error) {
      $('status').textContent = '';
      $('error-text').textContent = error.message;
      $('error').hidden = false;
      document.body.setAttribute('data-loaded', 'error');
    });
  }

  function formatted(value, kind) {
    if (value === null || value === undefined) { return '–'; }
    if (value === '*') { return '*'; }
    if (kind === 'share' || kind === 'share_of_total') { return (value * 100).toFixed(1) + '%'; }
    if (kind === 'statistic') { return String(value); }
    return Number(value).toLocaleString('en-GB');
  }

  function cell(tag, text, attributes) {
    var c = document.createElement(tag);
    c.className = tag === 'th' ? 'nhsuk-table__header' : 'nhsuk-table__cell';
    c.textContent = text;
    Object.keys(attributes || {}).forEach(function (k) { c.setAttribute(k, attributes[k]); });
    return c;
  }

  function render(dashboard) {
    $('view-title').textContent = dashboard.title;
    $('view-definition').textContent = dashboard.definition;
    $('figures-caption').textContent = dashboard.title + ' (' + dashboard.principle + ')';
    var head = $('figures-head');
    head.innerHTML = '';
    head.appendChild(cell('th', dashboard.breakdown === 'time' ? 'Period' : dashboard.breakdown, { scope: 'col' }));
    dashboard.measures.forEach(function (m) { head.appendChild(cell('th', m.label, { scope: 'col', 'class': 'nhsuk-table__header wf-number' })); });
    var body = $('figures-body');
    body.innerHTML = '';
    dashboard.rows.concat([dashboard.total]).forEach(function (row) {
      var tr = document.createElement('tr');
      tr.className = 'nhsuk-table__row';
      tr.setAttribute('data-row', row.key);
      tr.appendChild(cell('td', row.label));
      dashboard.measures.forEach(function (m) {
        var value = row.values[m.name];
        tr.appendChild(cell('td', formatted(value, m.kind), {
          'class': 'nhsuk-table__cell wf-number', 'data-measure': m.name,
          'data-value': value === null || value === undefined ? '' : String(value)
        }));
      });
      body.appendChild(tr);
    });
    var s = dashboard.suppression;
    $('suppression-note').textContent = s.applied
      ? 'Small numbers suppressed (' + s.policy + '): ' + s.rule + '. "*" marks a hidden figure.'
      : 'Not suppressed: ' + s.reason + '.';
    $('suppression-note').setAttribute('data-policy', s.policy);
    $('freshness').textContent = dashboard.freshness.map(function (f) {
      return 'Data currency: ' + f.processingGroup + ' is ' + f.eventsBehind + ' event(s) behind the event store'
        + (f.secondsBehind ? ' (' + f.secondsBehind + ' s)' : '') + '; ' + f.deadLetters + ' dead letter(s).';
    }).join(' ');
    chart(dashboard);
  }

  function numeric(value) { return typeof value === 'number' ? value : null; }

  function chart(dashboard) {
    if (!window.echarts) { return; }
    if (!state.chart) { state.chart = echarts.init($('chart')); }
    var counts = dashboard.measures.filter(function (m) { return m.kind === 'count'; });
    var labels = dashboard.rows.map(function (r) { return r.label; });
    var option;
    if (dashboard.view === 'funnel' && dashboard.breakdown === 'time') {
      option = {
        title: { text: 'Funnel over the period' }, tooltip: {},
        series: [{ type: 'funnel', sort: 'none', left: '10%', width: '80%',
          data: counts.map(function (m) { return { name: m.label, value: numeric(dashboard.total.values[m.name]) }; }) }]
      };
    } else {
      option = {
        tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { top: 50, left: 60, right: 20, bottom: 80 },
        xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 8 ? 45 : 0 } },
        yAxis: { type: 'value' },
        series: counts.map(function (m) {
          return { name: m.label, type: dashboard.breakdown === 'time' ? 'line' : 'bar',
            data: dashboard.rows.map(function (r) { return numeric(r.values[m.name]); }) };
        })
      };
    }
    state.chart.setOption(option, true);
  }

  function download() {
    var path = '/api/dashboards/' + encodeURIComponent($('view').value) + '?' + query().toString();
    api(path, 'text/csv').then(function (text) {
      var link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
      link.download = 'wayfinder-' + $('view').value + '.csv';
      document.body.appendChild(link);
      link.click();
      link.remove();
    }).catch(function (error) {
      $('error-text').textContent = error.message;
      $('error').hidden = false;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    signIn().then(fillChoices).then(function () {
      $('view').addEventListener('change', function () { viewChanged(); load(); });
      $('filters').addEventListener('submit', function (e) { e.preventDefault(); load(); });
      $('download').addEventListener('click', download);
      window.addEventListener('resize', function () { if (state.chart) { state.chart.resize(); } });
      return load();
    }).catch(function (error) {
      $('error-text').textContent = error.message;
      $('error').hidden = false;
    });
  });
}());
