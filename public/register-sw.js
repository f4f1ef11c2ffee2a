// Registers the service worker and tells the reader when a new version is ready. Built with DOM
// calls only: no markup is ever parsed from a string.
(function () {
  if (!('serviceWorker' in navigator)) return;
  let accepted = false;

  function offer(worker) {
    if (document.querySelector('.update-banner')) return;
    const banner = document.createElement('section');
    banner.className = 'update-banner';
    banner.setAttribute('aria-label', 'Update available');
    const text = document.createElement('span');
    text.setAttribute('role', 'status');
    text.textContent = 'A new version of sourceline is ready.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Update now';
    button.addEventListener('click', () => {
      accepted = true;
      button.disabled = true;
      worker.postMessage({ type: 'skip-waiting' });
    });
    banner.append(text, ' ', button);
    document.body.prepend(banner);
  }

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (accepted) window.location.reload();
  });

  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').then((registration) => {
      // A browser, or a test harness, that keeps workers out may answer with none at all.
      if (!registration) return;
      // A new worker that has installed while a page is controlled is an update.
      const track = (worker) => {
        if (!worker) return;
        const check = () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        };
        worker.addEventListener('statechange', check);
        check();
      };
      track(registration.waiting);
      track(registration.installing);
      registration.addEventListener('updatefound', () => track(registration.installing));
      // Look for a new deploy now rather than whenever the browser next gets round to it.
      if (navigator.serviceWorker.controller) registration.update().catch(() => {});
    }, () => {
      // Refused (a frame in another site's page where the browser keeps workers from third
      // parties, a private window, a policy): the app works as it is, without offline, and
      // a refusal is no error of the page's.
    });
  });
})();
