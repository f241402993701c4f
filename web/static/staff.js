// Casebook staff pages: drag and drop onto the upload form. Without
// JavaScript the plain file input does the same job.
(function () {
  "use strict";
  var input = document.getElementById("upload-files");
  var zone = document.getElementById("dropzone");
  var list = document.getElementById("dropped");
  if (!input || !zone || !list || typeof DataTransfer === "undefined") {
    return;
  }
  zone.hidden = false;

  function show() {
    list.textContent = "";
    for (var i = 0; i < input.files.length; i++) {
      var li = document.createElement("li");
      li.textContent = input.files[i].name; // text, never markup
      list.appendChild(li);
    }
  }
  function over(e) {
    e.preventDefault();
    zone.classList.add("over");
  }
  zone.addEventListener("dragenter", over);
  zone.addEventListener("dragover", over);
  zone.addEventListener("dragleave", function () {
    zone.classList.remove("over");
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    zone.classList.remove("over");
    var dt = new DataTransfer();
    for (var i = 0; i < input.files.length; i++) {
      dt.items.add(input.files[i]);
    }
    for (var j = 0; j < e.dataTransfer.files.length; j++) {
      dt.items.add(e.dataTransfer.files[j]);
    }
    input.files = dt.files;
    show();
  });
  input.addEventListener("change", show);
})();
