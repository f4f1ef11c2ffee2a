// sourceline's script for a page that embeds it (docs/embed.md). For every
// <iframe data-sourceline> on the page it:
// - sizes the frame to the app's content, as the app reports it;
// - keeps the page's address in step with the event the frame shows, in the address's
//   fragment (#sourceline=EVENT, or #NAME=EVENT with data-sourceline="NAME"), adding a history
//   entry for each event chosen, so that Back and Forward step through them and a copied
//   address opens the page on that event;
// - shows the event the page's address names, when the page opens and on Back and Forward.
// It listens only to its frames, and speaks only to the origin their addresses name.
(() => {
  'use strict';
  const fragment = (name) => new URLSearchParams(location.hash.slice(1)).get(name) || null;
  const withFragment = (name, event) => {
    const params = new URLSearchParams(location.hash.slice(1));
    if (event) params.set(name, event);
    else params.delete(name);
    const hash = params.toString();
    return `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
  };
  for (const frame of document.querySelectorAll('iframe[data-sourceline]')) {
    if (frame.dataset.sourcelineReady) continue;
    frame.dataset.sourcelineReady = 'yes';
    const name = frame.dataset.sourceline || 'sourceline';
    const origin = new URL(frame.src, location.href).origin;
    // The load of the frame heard last (undefined until it first speaks), the event it showed
    // last as far as this page knows, the number of the last request sent to that load, and
    // whether its answer is still to come.
    let load;
    let shown;
    let asked = 0;
    let answering = false;
    const select = (event) => {
      shown = event;
      asked += 1;
      answering = true;
      frame.contentWindow?.postMessage({ source: 'sourceline-host', type: 'select', event, claim: null, request: asked }, origin);
    };
    addEventListener('message', (e) => {
      if (e.source !== frame.contentWindow || e.origin !== origin) return;
      const m = e.data;
      if (!m || m.source !== 'sourceline' || m.type !== 'state') return;
      if (Number.isFinite(m.height) && m.height > 0) frame.style.height = `${Math.ceil(m.height)}px`;
      const event = typeof m.event === 'string' ? m.event : null;
      const wanted = fragment(name);
      if (m.load !== load) {
        // A frame first heard, or reloaded: the page's own address wins.
        load = m.load;
        asked = 0;
        answering = false;
        shown = event;
        if (wanted && wanted !== event) select(wanted);
        return;
      }
      // Said before the frame heard the last request: old news, not the reader's choice.
      if (asked > 0 && m.answered !== asked) return;
      const answer = answering;
      answering = false;
      if (event === shown) return;
      shown = event;
      if (event === wanted) return;
      // The reader chose another event: a new entry in the page's history. Or the frame could
      // not show what was asked (an id its dataset lacks): the address says what it shows.
      if (answer) history.replaceState(history.state, '', withFragment(name, event));
      else history.pushState(history.state, '', withFragment(name, event));
    });
    // The frame may have spoken before this script ran: ask it to speak again. (Before the frame
    // has loaded, the message goes nowhere, and the frame speaks first once it has.)
    frame.contentWindow?.postMessage({ source: 'sourceline-host', type: 'ask' }, origin);
    addEventListener('popstate', () => {
      const wanted = fragment(name);
      if (load !== undefined && wanted !== shown) select(wanted);
    });
  }
})();
