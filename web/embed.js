// embed.html: maps the address's hash (the page's own keys, plus view, lang, theme, controls, text, and
// the scheme views' settings under their attribute's name: #view=rope&head-dim=128) onto the
// <pe-explorer> element, now and whenever the hash changes. The element checks every value and shows a
// message for a bad one.
//
// This script runs before pe-explorer.js (both deferred, in that order) and puts every key on the
// element as an attribute of its own name before the element is defined: the figure's choices (view,
// lang, ...) are attributes of their URL key's name, so its first start (when it comes into view)
// loads the engine and the text of the view and language asked for, never the default view's (a
// rendering step may come between the two scripts). Once it is defined, its table (hashKeys) maps
// the other keys (d -> d-model) and the stand-ins that are no attribute of its go.
(function () {
  var figure = document.getElementById('figure');
  function pairs() {
    var out = [];
    location.hash
      .slice(1)
      .split('&')
      .forEach(function (part) {
        var eq = part.indexOf('=');
        if (eq < 0) return;
        try {
          out.push([decodeURIComponent(part.slice(0, eq)), decodeURIComponent(part.slice(eq + 1))]);
        } catch {
          // not valid URL encoding: ignored, the element keeps its defaults
        }
      });
    return out;
  }
  var early = pairs().filter(function (pair) {
    return /^[a-z][a-z0-9-]*$/.test(pair[0]);
  });
  early.forEach(function (pair) {
    figure.setAttribute(pair[0], pair[1]);
  });
  // Never resolves if pe-explorer.js did not load: the element's own fallback is all there is to show.
  customElements.whenDefined('pe-explorer').then(function () {
    var names = customElements.get('pe-explorer').hashKeys; // URL key -> attribute (web/app/schemes/sinusoidal/settings.js, choices.js)
    function apply() {
      var seen = {};
      pairs().forEach(function (pair) {
        if (Object.prototype.hasOwnProperty.call(names, pair[0])) {
          figure.setAttribute(names[pair[0]], pair[1]);
          seen[names[pair[0]]] = true;
        }
      });
      Object.keys(names).forEach(function (key) {
        var attr = names[key];
        if (!seen[attr] && attr !== 'controls') figure.removeAttribute(attr);
      });
    }
    var attributes = Object.keys(names).map(function (key) {
      return names[key];
    });
    early.forEach(function (pair) {
      if (attributes.indexOf(pair[0]) < 0) figure.removeAttribute(pair[0]);
    });
    apply();
    window.addEventListener('hashchange', apply);
  });
})();
