/*
 * DreamNet operator console. Reads DreamNet's JSON API every 2 s and renders it; operator actions POST to the admin
 * API with the token from this tab's sessionStorage as a bearer header. Every piece of data reaches the page through
 * textContent or an attribute, never as markup. The page says which API serves it: the Javalin plugin's routes
 * ("plugin") or the Spring Boot starter's actuator endpoint ("actuator"), and whether the browser's own credentials
 * (a session cookie, Spring Security's) go with each call.
 */
(function () {
  'use strict';

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    return tag ? tag.getAttribute('content') || '' : '';
  }

  var API = meta('dreamnet-api');
  var ACTUATOR = meta('dreamnet-api-kind') === 'actuator';
  var CREDENTIALS = meta('dreamnet-credentials') === 'same-origin' ? 'same-origin' : 'omit';
  var TOKEN_KEY = 'dreamnet.console.token';
  var PERIOD_MS = 2000;
  var HISTORY_S = 300;
  var MAX_ROUTES = 3;
  var COLORS = ['#4c8dff', '#2fb36b', '#e0a526', '#e5484d', '#b07cff', '#3cc8c8'];

  var ACTOR_KEY = 'dreamnet.console.actor';
  var token = sessionStorage.getItem(TOKEN_KEY) || '';
  var actor = sessionStorage.getItem(ACTOR_KEY) || '';
  var readRefused = null;
  var timer = null;

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined || value === false) {
          return;
        }
        if (key === 'text') {
          node.textContent = String(value);
        } else if (key === 'cls') {
          node.className = value;
        } else if (key === 'onclick') {
          node.addEventListener('click', value);
        } else {
          node.setAttribute(key, value === true ? '' : String(value));
        }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(String(child)));
    }
  }

  function replace(id) {
    var node = document.getElementById(id);
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    for (var i = 1; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function table(headers, rows) {
    return el('table', null,
      el('thead', null, el('tr', null, headers.map(function (h) { return el('th', { text: h }); }))),
      el('tbody', null, rows));
  }

  function td(value, cls) {
    return el('td', { cls: cls || null }, value === null || value === undefined ? '–' : value);
  }

  function num(value, cls) {
    return td(value, 'num' + (cls ? ' ' + cls : ''));
  }

  function stateCell(value, prefix) {
    return el('td', { cls: (prefix || 'state-') + value, 'data-role': 'state' }, value);
  }

  function pct(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(rate < 0.1 && rate > 0 ? 2 : 1) + '%';
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : value.toFixed(1) + '%';
  }

  function ms(value) {
    return value === null || value === undefined ? '–' : (value < 10 ? value.toFixed(1) : Math.round(value)) + ' ms';
  }

  function ago(iso) {
    if (!iso) {
      return '–';
    }
    var seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
    if (seconds < 0) {
      return 'in ' + duration(-seconds);
    }
    return duration(seconds) + ' ago';
  }

  function duration(seconds) {
    if (seconds < 90) {
      return seconds + ' s';
    }
    if (seconds < 5400) {
      return Math.round(seconds / 60) + ' min';
    }
    return (seconds / 3600).toFixed(1) + ' h';
  }

  function failure(result) {
    var body = result.body || {};
    var what = body.error ? body.error + (body.detail ? ': ' + body.detail : '') : (result.text || 'no answer');
    return result.status ? result.status + ' ' + what : what;
  }

  function problem(id, result) {
    replace(id, el('p', { cls: 'error' }, 'Cannot read: ' + failure(result)));
  }

  // ---------------------------------------------------------------- API

  function call(path, options) {
    var init = options || {};
    var headers = { 'Accept': 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    var method = init.method || 'GET';
    if (init.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET') {
      if (actor) {
        headers['X-Dreamnet-Actor'] = actor;
      }
      var csrf = CREDENTIALS === 'same-origin' ? cookie('XSRF-TOKEN') : null;
      if (csrf) {
        headers['X-XSRF-TOKEN'] = csrf;
      }
    }
    return fetch(API + path, {
      method: method, headers: headers, body: init.body, cache: 'no-store', credentials: CREDENTIALS
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch (e) {
          body = null;
        }
        return { ok: response.ok, status: response.status, body: body, text: text };
      });
    }, function (error) {
      return { ok: false, status: 0, body: null, text: 'the service does not answer (' + error.message + ')' };
    });
  }

  /** A cookie's value (Spring Security's CSRF token, when the application keeps it in one), or null. */
  function cookie(name) {
    var found = document.cookie.split('; ').filter(function (c) { return c.indexOf(name + '=') === 0; })[0];
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  // ---------------------------------------------------------------- the two APIs

  function enc(name) {
    return encodeURIComponent(name);
  }

  /** What the console reads every 2 s, by panel, from the plugin's routes or the actuator endpoint. */
  var READS = ACTUATOR ? {
    summary: '', signals: '/signals', breakers: '/breakers', gates: '/gates', watchdogs: '/watchdogs',
    startup: '/startup', flags: '/flags', rollouts: '/rollouts', fleet: '/fleet', overload: '/overload',
    slos: '/slos', audit: '/audit?limit=20'
  } : {
    summary: '/api/observability/summary',
    signals: '/api/observability/golden-signals',
    breakers: '/api/observability/circuit-breakers',
    gates: '/api/observability/health-gates',
    watchdogs: '/api/observability/watchdogs',
    startup: '/api/observability/startup-dag',
    flags: '/api/integration-flags',
    rollouts: '/api/observability/rollouts',
    fleet: '/api/observability/fleet',
    queues: '/api/observability/queues',
    overload: '/api/observability/overload',
    slos: '/api/observability/slos',
    audit: '/api/observability/audit?limit=20'
  };

  function auditPath(limit) {
    return (ACTUATOR ? '/audit' : '/api/observability/audit') + '?limit=' + limit;
  }

  /** A mode or kill switch on or off, on the plugin's routes. */
  function pluginToggle(name, on) {
    return { path: '/api/integration-flags/' + name + '/' + (on ? 'enable' : 'disable') };
  }

  /**
   * The operator's writes: each gives the request that makes it ({path, body, method}), or is null where that API
   * has no such write (the actuator endpoint quarantines no agent).
   */
  var WRITES = ACTUATOR ? {
    breaker: function (name, action) { return { path: '/breakers/' + enc(name), body: { action: action } }; },
    mode: function (name, on) { return { path: '/modes/' + name, body: { enabled: on } }; },
    killSwitch: function (name, on) { return { path: '/kill-switches/' + name, body: { enabled: on } }; },
    override: function (flag, on) { return { path: '/overrides/' + enc(flag), body: { enabled: on } }; },
    clearOverride: function (flag) { return { path: '/overrides/' + enc(flag), method: 'DELETE' }; },
    agent: null,
    rollout: function (name, action) { return { path: '/rollouts/' + enc(name), body: { action: action } }; },
    overload: function (action) { return { path: '/overload/' + action }; }
  } : {
    breaker: function (name, action) { return { path: '/api/admin/breakers/' + enc(name) + '/' + action }; },
    mode: pluginToggle,
    killSwitch: pluginToggle,
    override: function (flag, on) {
      return { path: '/api/integration-flags/flags/' + enc(flag) + '/override', body: { enabled: on } };
    },
    clearOverride: function (flag) { return { path: '/api/integration-flags/flags/' + enc(flag) + '/clear-override' }; },
    agent: function (agent, action) { return { path: '/api/integration-flags/agents/' + enc(agent) + '/' + action }; },
    rollout: function (name, action) { return { path: '/api/admin/rollouts/' + enc(name) + '/' + action }; },
    overload: function (action) { return { path: '/api/admin/overload/' + action }; }
  };

  // ---------------------------------------------------------------- notices and actions

  function notice(kind, lines) {
    var node = replace('notice', lines);
    node.className = 'notice ' + kind;
    node.hidden = false;
  }

  function askReason(title) {
    var dialog = document.getElementById('reason-dialog');
    var input = document.getElementById('reason-input');
    var error = document.getElementById('reason-error');
    document.getElementById('reason-title').textContent = title;
    input.value = '';
    error.hidden = true;
    return new Promise(function (resolve) {
      var form = document.getElementById('reason-form');
      var cancel = document.getElementById('reason-cancel');
      function done(value) {
        form.removeEventListener('submit', submit);
        cancel.removeEventListener('click', dismiss);
        dialog.removeEventListener('cancel', dismiss);
        if (dialog.open) {
          dialog.close();
        }
        resolve(value);
      }
      function submit(event) {
        event.preventDefault();
        var reason = input.value.trim();
        if (!reason) {
          error.hidden = false;
          return;
        }
        done(reason);
      }
      function dismiss(event) {
        event.preventDefault();
        done(null);
      }
      form.addEventListener('submit', submit);
      cancel.addEventListener('click', dismiss);
      dialog.addEventListener('cancel', dismiss);
      dialog.showModal();
      input.focus();
    });
  }

  /** Runs an admin action: asks why, sends it with the token, then shows the audit entry it made. */
  function act(label, write) {
    if (!token && CREDENTIALS === 'omit') {
      notice('error', 'Refused: "' + label + '" needs an admin token. This console is read-only until you enter one '
        + '(Token, at the top). Nothing was sent.');
      return Promise.resolve();
    }
    return askReason(label).then(function (reason) {
      if (reason === null) {
        return null;
      }
      // A DELETE takes its reason in the query, as it has no body.
      var request = write.method === 'DELETE'
        ? call(write.path + '?reason=' + enc(reason), { method: 'DELETE' })
        : call(write.path, { method: 'POST', body: JSON.stringify(Object.assign({}, write.body || {}, { reason: reason })) });
      return request.then(function (result) {
        if (!result.ok) {
          notice('error', 'Refused: "' + label + '": ' + failure(result));
          return null;
        }
        return call(auditPath(50)).then(function (audit) {
          var entries = audit.ok && audit.body ? audit.body.entries : [];
          var entry = entries.filter(function (e) { return e.reason === reason; })[0];
          notice('ok', ['Done: ' + label + '.', el('br'), entry ? auditLine(entry)
            : 'No audit entry with this reason was found (' + (audit.ok ? 'not among the newest 50' : failure(audit)) + ').']);
          refresh();
        });
      });
    });
  }

  function auditLine(e) {
    return el('span', { id: 'last-audit' }, 'Audit #' + e.id + ' at ' + e.at + ': ' + e.actor + ' ' + e.action + ' '
      + e.target + ' (' + e.before + ' → ' + e.after + '), reason: "' + e.reason + '"');
  }

  /** A button showing {@code text} that runs the action {@code label} (named so in the reason dialog and notices). */
  function button(label, text, action, write, danger) {
    return el('button', {
      type: 'button', cls: danger ? 'danger' : null, 'data-action': action, title: label,
      onclick: function () { act(label, write); }
    }, text);
  }

  // ---------------------------------------------------------------- token

  function showAccess() {
    var access = document.getElementById('access');
    if (readRefused) {
      access.textContent = 'This service needs a read or admin token to read: ' + readRefused;
      access.className = 'access readonly';
    } else if (!token && CREDENTIALS === 'same-origin') {
      access.textContent = 'No token entered: your session with this service authorises each action.';
      access.className = 'access';
    } else if (!token) {
      access.textContent = 'Read-only: no token entered, actions are refused.';
      access.className = 'access readonly';
    } else {
      access.textContent = 'Token set for this tab only (not stored in a cookie or the URL).';
      access.className = 'access';
    }
  }

  function setupToken() {
    document.getElementById('actor-input').value = actor;
    document.getElementById('token-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var input = document.getElementById('token-input');
      var name = document.getElementById('actor-input').value.trim();
      if (name) {
        actor = name;
        sessionStorage.setItem(ACTOR_KEY, actor);
      }
      if (!input.value.trim() && token) {
        showAccess();
        return;
      }
      token = input.value.trim();
      input.value = '';
      if (token) {
        sessionStorage.setItem(TOKEN_KEY, token);
      } else {
        sessionStorage.removeItem(TOKEN_KEY);
      }
      readRefused = null;
      showAccess();
      refresh();
    });
    document.getElementById('token-forget').addEventListener('click', function () {
      token = '';
      sessionStorage.removeItem(TOKEN_KEY);
      readRefused = null;
      showAccess();
      refresh();
    });
  }

  // ---------------------------------------------------------------- header

  function renderHeader(summary) {
    var status = document.getElementById('status');
    var health = summary.health || {};
    var text = health.status || 'UNKNOWN';
    status.textContent = text + (health.draining ? ' (draining)' : '');
    status.className = 'status status-' + text;
    status.title = health.reason || '';
    var mode = summary.mode || {};
    var modeChip = document.getElementById('mode');
    modeChip.textContent = 'mode ' + mode.mode;
    modeChip.className = 'chip' + (mode.mode === 'NORMAL' ? '' : mode.mode === 'BROWNOUT' ? ' warn' : ' bad');
    replace('switches',
      mode.safeMode ? el('span', { cls: 'chip on' }, 'SAFE MODE') : null,
      mode.writeDrain ? el('span', { cls: 'chip on' }, 'WRITE DRAIN') : null,
      (mode.quarantinedAgents || []).map(function (a) { return el('span', { cls: 'chip warn' }, 'quarantined ' + a); }));
    replace('attention', (summary.attention || []).map(function (line) { return el('li', { text: line }); }));
    document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  }

  function renderUnknownHeader(result) {
    var status = document.getElementById('status');
    status.textContent = result.status === 401 || result.status === 403 ? 'NO ACCESS' : 'UNREACHABLE';
    status.className = 'status status-UNKNOWN';
    replace('attention', el('li', { text: 'Cannot read the summary: ' + failure(result) }));
  }

  // ---------------------------------------------------------------- charts

  var series = { t: [], rps: [], errors: [], inflight: [], workers: [], heap: [], cpu: [], routes: {} };
  var charts = {};
  var chartedRoutes = [];

  function ownRoute(route) {
    var path = route.substring(route.indexOf(' ') + 1);
    if (ACTUATOR) {
      return path.indexOf(API) === 0 || path.indexOf(consolePath()) === 0;
    }
    return path.indexOf(API + '/api/observability/') === 0 || path.indexOf(API + '/api/integration-flags') === 0
      || path.indexOf(API + '/api/admin/') === 0
      || path.indexOf(API + '/health/') === 0 || path.indexOf(consolePath()) === 0 || path === API + '/metrics';
  }

  function consolePath() {
    var path = location.pathname;
    return path.charAt(path.length - 1) === '/' ? path.substring(0, path.length - 1) : path;
  }

  function record(signals) {
    var now = Date.now() / 1000;
    var overall = signals.overall['1m'];
    var sat = signals.saturation || {};
    series.t.push(now);
    series.rps.push(overall.traffic.requestsPerSecond);
    series.errors.push(overall.errors.serverErrorRate * 100);
    series.inflight.push(sat.inFlightLimit ? 100 * sat.inFlight / sat.inFlightLimit : null);
    series.workers.push(sat.workers && sat.workers.utilisation !== null ? 100 * sat.workers.utilisation : null);
    series.heap.push(sat.heap && sat.heap.utilisation !== null ? 100 * sat.heap.utilisation : null);
    series.cpu.push(sat.cpu && sat.cpu.process !== null && sat.cpu.process >= 0 ? 100 * sat.cpu.process : null);
    var length = series.t.length;
    (signals.routes || []).forEach(function (r) {
      if (ownRoute(r.route)) {
        return;
      }
      var history = series.routes[r.route];
      if (!history) {
        history = series.routes[r.route] = { p50: new Array(length - 1).fill(null), p99: new Array(length - 1).fill(null), count: 0 };
      }
      var latency = r.windows['1m'].latency.success;
      history.p50.push(latency.p50Ms);
      history.p99.push(latency.p99Ms);
      history.count = r.windows['5m'].traffic.requests;
    });
    Object.keys(series.routes).forEach(function (route) {
      var history = series.routes[route];
      if (history.p50.length < length) {
        history.p50.push(null);
        history.p99.push(null);
      }
    });
    var drop = 0;
    while (drop < series.t.length && series.t[drop] < now - HISTORY_S) {
      drop++;
    }
    if (drop > 0) {
      ['t', 'rps', 'errors', 'inflight', 'workers', 'heap', 'cpu'].forEach(function (k) { series[k].splice(0, drop); });
      Object.keys(series.routes).forEach(function (route) {
        series.routes[route].p50.splice(0, drop);
        series.routes[route].p99.splice(0, drop);
      });
    }
  }

  function chartSize(id) {
    var width = Math.max(240, document.getElementById(id).clientWidth || 300);
    return { width: width, height: 140 };
  }

  function makeChart(id, lines, yLabel) {
    var size = chartSize(id);
    var opts = {
      width: size.width, height: size.height,
      scales: { x: { time: true, range: function () { var now = Date.now() / 1000; return [now - HISTORY_S, now]; } }, y: { range: function (u, min, max) { return [0, Math.max(max || 0, 1)]; } } },
      axes: [
        { stroke: '#8a96a3', grid: { stroke: '#2a333d' }, ticks: { stroke: '#2a333d' } },
        { stroke: '#8a96a3', grid: { stroke: '#2a333d' }, ticks: { stroke: '#2a333d' }, label: yLabel, size: 50 }
      ],
      legend: { live: false },
      series: [{}].concat(lines)
    };
    var node = document.getElementById(id);
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    return new uPlot(opts, [[]].concat(lines.map(function () { return []; })), node);
  }

  function line(label, i, dashed) {
    return { label: label, stroke: COLORS[i % COLORS.length], width: 2, dash: dashed ? [4, 4] : undefined, spanGaps: true };
  }

  function setupCharts() {
    if (typeof uPlot === 'undefined') {
      ['chart-traffic', 'chart-errors', 'chart-latency', 'chart-saturation'].forEach(function (id) {
        replace(id, el('p', { cls: 'error' }, 'The chart library did not load.'));
      });
      return;
    }
    charts.traffic = makeChart('chart-traffic', [line('requests/s', 0)], 'req/s');
    charts.errors = makeChart('chart-errors', [line('5xx %', 3)], '%');
    charts.saturation = makeChart('chart-saturation', [line('in-flight of limit', 0), line('workers busy', 1),
      line('heap used', 2), line('CPU (process)', 4)], '%');
    charts.latency = makeChart('chart-latency', [], 'ms');
    var resize = function () {
      Object.keys(charts).forEach(function (name) {
        var chart = charts[name];
        chart.setSize(chartSize(chart.root.parentNode.id));
      });
    };
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(resize).observe(document.getElementById('charts-section'));
    } else {
      window.addEventListener('resize', resize);
    }
  }

  function drawCharts() {
    if (!charts.traffic) {
      return;
    }
    charts.traffic.setData([series.t, series.rps]);
    charts.errors.setData([series.t, series.errors]);
    charts.saturation.setData([series.t, series.inflight, series.workers, series.heap, series.cpu]);
    var top = Object.keys(series.routes).filter(function (r) { return series.routes[r].count > 0; })
      .sort(function (a, b) { return series.routes[b].count - series.routes[a].count; }).slice(0, MAX_ROUTES).sort();
    document.getElementById('latency-empty').hidden = top.length > 0;
    if (top.join('\n') !== chartedRoutes.join('\n')) {
      chartedRoutes = top;
      var lines = [];
      top.forEach(function (route, i) {
        lines.push(line(route + ' p99', i));
        lines.push(line(route + ' p50', i, true));
      });
      charts.latency.destroy();
      charts.latency = makeChart('chart-latency', lines, 'ms');
    }
    var data = [series.t];
    top.forEach(function (route) {
      data.push(series.routes[route].p99);
      data.push(series.routes[route].p50);
    });
    charts.latency.setData(data);
  }

  // ---------------------------------------------------------------- panels

  function renderBreakers(doc) {
    var rows = doc.breakers.map(function (b) {
      var name = b.name;
      var last = b.lastTransition;
      return el('tr', { 'data-breaker': name },
        td(name), stateCell(b.state),
        num(b.calls), num(percent(b.failureRate)), num(percent(b.slowCallRate)), num(b.notPermittedCalls),
        td(b.nextAttemptAt ? ago(b.nextAttemptAt) : '–'),
        td(last ? last.from + ' → ' + last.to + ' ' + ago(last.at) + (last.reason ? ' (' + last.reason + ')' : '') : '–'),
        el('td', { cls: 'actions' },
          button('Breaker ' + name + ': force open', 'force open', 'breaker:' + name + ':force-open',
            WRITES.breaker(name, 'force-open'), true),
          button('Breaker ' + name + ': force closed', 'force closed', 'breaker:' + name + ':force-closed',
            WRITES.breaker(name, 'force-closed')),
          button('Breaker ' + name + ': reset', 'reset', 'breaker:' + name + ':reset', WRITES.breaker(name, 'reset'))));
    });
    replace('breakers', rows.length ? table(['Name', 'State', 'Calls', 'Failures', 'Slow', 'Refused', 'Next trial',
      'Last change', 'Actions'], rows) : el('p', { cls: 'muted' }, 'No circuit breakers.'));
  }

  function renderGates(doc) {
    var rows = doc.gates.map(function (g) {
      return el('tr', { 'data-gate': g.name },
        td(g.name + (g.critical ? '' : ' (non-critical)')), stateCell(g.state),
        num(g.consecutivePasses + ' / ' + g.consecutiveFailures),
        el('td', { cls: g.lastHealthy ? 'yes' : 'no' }, g.lastHealthy ? 'pass' : 'fail'),
        td(g.lastDetail), num(ms(g.lastDurationMs)), td(ago(g.lastCheckedAt)));
    });
    replace('gates', el('p', null, 'Overall ', el('span', { cls: 'state-' + doc.status }, doc.status)),
      rows.length ? table(['Gate', 'State', 'Passes / failures in a row', 'Last', 'Detail', 'Took', 'Checked'], rows)
        : el('p', { cls: 'muted' }, 'No health gates.'));
  }

  function renderWatchdogs(doc) {
    var rows = doc.watchdogs.map(function (w) {
      return el('tr', { 'data-watchdog': w.name }, td(w.name), stateCell(w.level, 'level-'), td(w.reason));
    });
    replace('watchdogs', el('p', null, 'Overall ', el('span', { cls: 'level-' + doc.level }, doc.level)),
      rows.length ? table(['Watchdog', 'Level', 'Reading'], rows) : el('p', { cls: 'muted' }, 'No watchdogs.'));
  }

  function renderModes(flags) {
    var state = flags.state;
    function toggle(name, key, on, write) {
      return on ? button(name + ': turn off', name + ' off', key + ':disable', write(key, false))
        : button(name + ': turn on', name + ' on', key + ':enable', write(key, true), true);
    }
    replace('modes',
      el('dl', { cls: 'kv' },
        el('dt', null, 'Mode'), el('dd', { id: 'mode-value', cls: state.mode === 'NORMAL' ? 'yes' : 'no' }, state.mode),
        el('dt', null, 'Safe mode'), el('dd', { id: 'safe-mode-value' }, state.safeMode ? 'ON' : 'off'),
        el('dt', null, 'Write drain'), el('dd', { id: 'write-drain-value' }, state.writeDrain ? 'ON' : 'off'),
        el('dt', null, 'State version'), el('dd', null, state.version),
        el('dt', null, 'Precedence'), el('dd', null, flags.precedence)),
      el('div', { cls: 'row-actions' },
        toggle('Brownout', 'brownout', state.mode === 'BROWNOUT', WRITES.mode),
        toggle('Emergency', 'emergency', state.mode === 'EMERGENCY', WRITES.mode),
        toggle('Safe mode', 'safe-mode', state.safeMode, WRITES.killSwitch),
        toggle('Write drain', 'write-drain', state.writeDrain, WRITES.killSwitch)),
      flags.reload && flags.reload.lastError ? el('p', { cls: 'error' }, 'Flags file: ' + flags.reload.lastError) : null);
  }

  function renderFlags(flags) {
    var quarantined = flags.state.quarantinedAgents || [];
    var rows = flags.flags.map(function (f) {
      var agent = f.agent && WRITES.agent ? f.agent : null;
      var isQuarantined = f.agent && quarantined.indexOf(f.agent) >= 0;
      return el('tr', { 'data-flag': f.name },
        td(f.name), el('td', { cls: f.effective ? 'yes' : 'no', 'data-role': 'effective' }, f.effective ? 'on' : 'off'),
        td(f.decidedBy), td(f.override === null ? '–' : f.override ? 'forced on' : 'forced off'),
        td(f.owner), el('td', { cls: 'description' }, f.description), td(f.degradation),
        el('td', { cls: 'actions' },
          button('Flag ' + f.name + ': force on', 'force on', 'flag:' + f.name + ':on', WRITES.override(f.name, true)),
          button('Flag ' + f.name + ': force off', 'force off', 'flag:' + f.name + ':off', WRITES.override(f.name, false),
            true),
          f.override !== null ? button('Flag ' + f.name + ': clear override', 'clear override', 'flag:' + f.name + ':clear',
            WRITES.clearOverride(f.name)) : null,
          agent ? (isQuarantined
            ? button('Agent ' + agent + ': release', 'release ' + agent, 'agent:' + agent + ':release',
              WRITES.agent(agent, 'release'))
            : button('Agent ' + agent + ': quarantine', 'quarantine ' + agent, 'agent:' + agent + ':quarantine',
              WRITES.agent(agent, 'quarantine'), true))
            : null));
    });
    // An override outlives its flag's removal from the file (it applies again if the flag comes back): shown so that
    // it can be seen and cleared, not left hidden.
    var overrides = flags.state.overrides || {};
    var defined = {};
    flags.flags.forEach(function (f) { defined[f.name] = true; });
    Object.keys(overrides).filter(function (name) { return !defined[name]; }).sort().forEach(function (name) {
      rows.push(el('tr', { 'data-flag': name, 'data-orphan': 'true' },
        td(name), el('td', { 'data-role': 'effective' }, '–'), td('not in the flags file'),
        td(overrides[name] ? 'forced on' : 'forced off'), td(null),
        el('td', { cls: 'description' }, 'Kept after the flag left the flags file; it applies again if the flag returns.'),
        td(null),
        el('td', { cls: 'actions' }, button('Flag ' + name + ': clear override', 'clear override',
          'flag:' + name + ':clear', WRITES.clearOverride(name)))));
    });
    replace('flags', el('p', { cls: 'muted' }, 'Config ' + flags.configVersion),
      table(['Flag', 'Effective', 'Decided by', 'Override', 'Owner', 'Description', 'Degradation', 'Actions'], rows));
  }

  function side(label, s) {
    var latency = s.latency || {};
    return el('tr', { 'data-side': label }, td(label), num(s.requests), num(s.errors), num(pct(s.errorRate)),
      num(ms(latency.p50Ms)), num(ms(latency.p99Ms)));
  }

  /** The operations each status allows (RolloutStatus in core); anything else would only be refused with a 409. */
  var ROLLOUT_ACTIONS = {
    PENDING: ['rollback'],
    RUNNING: ['promote', 'pause', 'rollback'],
    PAUSED: ['promote', 'resume', 'rollback']
  };

  function rolloutButton(r, action) {
    var text = action === 'rollback' ? 'roll back' : action;
    return button('Rollout ' + r.name + ': ' + text, text, 'rollout:' + r.name + ':' + action,
      WRITES.rollout(r.name, action), action === 'rollback');
  }

  function rolloutStep(r) {
    var steps = r.config.steps || [];
    var of = 'step ' + (r.step + 1) + ' of ' + steps.length + ' (' + steps.join('%, ') + '%)';
    if (r.status === 'ROLLED_BACK') {
      return [el('progress', { max: Math.max(steps.length, 1), value: 0 }),
        ' rolled back at ' + of + ': canary at ' + r.percent + '% for ' + duration(r.inStepSeconds)];
    }
    return [el('progress', { max: Math.max(steps.length, 1), value: Math.min(r.step + 1, steps.length) }),
      ' ' + of + ', at ' + r.percent + '% for ' + duration(r.inStepSeconds) + ', bake time ' + r.config.bakeTime];
  }

  function renderRollouts(doc) {
    if (!doc.rollouts.length) {
      replace('rollouts', el('p', { cls: 'muted' }, 'No rollouts.'));
      return;
    }
    replace('rollouts', doc.rollouts.map(function (r) {
      var actions = ROLLOUT_ACTIONS[r.status] || [];
      return el('div', { cls: 'rollout', 'data-rollout': r.name },
        el('h3', null, r.name, ' ', el('span', { cls: 'state-' + r.status, 'data-role': 'status' }, r.status)),
        el('p', { cls: 'step' }, rolloutStep(r)),
        r.reason ? el('p', null, 'Reason: ' + r.reason) : null,
        table(['Side', 'Requests', 'Errors', 'Error rate', 'p50', 'p99'], [side('baseline', r.baseline), side('canary', r.canary)]),
        el('p', { cls: 'verdict' }, 'Verdict: ', r.lastVerdict ? el('strong', null, r.lastVerdict.kind) : '–',
          r.lastVerdict ? ' (' + r.lastVerdict.reason + ')' : ''),
        actions.length ? el('div', { cls: 'row-actions' }, actions.map(function (a) { return rolloutButton(r, a); }))
          : el('p', { cls: 'muted', 'data-role': 'finished' }, 'Finished, nothing to operate: start it again with dreamnet rollout start or POST '
            + (ACTUATOR ? API + '/rollouts' : '/api/admin/rollouts') + '.'));
    }));
  }

  function renderFleet(doc) {
    var configs = doc.configVersions || [];
    var states = doc.stateVersions || [];
    var selfInstance = (doc.instances || []).filter(function (i) { return i.self; })[0];
    var maxState = states.length ? Math.max.apply(null, states) : null;
    var rows = (doc.instances || []).map(function (i) {
      var converged = (!selfInstance || i.configVersion === selfInstance.configVersion)
        && (maxState === null || i.stateVersion === maxState);
      return el('tr', { 'data-instance': i.id }, td(i.id + (i.self ? ' (this one)' : '')), td(i.address),
        td(ago(i.startedAt)), td(ago(i.lastHeartbeat)), td(i.configVersion), num(i.stateVersion),
        el('td', { cls: converged ? 'yes' : 'no' }, converged ? 'yes' : 'no'));
    });
    replace('fleet',
      el('p', null, 'Converged: ', el('span', { cls: doc.converged ? 'yes' : 'no' }, doc.converged ? 'yes' : 'no'),
        ' · ' + (doc.live === null ? '?' : doc.live) + ' live'),
      doc.sharedState ? renderSharedState(doc.sharedState) : null,
      doc.error || doc.lastError ? el('p', { cls: 'error' }, doc.error || doc.lastError) : null,
      rows.length ? table(['Instance', 'Address', 'Started', 'Heartbeat', 'Config', 'State', 'Converged'], rows) : null);
  }

  // Whether this instance follows the fleet's state in PostgreSQL, and whether an operator's change can be written now.
  function renderSharedState(shared) {
    var text;
    if (shared.stale) {
      text = 'Shared state STALE since ' + (shared.staleSince || 'start') + ': serving version ' + shared.version
        + '; operator changes are refused until PostgreSQL is back' + (shared.lastError ? ' (' + shared.lastError + ')' : '');
    } else {
      text = 'Shared state: following PostgreSQL at version ' + shared.version;
      if (shared.writable === false) {
        text += shared.writesRefusedUntil
          ? '; operator changes are refused until ' + shared.writesRefusedUntil + " (the database's circuit breaker is open)"
          : "; operator changes are refused: the database's circuit breaker is forced open (reset it to write)";
      }
      if (shared.judge) {
        text += ' · this instance judges rollouts';
      }
    }
    var refused = shared.stale || shared.writable === false;
    return el('p', { 'data-role': 'shared-state', cls: refused ? 'error' : null }, text);
  }

  function renderQueues(doc) {
    var rows = doc.queues.map(function (q) {
      return el('tr', { 'data-queue': q.name }, td(q.name), td(q.type), num(q.depth), num(q.retrying), num(q.inFlight),
        num(q.deadLetterDepth, q.deadLetterDepth > 0 ? 'no' : null), num(q.deadLetteredTotal),
        td(q.error, q.error ? 'error' : null),
        el('td', null, el('button', { type: 'button', onclick: function () { showDeadLetters(q.name); } }, 'Dead letters')));
    });
    replace('queues',
      el('p', { cls: 'muted' }, 'Backend: ' + doc.backend),
      doc.relay && doc.relay.lastError ? el('p', { cls: 'error' }, 'Relay: ' + doc.relay.lastError) : null,
      rows.length ? table(['Queue', 'Type', 'Waiting', 'Retrying', 'In flight', 'Dead letters', 'Dead-lettered',
        'Error', ''], rows) : el('p', { cls: 'muted' }, 'No queues.'),
      el('div', { id: 'dead-letters' }, deadLetters));
  }

  var deadLetters = null;

  function showDeadLetters(queue) {
    call('/api/observability/queues/' + encodeURIComponent(queue) + '/dead-letters?limit=20').then(function (result) {
      if (!result.ok) {
        deadLetters = el('p', { cls: 'error' }, 'Dead letters of ' + queue + ': ' + failure(result));
      } else {
        var rows = result.body.deadLetters.map(function (d) {
          return el('tr', null, td(d.id), num(d.attempts), td(d.lastError), td(d.deadLetteredAt),
            el('td', null, el('pre', { cls: 'payload' }, d.payload && d.payload.length > 400
              ? d.payload.substring(0, 400) + '…' : d.payload)));
        });
        deadLetters = el('div', null, el('h3', null, 'Dead letters of ' + queue + ' (oldest first)'),
          rows.length ? table(['Id', 'Attempts', 'Last error', 'At', 'Payload'], rows) : el('p', { cls: 'muted' }, 'None.'));
      }
      replace('dead-letters', deadLetters);
    });
  }

  function renderOverload(doc) {
    var auto = doc.automaticBrownout || {};
    var refused = doc.refused || {};
    var rows = Object.keys(refused).map(function (c) {
      return el('tr', null, td(c), num(doc.allowed ? doc.allowed[c] : null), num(refused[c].share), num(refused[c].limit));
    });
    replace('overload',
      el('dl', { cls: 'kv' },
        el('dt', null, 'Protection'), el('dd', null, doc.enabled ? 'on' : 'off'),
        el('dt', null, 'Limit'), el('dd', null, doc.limit + ' (in flight ' + doc.inflight + ', waiting ' + doc.waiting + ')'),
        el('dt', null, 'Admitted'), el('dd', null, doc.admitted),
        el('dt', null, 'Automatic brownout'), el('dd', { id: 'auto-brownout' }, (auto.enabled ? auto.state : 'off')
          + (auto.pinnedBy ? ', pinned by ' + auto.pinnedBy + ' (' + auto.pinnedReason + ')' : '')
          + (auto.evidence ? ': ' + auto.evidence : '')),
        doc.reloadError ? el('dt', null, 'Reload') : null, doc.reloadError ? el('dd', { cls: 'error' }, doc.reloadError) : null),
      rows.length ? table(['Class', 'Allowed', 'Refused (share)', 'Refused (limit)'], rows) : null,
      el('div', { cls: 'row-actions' }, auto.pinnedBy
        ? button('Automatic brownout: unpin', 'let automatic brownout decide', 'overload:unpin', WRITES.overload('unpin'))
        : button('Automatic brownout: pin the mode', 'pin the mode', 'overload:pin', WRITES.overload('pin'))));
  }

  function renderSlos(doc) {
    if (!doc.slos.length) {
      replace('slos', el('p', { cls: 'muted' }, 'No objectives (config/slos.yaml).'));
      return;
    }
    function burn(s, w) {
      var rate = s.burnRates[w];
      return rate === undefined ? '' : rate.toFixed(1) + 'x';
    }
    var rows = doc.slos.map(function (s) {
      var left = s.secondsToExhaustion == null ? '' : s.secondsToExhaustion === 0 ? 'spent'
        : s.secondsToExhaustion < 7200 ? Math.round(s.secondsToExhaustion / 60) + ' min'
        : Math.round(s.secondsToExhaustion / 3600) + ' h';
      return el('tr', { cls: s.state === 'OK' ? null : 'error' }, td(s.name), td(s.state),
        td((s.objective * 100).toFixed(3) + '%' + (s.latencyThresholdMs ? ' < ' + s.latencyThresholdMs + ' ms' : '')),
        td((s.budgetRemaining * 100).toFixed(1) + '%'), td(burn(s, '5m')), td(burn(s, '1h')), td(burn(s, '6h')),
        td(burn(s, '3d')), td(left));
    });
    replace('slos', table(['SLO', 'State', 'Objective', 'Budget left', '5m', '1h', '6h', '3d', 'Exhausted in'], rows),
      doc.error ? el('p', { cls: 'error' }, 'Budget table: ' + doc.error) : null);
  }

  function renderAudit(doc) {
    var rows = doc.entries.map(function (e) {
      return el('tr', { 'data-audit': e.id }, num(e.id), td(e.at), td(e.actor), td(e.action), td(e.target),
        td(e.before + ' → ' + e.after), td(e.reason));
    });
    replace('audit', rows.length ? table(['#', 'At', 'Actor', 'Action', 'Target', 'Change', 'Reason'], rows)
      : el('p', { cls: 'muted' }, 'No operator actions yet.'));
  }

  // ---------------------------------------------------------------- startup DAG

  var SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child instanceof Node) {
        node.appendChild(child);
      } else if (child !== null && child !== undefined) {
        node.appendChild(document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function depths(nodes) {
    var byName = {};
    nodes.forEach(function (n) { byName[n.name] = n; });
    var depth = {};
    function of(name, seen) {
      if (depth[name] !== undefined) {
        return depth[name];
      }
      if (seen[name] || !byName[name]) {
        return 0;
      }
      seen[name] = true;
      var d = 0;
      byName[name].dependsOn.forEach(function (dep) { d = Math.max(d, of(dep, seen) + 1); });
      depth[name] = d;
      return d;
    }
    nodes.forEach(function (n) { of(n.name, {}); });
    return depth;
  }

  function renderStartup(doc) {
    var nodes = doc.nodes || [];
    var critical = (doc.criticalPath && doc.criticalPath.services) || [];
    var depth = depths(nodes);
    var layers = [];
    nodes.forEach(function (n) { (layers[depth[n.name]] = layers[depth[n.name]] || []).push(n); });
    var W = 150, H = 44, GX = 50, GY = 14, PAD = 6;
    var tallest = layers.reduce(function (m, l) { return Math.max(m, l ? l.length : 0); }, 1);
    var width = layers.length * (W + GX) - GX + 2 * PAD;
    var height = tallest * (H + GY) - GY + 2 * PAD;
    var at = {};
    layers.forEach(function (layer, x) {
      var offset = (tallest - layer.length) * (H + GY) / 2;
      layer.forEach(function (n, y) { at[n.name] = { x: PAD + x * (W + GX), y: PAD + offset + y * (H + GY) }; });
    });
    var root = svg('svg', { 'class': 'dag', viewBox: '0 0 ' + Math.max(width, 1) + ' ' + Math.max(height, 1),
      role: 'img', 'aria-label': 'startup dependency graph' });
    nodes.forEach(function (n) {
      n.dependsOn.forEach(function (dep) {
        var from = at[dep], to = at[n.name];
        if (!from || !to) {
          return;
        }
        var i = critical.indexOf(dep);
        var onPath = i >= 0 && critical[i + 1] === n.name;
        var x1 = from.x + W, y1 = from.y + H / 2, x2 = to.x, y2 = to.y + H / 2, mid = (x1 + x2) / 2;
        root.appendChild(svg('path', { 'class': 'edge' + (onPath ? ' critical' : ''),
          d: 'M' + x1 + ',' + y1 + ' C' + mid + ',' + y1 + ' ' + mid + ',' + y2 + ' ' + x2 + ',' + y2 }));
      });
    });
    nodes.forEach(function (n) {
      var p = at[n.name];
      var onPath = critical.indexOf(n.name) >= 0;
      var detail = n.state + (n.durationMs !== null && n.durationMs !== undefined ? ' · ' + n.durationMs + ' ms' : '')
        + (n.attempts > 1 ? ' · ' + n.attempts + ' tries' : '');
      var tip = n.name + ' (' + n.kind + (n.critical ? ', critical' : ', non-critical') + '): ' + n.state
        + (n.blockedBy ? ', blocked by ' + n.blockedBy : '') + (n.error ? ', ' + n.error : '');
      root.appendChild(svg('g', { 'class': 'node state-' + n.state + (onPath ? ' critical' : ''), 'data-node': n.name,
        transform: 'translate(' + p.x + ',' + p.y + ')' },
        svg('title', null, tip),
        svg('rect', { width: W, height: H, rx: 5 }),
        svg('text', { 'class': 'name', x: 8, y: 18 }, n.name.length > 20 ? n.name.substring(0, 19) + '…' : n.name),
        svg('text', { x: 8, y: 35 }, detail)));
    });
    replace('startup',
      el('p', null, 'Startup ', el('span', { cls: 'state-' + doc.status }, doc.status), ' in ' + doc.elapsedMs + ' ms',
        doc.reason ? ': ' + doc.reason : ''),
      el('p', { cls: 'legend-line' }, el('span', { cls: 'critical' }, 'Critical path'), ': '
        + (critical.length ? critical.join(' → ') + ' (' + doc.criticalPath.durationMs + ' ms)' : 'none yet')),
      root);
  }

  // ---------------------------------------------------------------- refresh loop


  var RENDER = {
    breakers: ['breakers', renderBreakers],
    gates: ['gates', renderGates],
    watchdogs: ['watchdogs', renderWatchdogs],
    startup: ['startup', renderStartup],
    rollouts: ['rollouts', renderRollouts],
    fleet: ['fleet', renderFleet],
    queues: READS.queues ? ['queues', renderQueues] : null,
    overload: ['overload', renderOverload],
    slos: ['slos', renderSlos],
    audit: ['audit', renderAudit]
  };

  function safely(id, render, doc) {
    try {
      render(doc);
    } catch (e) {
      replace(id, el('p', { cls: 'error' }, 'Cannot show this: ' + e.message));
    }
  }

  function refresh() {
    clearTimeout(timer);
    var names = Object.keys(READS);
    return Promise.all(names.map(function (n) { return call(READS[n]); })).then(function (results) {
      var got = {};
      names.forEach(function (n, i) { got[n] = results[i]; });
      var refusal = results.filter(function (r) { return r.status === 401 || r.status === 403; })[0];
      readRefused = refusal ? failure(refusal) : null;
      showAccess();
      if (got.summary.ok) {
        safely('attention', renderHeader, got.summary.body);
      } else {
        renderUnknownHeader(got.summary);
      }
      if (got.signals.ok) {
        safely('charts-section', function (doc) { record(doc); drawCharts(); }, got.signals.body);
      }
      if (got.flags.ok) {
        safely('modes', renderModes, got.flags.body);
        safely('flags', renderFlags, got.flags.body);
      } else {
        problem('modes', got.flags);
        problem('flags', got.flags);
      }
      Object.keys(RENDER).forEach(function (n) {
        var target = RENDER[n];
        if (!target) {
          return;
        }
        if (got[n].ok) {
          safely(target[0], target[1], got[n].body);
        } else {
          problem(target[0], got[n]);
        }
      });
    }).then(firstRender).then(schedule, schedule);
  }

  /** Marks when the page first showed data, for bench/console-load.sh (Navigation Timing ends before that). */
  function firstRender() {
    if (performance.mark && !performance.getEntriesByName('console-first-render').length) {
      performance.mark('console-first-render');
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (document.hidden) {
        schedule();
      } else {
        refresh();
      }
    }, PERIOD_MS);
  }

  function start() {
    Object.keys(RENDER).filter(function (n) { return !RENDER[n]; }).forEach(function (n) {
      document.getElementById(n + '-section').hidden = true;
    });
    setupToken();
    showAccess();
    setupCharts();
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden) {
        refresh();
      }
    });
    refresh();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
