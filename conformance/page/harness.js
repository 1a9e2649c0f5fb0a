// The in-page engine of the conformance suite (contract: conformance/README.md).
//
// The page is opened once per browser × mode × draft with ?draft=&mode=&era=&browser=. In shim mode
// the shim is installed here, before any assertion script is loaded, with the draft's era. The runner
// then calls, through page.evaluate:
//   conformance.load({ table, scripts })  member table (or null) + assertion script URLs
//                                          -> { checks: [{id, draft, section, kind, title, fast, timeout}],
//                                               problems: [{id, kind, error}] }
//   conformance.run(id)                    -> { result, error, ms, observation }
//   conformance.runMany(ids)               -> the same, one per id (used for presence checks)
// A check runs with its own timeout; its cleanups always run, after a pass, a failure, a skip or a
// timeout. Errors a check leaves uncaught (an `expect` inside a callback, an unhandled rejection)
// fail that check at once instead of letting it time out.
(function () {
  'use strict';

  const params = new URLSearchParams(location.search);
  const draft = params.get('draft') || 'wd-2011-10-27';
  const mode = params.get('mode') === 'shim' ? 'shim' : 'native';
  const browser = params.get('browser') || guessBrowser();
  const era = mode === 'shim' ? params.get('era') || 'auto' : null;

  const DEFAULT_TIMEOUT = 10000;
  // Cleanups get their own bounded time: a stuck close() must not hold the next check.
  const CLEANUP_TIMEOUT = 3000;

  const checks = new Map(); // id -> check
  const problems = []; // load-time problems, reported by the runner as failed results
  let currentFile = null; // the assertion script being loaded, for messages
  let current = null; // { fail(err) } of the check running now

  function guessBrowser() {
    return /firefox/i.test(navigator.userAgent) ? 'firefox' : 'chromium';
  }

  let installError = null;
  if (mode === 'shim') {
    try {
      window.WebRTCLegacy.install({ era: era });
    } catch (err) {
      installError = describe(err);
    }
  }

  class Skip extends Error {
    constructor(reason) {
      super(reason);
      this.name = 'Skip';
    }
  }

  function describe(err) {
    if (err == null) return String(err);
    if (typeof err !== 'object') return String(err);
    const name = err.name && err.name !== 'Error' ? err.name : '';
    const message = err.message != null ? String(err.message) : String(err);
    const text = name && !message.startsWith(name) ? name + ': ' + message : message || name || String(err);
    return text;
  }

  function problem(id, kind, error) {
    problems.push({ id: id, kind: kind, error: error });
  }

  function register(check, file) {
    if (checks.has(check.id)) {
      problem(check.id, check.kind, 'duplicate id' + (file ? ' (in ' + file + ')' : ''));
      return;
    }
    checks.set(check.id, check);
  }

  function validate(spec, what) {
    if (!spec || typeof spec !== 'object') throw new TypeError(what + ' takes an object');
    if (typeof spec.title !== 'string' || !spec.title) throw new TypeError(what + ': title is required');
    if (typeof spec.run !== 'function') throw new TypeError(what + ': run(t) is required');
    if (spec.timeout != null && !(spec.timeout > 0)) throw new TypeError(what + ': timeout must be a positive number of ms');
  }

  /** One behaviour or modern check, as register() keeps it. */
  function check(spec, fields) {
    return Object.assign(fields, {
      title: spec.title,
      fast: !!spec.fast,
      timeout: spec.timeout || DEFAULT_TIMEOUT,
      run: spec.run,
      file: currentFile,
    });
  }

  function define(spec) {
    try {
      validate(spec, 'conformance.define');
      if (typeof spec.draft !== 'string' || !spec.draft) throw new TypeError('conformance.define: draft is required');
      if (spec.section == null || spec.section === '') throw new TypeError('conformance.define: section is required');
      const id = spec.draft + ' §' + spec.section + ' ' + spec.title;
      if (spec.draft !== draft) {
        problem(id, 'behaviour', 'defined for draft ' + spec.draft + ' in a script loaded for ' + draft + (currentFile ? ' (' + currentFile + ')' : ''));
        return;
      }
      register(check(spec, { id: id, draft: spec.draft, section: String(spec.section), kind: 'behaviour' }), currentFile);
    } catch (err) {
      problem('load ' + (currentFile || '?'), 'behaviour', describe(err));
    }
  }

  function defineModern(spec) {
    try {
      validate(spec, 'conformance.defineModern');
      register(check(spec, { id: 'modern ' + spec.title, draft: 'modern', section: 'regression', kind: 'modern' }), currentFile);
    } catch (err) {
      problem('load ' + (currentFile || '?'), 'modern', describe(err));
    }
  }

  function loadScript(url) {
    return new Promise(function (resolve) {
      const file = url.replace(/^.*\/conformance\//, 'conformance/');
      currentFile = file;
      const errors = [];
      const onError = function (ev) {
        // A syntax error or a throw at the top level of the script being loaded (scripts load one at a time).
        errors.push(ev.error ? describe(ev.error) : ev.message);
        ev.preventDefault();
      };
      window.addEventListener('error', onError);
      const s = document.createElement('script');
      s.src = url;
      s.async = false;
      const done = function (loadError) {
        window.removeEventListener('error', onError);
        currentFile = null;
        if (loadError) errors.push(loadError);
        for (const e of errors) problem('load ' + file, draft === 'modern' ? 'modern' : 'behaviour', e);
        resolve();
      };
      s.onload = function () {
        done(null);
      };
      s.onerror = function () {
        done('could not load ' + url);
      };
      document.head.appendChild(s);
    });
  }

  async function load(options) {
    const table = options && options.table;
    const scripts = (options && options.scripts) || [];
    if (installError) problem(draft + ' install', 'behaviour', 'WebRTCLegacy.install({ era: ' + JSON.stringify(era) + ' }) threw: ' + installError);
    if (table) {
      if (typeof window.conformancePresence !== 'function') {
        problem(draft + ' IDL', 'presence', 'conformance/page/presence.js is missing or does not define conformancePresence(table, win)');
      } else {
        try {
          const list = window.conformancePresence(table, window) || [];
          for (const c of list) {
            register({
              id: c.id,
              draft: c.draft || draft,
              section: c.section || 'IDL',
              kind: c.kind || 'presence',
              title: c.title || c.id,
              fast: true,
              timeout: c.timeout || DEFAULT_TIMEOUT,
              run: c.run,
              file: 'conformance/members/' + draft + '.json',
            });
          }
        } catch (err) {
          problem(draft + ' IDL', 'presence', 'conformancePresence threw: ' + describe(err));
        }
      }
    }
    for (const url of scripts) await loadScript(url);
    document.getElementById('status').textContent =
      draft + ' · ' + mode + (era ? ' (era ' + era + ')' : '') + ' · ' + checks.size + ' checks';
    return {
      draft: draft,
      mode: mode,
      era: era,
      browser: browser,
      checks: Array.from(checks.values()).map(function (c) {
        return { id: c.id, draft: c.draft, section: c.section, kind: c.kind, title: c.title, fast: c.fast, timeout: c.timeout };
      }),
      problems: problems.slice(),
    };
  }

  // What t.track(obj) does afterwards: the way an app would end each kind of object.
  // Each step on its own: a close() that throws must not leave the camera on.
  function release(obj) {
    if (!obj || typeof obj !== 'object') return;
    const attempt = function (fn) {
      try {
        fn();
      } catch (err) {
        console.warn('[conformance] t.track cleanup:', err);
      }
    };
    if (typeof obj.close === 'function') {
      // Legacy connections name their CLOSED state with a constant (2011 WD: 3); modern ones with a string.
      const closed =
        (obj.CLOSED !== undefined && obj.readyState === obj.CLOSED) || obj.signalingState === 'closed' || obj.readyState === 'closed' || obj.state === 'closed';
      if (!closed) attempt(function () { obj.close(); });
    } else if (typeof obj.stop === 'function') {
      // LocalMediaStream.stop(), MediaStreamTrack.stop(), MediaRecorder.stop() (only while recording).
      if (obj.state !== 'inactive') attempt(function () { obj.stop(); });
    }
    if (typeof obj.getTracks === 'function') {
      attempt(function () {
        for (const track of obj.getTracks()) track.stop();
      });
    }
  }

  function withTimeout(promise, ms) {
    let timer;
    return Promise.race([
      promise,
      new Promise(function (resolve) {
        timer = setTimeout(resolve, ms);
      }),
    ]).finally(function () {
      clearTimeout(timer);
    });
  }

  async function runCleanups(list) {
    // Last registered first, as with try/finally nesting.
    for (let i = list.length - 1; i >= 0; i--) {
      try {
        await withTimeout(Promise.resolve().then(list[i]), CLEANUP_TIMEOUT);
      } catch (err) {
        console.warn('[conformance] cleanup threw:', err);
      }
    }
  }

  let added = null;
  function addedPaths() {
    if (!added) {
      const list = mode === 'shim' ? window.WebRTCLegacy.installed() : [];
      added = new Set(list.filter(function (p) { return p.added; }).map(function (p) { return p.target + '.' + p.property; }));
    }
    return added;
  }

  async function run(id) {
    const check = checks.get(id);
    if (!check) return { result: 'failed', error: 'no check with id ' + JSON.stringify(id) + ' on this page', ms: 0, observation: null };
    const cleanups = [];
    let skipReason = null;
    const t = {
      mode: mode,
      browser: browser,
      era: era,
      draft: draft,
      skip: function (reason) {
        skipReason = String(reason || 'skipped without a reason');
        throw new Skip(skipReason);
      },
      track: function (obj) {
        cleanups.push(function () {
          release(obj);
        });
        return obj;
      },
      cleanup: function (fn) {
        if (typeof fn !== 'function') throw new TypeError('t.cleanup takes a function');
        cleanups.push(fn);
      },
      // Whether the shim added 'Target.path.name' where the browser had nothing of that name (always
      // false in native mode). Principle 1 lets install add legacy members: a modern flow leaves them
      // out of what it observes, and still compares every member the browser has.
      added: function (path) {
        return addedPaths().has(path);
      },
    };

    const started = performance.now();
    let outcome;
    let timer;
    try {
      const observation = await new Promise(function (resolve, reject) {
        current = { fail: reject };
        timer = setTimeout(function () {
          reject({ timeout: true });
        }, check.timeout);
        Promise.resolve()
          .then(function () {
            return check.run(t);
          })
          .then(resolve, reject);
      });
      // A skip whose exception the assertion itself caught is still a skip, never a pass.
      if (skipReason != null) outcome = { result: 'skipped', error: skipReason, observation: null };
      else outcome = { result: 'passed', error: null, observation: observation === undefined ? null : observation };
    } catch (err) {
      if (err && err.timeout === true) outcome = { result: 'timeout', error: 'no result within ' + check.timeout + ' ms', observation: null };
      else if (err instanceof Skip || skipReason != null) outcome = { result: 'skipped', error: skipReason, observation: null };
      else outcome = { result: 'failed', error: describe(err), observation: null };
    } finally {
      clearTimeout(timer);
      current = null;
    }
    outcome.ms = Math.round(performance.now() - started);
    await runCleanups(cleanups);
    // The observation must survive the trip to Node; what does not serialise is a failure of the flow.
    if (outcome.observation !== null) {
      try {
        outcome.observation = JSON.parse(JSON.stringify(outcome.observation));
      } catch (err) {
        outcome = { result: 'failed', error: 'observation is not JSON-serialisable: ' + describe(err), ms: outcome.ms, observation: null };
      }
    }
    return outcome;
  }

  async function runMany(ids) {
    const out = [];
    for (const id of ids) out.push(await run(id));
    return out;
  }

  // Uncaught errors while a check runs belong to that check, unless the check itself handled the
  // event (an assertion that the shim does not swallow an app callback's error listens for it and calls
  // preventDefault()): decided a task later, once every listener has seen the event.
  function failLater(ev, err) {
    const running = current;
    if (!running) return;
    setTimeout(function () {
      if (!ev.defaultPrevented && current === running) running.fail(err);
    });
  }
  window.addEventListener('error', function (ev) {
    failLater(ev, ev.error !== undefined && ev.error !== null ? ev.error : new Error(ev.message));
  });
  window.addEventListener('unhandledrejection', function (ev) {
    const reason = ev.reason;
    failLater(ev, new Error('unhandled rejection: ' + describe(reason)));
  });

  window.conformance = {
    draft: draft,
    mode: mode,
    era: era,
    browser: browser,
    define: define,
    defineModern: defineModern,
    load: load,
    run: run,
    runMany: runMany,
  };
})();
