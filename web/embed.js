// embed.html: maps the address's hash (the page's own keys, plus view, lang, theme, controls, text, and
// the scheme views' settings under their attribute's name: #view=rope&head-dim=128) onto the
// <pe-explorer> element, now and whenever the hash changes. The element checks every value and shows a
// message for a bad one.
(function () {
  // URL key -> attribute, from the element's own parameter list (web/app/schema.js).
  var element = customElements.get('pe-explorer');
  if (!element) return; // pe-explorer.js did not load: its own message is all there is to show
  var names = element.hashKeys;
  var figure = document.getElementById('figure');
  function apply() {
    var seen = {};
    location.hash
      .slice(1)
      .split('&')
      .forEach(function (part) {
        var eq = part.indexOf('=');
        if (eq < 0) return;
        var key, value;
        try {
          key = decodeURIComponent(part.slice(0, eq));
          value = decodeURIComponent(part.slice(eq + 1));
        } catch {
          return; // not valid URL encoding: ignored, the element keeps its defaults
        }
        if (Object.prototype.hasOwnProperty.call(names, key)) {
          figure.setAttribute(names[key], value);
          seen[names[key]] = true;
        }
      });
    Object.keys(names).forEach(function (key) {
      var attr = names[key];
      if (!seen[attr] && attr !== 'controls') figure.removeAttribute(attr);
    });
  }
  apply();
  window.addEventListener('hashchange', apply);
})();
