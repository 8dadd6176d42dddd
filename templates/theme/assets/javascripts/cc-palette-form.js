/* casecat: the theme's palette toggles (Material 9.8.2 partials/palette.html), built in the empty
 * form the page carries (templates/theme/partials/palette.html) from the options it names, before
 * the theme's script reads them. Plain script, no HTML built from text. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = script && script.previousElementSibling;
  if (!form || !form.hasAttribute("data-cc-palette")) return;
  var SVG = "http://www.w3.org/2000/svg";
  var sprite = new URL("../images/cc-icons.svg", script.src).href;
  var options = JSON.parse(form.getAttribute("data-cc-palette"));
  options.forEach(function (option, i) {
    var input = document.createElement("input");
    input.className = "md-option";
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      input.setAttribute("data-md-color-" + key, option[key]);
    });
    if (option.toggle) input.setAttribute("aria-label", option.toggle.name);
    else input.setAttribute("aria-hidden", "true");
    input.type = "radio";
    input.name = "__palette";
    input.id = "__palette_" + i;
    form.append(input);
    if (!option.toggle) return;
    var label = document.createElement("label");
    label.className = "md-header__button md-icon";
    label.title = option.toggle.name;
    label.htmlFor = "__palette_" + ((i + 1) % options.length);
    label.hidden = true;
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    var use = document.createElementNS(SVG, "use");
    use.setAttribute("href", sprite + "#" + option.toggle.icon);
    svg.append(use);
    label.append(svg);
    form.append(label);
  });
})();
