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

// Suggestions under the search boxes: cities, themes and titles as one
// types. Choosing one goes to its page; Enter without a choice submits
// the search as before. The pattern is the ARIA 1.2 combobox with a listbox.
(function () {
  "use strict";
  var maxChars = 100; // the longest q /api/v1/suggest accepts
  var kindLabels = { city: "City", theme: "Theme", title: "Document" };

  document.querySelectorAll('input[type="search"][name="q"]').forEach(function (input, n) {
    if (window.fetch && input.parentNode) {
      suggestFor(input, (input.id || "q" + n) + "-suggest");
    }
  });

  function suggestFor(input, listID) {
    var list = document.createElement("ul");
    var status = document.createElement("span");
    var items = [], active = -1, timer = 0, seq = 0, ctrl = null, leaving = false;

    list.id = listID;
    list.className = "suggest";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listID);
    input.setAttribute("autocomplete", "off");
    input.parentNode.classList.add("suggest-host");
    input.insertAdjacentElement("afterend", list);
    list.insertAdjacentElement("afterend", status);

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(load, 150);
    });
    input.addEventListener("keydown", onKey);
    input.addEventListener("blur", close);
    if (input.form) {
      input.form.addEventListener("submit", function (e) {
        if (leaving) {
          e.preventDefault(); // Enter chose a suggestion; do not also search
          return;
        }
        close();
      });
    }
    // A page restored by the back button is no longer leaving.
    window.addEventListener("pageshow", function () {
      leaving = false;
      close();
    });
    // Keep the focus in the box while an option is clicked.
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });
    list.addEventListener("click", function (e) {
      var li = e.target.closest('li[role="option"]');
      if (li) {
        choose(items[Number(li.dataset.index)]);
      }
    });

    function load() {
      var q = input.value.replace(/^\s+/, "");
      if (ctrl) {
        ctrl.abort();
      }
      if (!q.trim() || Array.from(q).length > maxChars) {
        show([]);
        return;
      }
      var mine = ++seq;
      ctrl = new AbortController();
      fetch("/api/v1/suggest?q=" + encodeURIComponent(q), { signal: ctrl.signal, headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (data) {
          if (mine === seq && document.activeElement === input) {
            show(Array.isArray(data.suggestions) ? data.suggestions : []);
          }
        })
        .catch(function () { /* aborted or offline: leave the box as it is */ });
    }

    function show(list_) {
      items = list_;
      active = -1;
      list.textContent = "";
      items.forEach(function (s, i) {
        list.appendChild(option(s, i));
      });
      setOpen(items.length > 0);
      status.textContent = items.length === 0 ? "" :
        items.length + (items.length === 1 ? " suggestion" : " suggestions") + "; up and down arrows to choose";
    }

    function option(s, i) {
      var li = document.createElement("li");
      li.id = listID + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.index = String(i);
      li.appendChild(span("kind", kindLabels[s.kind] || ""));
      li.appendChild(span("label", s.label));
      if (s.match) {
        li.appendChild(span("match", s.match));
      }
      if (s.count) {
        li.appendChild(span("count", String(s.count)));
      }
      return li;
    }

    function span(cls, text) {
      var el = document.createElement("span");
      el.className = cls;
      el.textContent = text;
      return el;
    }

    function setOpen(open) {
      list.hidden = !open;
      input.setAttribute("aria-expanded", String(open));
      if (!open) {
        select(-1);
      }
    }

    function close() {
      clearTimeout(timer);
      setOpen(false);
    }

    function onKey(e) {
      if (list.hidden) {
        if (e.key === "ArrowDown" && items.length > 0) {
          setOpen(true);
          select(0);
          e.preventDefault();
        }
        return;
      }
      switch (e.key) {
        case "ArrowDown":
          select((active + 2) % (items.length + 1) - 1);
          break;
        case "ArrowUp":
          select((active + items.length + 1) % (items.length + 1) - 1);
          break;
        case "Enter":
          if (active < 0) {
            return; // submit the search as typed
          }
          choose(items[active]);
          break;
        case "Escape":
          close();
          break;
        default:
          return;
      }
      e.preventDefault();
    }

    // select marks option i as active; -1 returns to the typed text.
    function select(i) {
      active = i;
      list.querySelectorAll('li[role="option"]').forEach(function (li, j) {
        li.setAttribute("aria-selected", String(j === i));
        if (j === i) {
          li.scrollIntoView({ block: "nearest" });
        }
      });
      if (i < 0) {
        input.removeAttribute("aria-activedescendant");
      } else {
        input.setAttribute("aria-activedescendant", listID + "-" + i);
      }
    }

    // choose goes to a suggestion's page: only a path on this site.
    function choose(s) {
      if (!s || typeof s.url !== "string" || !/^\/(?![\/\\])/.test(s.url)) {
        return;
      }
      close();
      leaving = true;
      window.location.assign(s.url);
    }
  }
})();

// Long facet lists get a box that filters their values as one types. A
// value shows when it matches, when a value under it matches (so one
// sees where it is), or when a value above it matches.
(function () {
  "use strict";
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function label(li) {
    var l = li.querySelector(":scope > .row .label");
    return l ? fold(l.textContent) : "";
  }
  // show hides or shows li and its values; it returns how many matched.
  function show(li, q, aboveMatched) {
    var self = q !== "" && label(li).indexOf(q) >= 0;
    var matched = self ? 1 : 0;
    li.querySelectorAll(":scope > ul > li").forEach(function (c) {
      matched += show(c, q, aboveMatched || self || q === "");
    });
    li.hidden = !(q === "" || aboveMatched || matched > 0);
    return matched;
  }
  document.querySelectorAll("[data-filter]").forEach(function (box, i) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "facet-filter";
    input.id = "facet-filter-" + i;
    input.autocomplete = "off";
    input.placeholder = box.dataset.filter + "…";
    input.setAttribute("aria-label", box.dataset.filter);
    var status = document.createElement("p");
    status.className = "filter-status";
    status.setAttribute("role", "status");
    box.prepend(input);
    box.append(status);
    var more = box.querySelector("details.more");
    var moreWasOpen = more && more.open;
    input.addEventListener("input", function () {
      var q = fold(input.value.trim());
      var n = 0;
      box.querySelectorAll(":scope > ul > li, :scope > details > ul > li").forEach(function (li) {
        n += show(li, q, false);
      });
      if (more) {
        more.open = q === "" ? moreWasOpen : more.querySelector("li:not([hidden])") !== null;
      }
      status.textContent = q === "" ? "" : n === 0 ? "No matches" : n === 1 ? "1 match" : n + " matches";
    });
  });
})();
