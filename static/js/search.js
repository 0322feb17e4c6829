// Search box suggestions (towns, sectors, shops) from /api/autocomplete/, into the
// input's <datalist>. Without JavaScript the box works as a plain form.
(function () {
  const input = document.querySelector("[data-autocomplete]");
  if (!input || !input.list) return;
  let timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    const typed = input.value.trim();
    if (typed.length < 2) return;
    timer = setTimeout(function () {
      fetch(input.dataset.autocomplete + "?q=" + encodeURIComponent(typed))
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (body) {
          input.list.replaceChildren(...body.results.map(function (item) {
            const option = document.createElement("option");
            option.value = item.type === "shop" ? item.value : item.label;
            option.label = item.label;
            return option;
          }));
        })
        .catch(function () {});
    }, 200);
  });
})();
