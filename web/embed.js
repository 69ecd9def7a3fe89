// embed.html: maps the address's hash (the page's own keys, plus view, lang, theme, controls) onto the
// <pe-explorer> element, now and whenever the hash changes. The element checks every value and shows a
// message for a bad one.
(function () {
  var names = {
    view: 'view',
    d: 'd-model',
    n: 'positions',
    base: 'base',
    layout: 'layout',
    freq: 'frequencies',
    odd: 'odd',
    pos: 'position',
    k: 'offset',
    lang: 'lang',
    theme: 'theme',
    controls: 'controls',
  };
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
