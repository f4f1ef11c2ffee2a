// The starter: what a page runs instead of the app, until the reader asks for what only the
// app does. A page written at build time is the app's own first screen (src/site/first_screen.rs,
// marked `data-on-intent`), readable and linked as it is; the app's wasm (data-glue, data-wasm,
// written in by scripts/post-build.mjs) is fetched on the first sign of intent: a press, a key
// or a focus on anything but a link (a link leads to another written page). Hovering over the
// page fetches it ahead. An address the written page does not show (a query, a fragment) and a
// page with no written first screen (the offline shell, a large site) start it at once.
//
// Once the app has opened in the page's place (it sets data-app="open" on the root and fires
// `sourceline-open`), it is handed what the reader began meanwhile: the press (by where it
// was: the app draws the same thing in the same place), the focus and the text typed, the key.
// Built with DOM calls only: nothing is ever parsed from a string.
(function () {
  'use strict';
  var me = document.currentScript;
  var glue = me && me.getAttribute('data-glue');
  var wasm = me && me.getAttribute('data-wasm');
  if (!glue || !wasm) return;
  var root = document.documentElement;
  var ahead = false;
  var started = false;
  // What the reader began before the app opened: the last press, the focus, the last key.
  var press = null;
  var down = null;
  var focus = null;
  var key = null;

  function link(file) {
    return new URL(file, document.baseURI).href;
  }

  function fetchAhead() {
    if (ahead) return;
    ahead = true;
    var module = document.createElement('link');
    module.rel = 'modulepreload';
    module.href = glue;
    var binary = document.createElement('link');
    binary.rel = 'preload';
    binary.as = 'fetch';
    binary.type = 'application/wasm';
    binary.crossOrigin = 'anonymous';
    binary.href = wasm;
    document.head.append(module, binary);
  }

  function start() {
    if (started) return;
    started = true;
    fetchAhead();
    root.setAttribute('data-app', 'starting');
    import(link(glue))
      .then(function (app) {
        return app.default({ module_or_path: link(wasm) });
      })
      .then(function () {
        // The service worker keeps the app for offline use from now on (public/sw.js).
        if ('serviceWorker' in navigator) {
          navigator.serviceWorker.ready.then(function (registration) {
            if (registration.active) registration.active.postMessage({ type: 'keep-app' });
          });
        }
      })
      .catch(function (error) {
        // Offline before the app was ever cached, say: the written page stays, readable.
        root.setAttribute('data-app', 'failed');
        console.error('sourceline: the app could not start', error);
      });
  }

  // Shown embedded in another page (`?embed=1` and nothing else), the written screen is the
  // embedded app's, and the starter speaks for it to the host page until the app opens.
  var embedded = location.search === '?embed=1';
  var written = (!location.search || embedded) && !location.hash && document.querySelector('[data-on-intent]');
  if (!written) return start();
  if (embedded) {
    document.body.classList.add('embedded');
    speakToHost();
  }

  // An event's page opens on the event, its title at the top, as the app does when it opens on
  // one (url::sync's reveal_selection): the reader followed a link to it and to who says so,
  // below it (on a narrow screen, below the whole timeline).
  var selected = document.querySelector('[data-on-intent] [aria-current="true"]');
  var title = !selected ? undefined : ['event-panel-heading-narrow', 'event-panel-heading-wide']
    .map(function (id) {
      return document.getElementById(id);
    })
    .filter(function (el) {
      return el && el.getClientRects().length > 0;
    })[0];
  var navigation = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
  var returning = navigation && (navigation.type === 'back_forward' || navigation.type === 'reload');
  if (title && !returning && !embedded) title.scrollIntoView({ behavior: 'instant' });
  // The list shows the selected event, in its middle if it was out of sight, as the app's does
  // (`centred` in src/ui/event_list.rs).
  Array.prototype.forEach.call(document.querySelectorAll('[data-on-intent] .list-scroller'), function (scroller) {
    var current = scroller.querySelector('[aria-current]');
    var row = current && current.parentElement;
    if (!row || scroller.getClientRects().length === 0) return;
    var top = scroller.scrollTop;
    if (row.offsetTop < top || row.offsetTop + row.offsetHeight > top + scroller.clientHeight) {
      scroller.scrollTop = Math.max(0, row.offsetTop - scroller.clientHeight / 2);
    }
  });

  function onLink(target) {
    return !(target instanceof Element) || target.closest('a[href]') !== null;
  }
  function typing(el) {
    return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
  }
  // What a reader pressed or focused, to find its counterpart in the app: its id without the
  // first screen's copy name, else what it is (the element a press acts on, and its name) and
  // where it was in the document. The app draws the same in the same place at the widths the
  // page was written for; at another, its timeline lays its labels out anew, and the name
  // finds what the place no longer does.
  function control(el) {
    return el.closest('button, a, input, select, textarea, summary, label, [tabindex]') || el;
  }
  function named(el) {
    return (el.getAttribute('aria-label') || el.textContent || '').trim();
  }
  function identify(el) {
    var it = control(el);
    var box = it.getBoundingClientRect();
    return { id: it.id.replace(/-(wide|narrow)$/, ''), tag: it.tagName, name: named(it), x: box.left + box.width / 2 + scrollX, y: box.top + box.height / 2 + scrollY };
  }
  function shown(el) {
    return el.getClientRects().length > 0;
  }
  function found(who) {
    var byId = who.id && document.getElementById(who.id);
    if (byId) return byId;
    var there = document.elementFromPoint(who.x - scrollX, who.y - scrollY);
    var it = there && control(there);
    if (it && it.tagName === who.tag && named(it) === who.name) return it;
    return Array.prototype.filter.call(document.getElementsByTagName(who.tag), function (el) {
      return shown(el) && named(el) === who.name;
    })[0] || null;
  }

  // Calls `then` with the app's counterpart of `who` once the app has drawn it: the timeline
  // draws its marks a frame or two after the app opens, once it has measured its area.
  function whenFound(who, then, frames) {
    var it = found(who);
    if (it) return then(it);
    if ((frames || 0) < 60) {
      requestAnimationFrame(function () {
        whenFound(who, then, (frames || 0) + 1);
      });
    }
  }
  // After the app's first frame: by then it has said where it stands (to a host page, if it is
  // embedded: the press is the reader's first choice, not where the app opened).
  function pressAgain(what) {
    requestAnimationFrame(function () {
      whenFound(what, click);
    });
  }
  function click(pressed) {
    var box = pressed.getBoundingClientRect();
    var options = { bubbles: true, cancelable: true, view: window, detail: 1, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    pressed.dispatchEvent(new MouseEvent('click', options));
  }

  // The embedded app's side of the host page's script (public/embed.js, src/model/embed.rs):
  // the page's height, its event and the address of its full view, now and whenever the page's
  // size changes; an "ask" is answered, and a "select" starts the app, which answers it (the host
  // asks again when the app says it has loaded).
  function speakToHost() {
    var host = window.parent;
    if (host === window) return;
    var load = Math.random();
    var file = location.pathname.slice(location.pathname.lastIndexOf('/') + 1);
    var event = file && file !== 'index.html' ? decodeURIComponent(file.replace(/\.html$/, '')) : null;
    var address = new URL(event ? file : './', location.href).href;
    function send() {
      if (root.getAttribute('data-app') === 'open') return;
      var state = { source: 'sourceline', type: 'state', height: document.body.offsetHeight, event: event, claim: null, address: address, load: load, answered: null };
      host.postMessage(state, '*');
    }
    send();
    if (window.ResizeObserver) new ResizeObserver(send).observe(document.body);
    addEventListener('message', function (e) {
      var asked = e.data;
      if (e.source !== host || !asked || asked.source !== 'sourceline-host') return;
      if (asked.type === 'ask') send();
      else if (asked.type === 'select') start();
    });
  }

  var listening = [
    ['pointerover', function (e) {
      if (!onLink(e.target)) fetchAhead();
    }],
    ['pointerdown', function (e) {
      if (onLink(e.target)) return fetchAhead();
      start();
      down = { pointer: e.pointerId, x: e.clientX, y: e.clientY, what: identify(e.target) };
    }],
    ['pointercancel', function () {
      down = null;
    }],
    ['click', function (e) {
      if (onLink(e.target)) return;
      start();
      press = identify(e.target);
    }],
    ['focusin', function (e) {
      if (onLink(e.target)) return;
      start();
      focus = { element: e.target, was: identify(e.target) };
    }],
    ['keydown', function (e) {
      if (onLink(e.target) || e.key === 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
      start();
      if (!typing(e.target)) key = { key: e.key, code: e.code, shiftKey: e.shiftKey };
    }],
    ['wheel', function (e) {
      if (!onLink(e.target) && (e.ctrlKey || e.target.closest('.timeline-area'))) start();
    }],
  ];
  listening.forEach(function (pair) {
    document.addEventListener(pair[0], pair[1], { capture: true, passive: pair[0] !== 'click' });
  });

  document.addEventListener(
    'sourceline-open',
    function () {
      listening.forEach(function (pair) {
        document.removeEventListener(pair[0], pair[1], { capture: true });
      });
      var text = focus && typing(focus.element) ? focus.element.value : null;
      // At once, in the task that opened the app, before the reader's next key or press.
      if (focus) {
        whenFound(focus.was, function (target) {
          if (!(target instanceof HTMLElement)) return;
          target.focus({ preventScroll: true });
          if (text !== null && typing(target) && target.value !== text) {
            target.value = text;
            target.dispatchEvent(new Event(target instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
          }
        });
      }
      if (press) {
        pressAgain(press);
      } else if (down) {
        // Pressed on the written page and let go on the app: the browser's click goes to
        // neither, so the press ends where it began, if it ends there.
        var began = down;
        document.addEventListener(
          'pointerup',
          function (e) {
            if (e.pointerId === began.pointer && Math.abs(e.clientX - began.x) < 10 && Math.abs(e.clientY - began.y) < 10) pressAgain(began.what);
          },
          { capture: true, once: true },
        );
      } else if (key) {
        var on = document.activeElement || document.body;
        on.dispatchEvent(new KeyboardEvent('keydown', { key: key.key, code: key.code, shiftKey: key.shiftKey, bubbles: true, cancelable: true }));
      }
    },
    { once: true },
  );
})();
