// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Submit the sort form as soon as the choice changes.
  var sort = document.getElementById("sort");
  if (sort && sort.form) {
    sort.addEventListener("change", function () { sort.form.submit(); });
  }

  // On wide screens the facets sit in a column: show them open.
  if (window.matchMedia && window.matchMedia("(min-width: 56em)").matches) {
    document.querySelectorAll("details.facet").forEach(function (d) { d.open = true; });
  }
})();
