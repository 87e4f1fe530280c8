// Registers Fitcheck's service worker (sw.js, next to index.html) and offers a new build once
// it is ready: "A new version is available — reload". The page keeps running its own build until
// the candidate reloads, so no page ever mixes the files of two builds. Answers are saved at
// once, so the reload loses nothing.
(function () {
  if (!("serviceWorker" in navigator)) return;
  var hadController = !!navigator.serviceWorker.controller;
  // The banner's words in the interface's languages; the app has set <html lang> by the time a
  // new build is found (tests/locales.rs checks that both languages have the same keys). Between
  // the markers is JSON.
  var WORDS = /* words */ {
    "en": { "available": "A new version of Fitcheck is available.", "reload": "Reload to update" },
    "de": { "available": "Eine neue Version von Fitcheck ist verfügbar.", "reload": "Neu laden zum Aktualisieren" }
  } /* end words */;

  function say(key) {
    return (WORDS[document.documentElement.lang] || WORDS.en)[key];
  }

  function offer(worker) {
    if (document.getElementById("update-banner")) return;
    var banner = document.createElement("div");
    banner.id = "update-banner";
    banner.className = "update-banner";
    banner.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = say("available");
    var button = document.createElement("button");
    button.type = "button";
    button.id = "update-reload";
    button.textContent = say("reload");
    button.addEventListener("click", function () {
      button.disabled = true;
      worker.postMessage({ type: "fitcheck-activate" });
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.appendChild(banner);
  }

  function watch(registration) {
    if (registration.waiting && hadController) offer(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offer(worker);
      });
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") registration.update().catch(function () {});
    });
  }

  // The new build took over (this tab or another asked for it): load it.
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (hadController) location.reload();
    hadController = true;
  });

  var registered = false;
  function register() {
    if (registered) return;
    registered = true;
    navigator.serviceWorker
      .register("sw.js")
      .then(watch)
      .catch(function (error) {
        // Without a worker the app still runs; it just does not work offline.
        console.warn("Fitcheck works online only here: " + error);
      });
  }
  // On the first visit the worker is registered once the app has loaded its role profile
  // ("fitcheck-ready"), so that it copies what the page downloaded instead of downloading the
  // build a second time alongside it. A page the worker already serves registers at once.
  if (navigator.serviceWorker.controller) register();
  else addEventListener("fitcheck-ready", register);
})();
