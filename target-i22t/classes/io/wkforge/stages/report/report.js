// Draws report.html's charts (Apache ECharts, inlined above) from the data the page embeds.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var BLUE = '#2f6feb', GREEN = '#2da44e', ORANGE = '#e16f24', GREY = '#8c959f';
  var REASON_COLOURS = {uniform: '#57606a', blurry: '#bf8700', duplicate: '#cf222e', near_duplicate: '#fa4549', excluded: '#a475f9'};
  // one plain font family: ECharts measures labels with it, and the SVG must draw them with the same one
  var base = {animation: false, textStyle: {fontFamily: 'sans-serif'}};

  function percent(v) { return v == null ? '—' : (v * 100).toFixed(1) + '%'; }
  function opts(o) { return Object.assign({}, base, o); }
  function title(text) { return {text: text, left: 0, top: 0, textStyle: {fontSize: 13, fontWeight: 600}}; }

  function bestLine(d) {
    return d.best_epoch == null ? undefined : {
      symbol: 'none', silent: true, lineStyle: {color: GREY, type: 'dashed'},
      label: {formatter: 'best', color: GREY, position: 'insideStartTop'}, data: [{xAxis: String(d.best_epoch)}]
    };
  }

  function epochAxis(d) { return {type: 'category', name: 'epoch', nameLocation: 'middle', nameGap: 24, data: d.epochs.map(String)}; }

  var builders = {
    dataset: function (d) {
      var series = [
        {name: 'train', type: 'bar', stack: 'n', data: d.train, itemStyle: {color: BLUE}},
        {name: 'val', type: 'bar', stack: 'n', data: d.val, itemStyle: {color: GREEN}}
      ];
      Object.keys(d.dropped).forEach(function (r) {
        if (d.dropped[r].some(function (v) { return v > 0; })) {
          series.push({name: 'dropped: ' + r.replace('_', ' '), type: 'bar', stack: 'n', data: d.dropped[r],
                       itemStyle: {color: REASON_COLOURS[r] || GREY}});
        }
      });
      return opts({
        title: title('Frames per class'), tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
        legend: {top: 0, right: 0}, grid: {left: 16, right: 16, top: 36, bottom: 8, containLabel: true},
        xAxis: {type: 'value'}, yAxis: {type: 'category', data: d.classes, inverse: true}, series: series
      });
    },
    'training-loss': function (d) {
      return opts({
        title: title('Loss'), tooltip: {trigger: 'axis'}, legend: {top: 0, right: 0},
        // a log scale: the first epochs' validation loss can be ten times the rest
        grid: {left: 16, right: 12, top: 36, bottom: 28, containLabel: true}, xAxis: epochAxis(d),
        yAxis: {type: 'log', logBase: 10, axisLabel: {formatter: function (v) { return String(+Number(v).toPrecision(3)); }}},
        series: [
          {name: 'train', type: 'line', data: d.train_loss, itemStyle: {color: BLUE}, markLine: bestLine(d)},
          {name: 'val', type: 'line', data: d.val_loss, itemStyle: {color: ORANGE}}
        ]
      });
    },
    'training-top1': function (d) {
      return opts({
        title: title('Top-1 accuracy'), tooltip: {trigger: 'axis', valueFormatter: percent}, legend: {top: 0, right: 0},
        grid: {left: 16, right: 12, top: 36, bottom: 28, containLabel: true}, xAxis: epochAxis(d),
        yAxis: {type: 'value', min: 0, max: 1, axisLabel: {formatter: function (v) { return Math.round(v * 100) + '%'; }}},
        series: [
          {name: 'train', type: 'line', data: d.train_top1, itemStyle: {color: BLUE}, markLine: bestLine(d)},
          {name: 'val', type: 'line', data: d.val_top1, itemStyle: {color: ORANGE}}
        ]
      });
    },
    'training-lr': function (d) {
      return opts({
        title: title('Learning rate'), tooltip: {trigger: 'axis', valueFormatter: function (v) { return Number(v).toPrecision(3); }},
        grid: {left: 16, right: 12, top: 36, bottom: 28, containLabel: true}, xAxis: epochAxis(d),
        yAxis: {type: 'value', axisLabel: {formatter: function (v) { return v === 0 ? '0' : Number(v).toExponential(1).replace('.0e', 'e'); }}},
        series: [{name: 'lr', type: 'line', step: false, data: d.lr, itemStyle: {color: GREY}, areaStyle: {opacity: 0.08}}]
      });
    },
    confusion: function (d) {
      var cells = [];
      d.matrix.forEach(function (row, i) {
        var total = row.reduce(function (a, b) { return a + b; }, 0);
        row.forEach(function (v, j) { cells.push([j, i, v, total ? v / total : 0]); });
      });
      return opts({
        tooltip: {formatter: function (p) {
          return d.classes[p.value[1]] + ' → ' + d.classes[p.value[0]] + '<br>' + p.value[2] + ' images (' + percent(p.value[3]) + ' of the row)';
        }},
        grid: {left: 16, right: 80, top: 8, bottom: 8, containLabel: true},
        xAxis: {type: 'category', data: d.names, axisLabel: {rotate: d.names.length > 5 ? 40 : 0, interval: 0}, axisTick: {show: false},
                splitArea: {show: true}},
        yAxis: {type: 'category', data: d.names, inverse: true, axisLabel: {interval: 0}, axisTick: {show: false}, splitArea: {show: true}},
        visualMap: {min: 0, max: 1, dimension: 3, calculable: false, orient: 'vertical', right: 0, top: 'middle',
                    text: ['100%', '0%'], itemHeight: 160, inRange: {color: ['#ffffff', '#9ecae1', '#08519c']}},
        series: [{type: 'heatmap', data: cells, label: {show: true, formatter: function (p) { return p.value[2] || ''; }},
                  itemStyle: {borderColor: '#fff', borderWidth: 1}}]
      });
    },
    quantize: function (d) {
      var min = Math.min.apply(null, d.cosine.filter(function (v) { return v != null; }));
      return opts({
        title: title('Cosine similarity of each layer\'s int8 and float outputs'), tooltip: {trigger: 'axis',
          valueFormatter: function (v) { return v == null ? '—' : Number(v).toFixed(5); }},
        grid: {left: 16, right: 12, top: 36, bottom: 8, containLabel: true},
        xAxis: {type: 'category', data: d.layers, axisLabel: {rotate: 60, fontSize: 10}},
        yAxis: {type: 'value', min: Math.max(0, Math.floor(min * 100) / 100), max: 1},
        series: [{type: 'bar', data: d.cosine, itemStyle: {color: function (p) { return p.value < 0.99 ? ORANGE : BLUE; }}}]
      });
    },
    timings: function (d) {
      return opts({
        title: title('Seconds per stage'), tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'},
          valueFormatter: function (v) { return Number(v).toFixed(1) + ' s'; }},
        legend: {top: 0, right: 0}, grid: {left: 16, right: 16, top: 36, bottom: 8, containLabel: true},
        xAxis: {type: 'value'}, yAxis: {type: 'category', data: d.stages, inverse: true},
        series: [
          {name: 'ran in this run', type: 'bar', stack: 't', data: d.ran, itemStyle: {color: BLUE}},
          {name: 'from the cache (what it took when computed)', type: 'bar', stack: 't', data: d.cached, itemStyle: {color: '#d0d7de'}}
        ]
      });
    }
  };

  var charts = [];
  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var name = el.getAttribute('data-chart');
    var d = data[name.split('-')[0]];
    if (!d || !builders[name]) { el.classList.add('nodata'); return; }
    var chart = echarts.init(el, null, {renderer: 'svg'});
    chart.setOption(builders[name](d));
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  var button = document.getElementById('show-graph');
  if (button) {
    button.addEventListener('click', function () {
      var holder = document.getElementById('graph-frame');
      if (!holder.firstChild) {
        var bytes = atob(holder.getAttribute('data-page'));
        var page = new TextDecoder().decode(Uint8Array.from(bytes, function (c) { return c.charCodeAt(0); }));
        var frame = document.createElement('iframe');
        frame.title = 'the network (caffe/graph.html)';
        frame.srcdoc = page;
        holder.appendChild(frame);
      }
      holder.hidden = !holder.hidden;
      button.textContent = holder.hidden ? 'Show the network here' : 'Hide the network';
    });
  }
  document.documentElement.setAttribute('data-charts-drawn', String(charts.length));
})();
