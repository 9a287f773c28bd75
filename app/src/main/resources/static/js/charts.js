// Charts from data the page carries (data-chart: title, kind, labels, values, links) — no inline script (CSP). A click
// on a bar or point opens the list behind it.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof echarts === "undefined") {
    return;
  }
  document.querySelectorAll("[data-chart]").forEach(function (box) {
    var data = JSON.parse(box.getAttribute("data-chart"));
    var chart = echarts.init(box, null, { renderer: "svg" });
    chart.setOption({
      textStyle: { fontFamily: "Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif" },
      tooltip: { trigger: "axis" },
      grid: { left: 64, right: 16, top: 16, bottom: 56 },
      xAxis: { type: "category", data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 6 ? 30 : 0 } },
      yAxis: { type: "value" },
      series: [{ type: data.kind, data: data.values, itemStyle: { color: "#9f1d20" }, smooth: true }]
    });
    chart.on("click", function (event) {
      if (data.links && data.links[event.dataIndex]) {
        window.location.href = data.links[event.dataIndex];
      }
    });
    window.addEventListener("resize", function () { chart.resize(); });
  });
});
