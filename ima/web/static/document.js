// Toggle the raw extraction beside the clean text without reloading (the link works without JS too).
(function () {
  var button = document.getElementById("toggle-raw");
  var doc = document.getElementById("doc");
  if (!button || !doc) return;
  button.addEventListener("click", function (event) {
    event.preventDefault();
    var raw = !doc.classList.contains("view-raw");
    doc.classList.toggle("view-raw", raw);
    doc.classList.toggle("view-clean", !raw);
    button.textContent = raw ? button.dataset.clean : button.dataset.raw;
    var url = new URL(window.location.href);
    url.searchParams.set("view", raw ? "raw" : "clean");
    history.replaceState(null, "", url);
  });
})();
