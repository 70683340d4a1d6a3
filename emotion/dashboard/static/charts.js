// Draws every element with data-figure="<id of a JSON script>" using plotly.js (served locally).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-figure]").forEach(function (el) {
    var figure = JSON.parse(document.getElementById(el.dataset.figure).textContent);
    Plotly.newPlot(el, figure.data, figure.layout, {responsive: true, displaylogo: false});
  });
});
