// Sends the CSRF token with every htmx request (forms rendered by Thymeleaf carry it already).
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// "增加一行": copies the last row of a table body marked data-rows="name", numbering the copy's fields as the next row
// (incomes[3].kind …) and emptying them, so forms have no fixed number of rows.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-add-row]");
  if (!button) {
    return;
  }
  var body = document.querySelector('[data-rows="' + button.getAttribute("data-add-row") + '"]');
  var rows = body ? body.querySelectorAll("[data-row]") : [];
  if (!rows.length) {
    return;
  }
  var copy = rows[rows.length - 1].cloneNode(true);
  var next = rows.length;
  copy.querySelectorAll("input, select, textarea").forEach(function (field) {
    ["name", "id"].forEach(function (attribute) {
      var value = field.getAttribute(attribute);
      if (value) {
        field.setAttribute(attribute, value.replace(/\[\d+\]/, "[" + next + "]").replace(/(\D)\d+(\.\w+)$/, "$1" + next + "$2"));
      }
    });
    if (field.tagName === "SELECT") {
      field.selectedIndex = 0;
    } else if (field.type === "checkbox" || field.type === "radio") {
      field.checked = false;
    } else {
      field.value = "";
    }
  });
  copy.querySelectorAll("label[for]").forEach(function (label) {
    label.setAttribute("for", label.getAttribute("for").replace(/\d+/, next));
  });
  body.appendChild(copy);
  var first = copy.querySelector("input, select, textarea");
  if (first) {
    first.focus();
  }
});

// Pickers (fragments/picker.html). A click on a choice fills the picker's hidden inputs from the choice's
// data-pick-* attributes and shows what was chosen; the list closes.
document.addEventListener("click", function (event) {
  var choice = event.target.closest("[data-pick-label]");
  if (!choice) {
    return;
  }
  var picker = choice.closest("[data-picker]");
  if (!picker) {
    return;
  }
  event.preventDefault();
  picker.querySelectorAll("[data-pick-field]").forEach(function (field) {
    field.value = choice.getAttribute("data-pick-" + field.getAttribute("data-pick-field")) || "";
  });
  var chosen = picker.querySelector(".picker-chosen");
  if (chosen) {
    chosen.classList.remove("empty");
    chosen.querySelector("strong").textContent = choice.getAttribute("data-pick-label");
  }
  var results = picker.querySelector(".picker-results");
  if (results) {
    results.innerHTML = "";
  }
});

// A long select (the region tree) narrows to the options whose name contains what is typed in the box before it.
document.addEventListener("input", function (event) {
  var box = event.target;
  if (!box.matches || !box.matches("[data-filter-select]")) {
    return;
  }
  var select = box.parentElement.querySelector("select");
  var text = box.value.trim();
  var first = null;
  select.querySelectorAll("option").forEach(function (option) {
    var show = !text || !option.value || option.textContent.indexOf(text) >= 0
        || (option.parentElement.label || "").indexOf(text) >= 0;
    option.hidden = !show;
    if (show && option.value && !first) {
      first = option;
    }
  });
  select.querySelectorAll("optgroup").forEach(function (group) {
    group.hidden = !Array.prototype.some.call(group.children, function (o) { return !o.hidden; });
  });
  if (first && text) {
    select.value = first.value;
  }
});
