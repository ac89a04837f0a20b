// Follow a background run: poll its JSON twin, show progress, reload when it has finished.
(function () {
  var status = document.getElementById("run-status");
  if (!status) return;
  var bar = status.querySelector("progress");
  function poll() {
    fetch(status.dataset.json, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (bar) { bar.max = job.total; bar.value = job.done; }
        if (job.status === "finished" || job.status === "failed") { window.location.reload(); return; }
        setTimeout(poll, 1000);
      })
      .catch(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 1000);
})();
