// controlmap's live map: a Streamlit (v1 protocol) component that receives the provinces and
// every day's statuses once, then recolours in the browser, so moving the slider never waits
// for a Python rerun. It reports {date, province} back so Python can update the quotes panel.
// All article-derived text is set with textContent: nothing from the data becomes HTML.
(function () {
  "use strict";

  var SEND_DELAY_MS = 120; // coalesce slider drags into one rerun
  var HELD = "held"; // the timeline's "no reported change"
  var state = {
    dataKey: null, // identity of the data last drawn; same key -> only selection changes
    nav: null, // last navigation token from Python (URL/param changes)
    args: null, // the parsed payload plus the view fields of the last render
    data: null, // the parsed payload of dataKey
    dayIndex: 0,
    province: null,
    playing: false,
    timer: null,
    sendTimer: null,
    map: null,
    layers: {}, // iso -> L.Path
    capitals: {}, // iso -> {marker, label, permanent}
    declutter: null, // pending animation frame that places the capitals' labels
    moved: false, // the user has panned or zoomed: never refit under them
    fitting: false, // inside our own fitBounds (its zoom events are not the user's)
    bounds: null, // the country's bounds, fitted on load and on resize
  };

  // --- Streamlit component protocol (what streamlit-component-lib does, by hand) ---------
  function send(type, data) {
    var message = Object.assign({ isStreamlitMessage: true, type: type }, data || {});
    window.parent.postMessage(message, "*");
  }
  function setFrameHeight() {
    send("streamlit:setFrameHeight", { height: document.getElementById("cm-root").offsetHeight + 4 });
  }
  function sendValue() {
    var args = state.args;
    send("streamlit:setComponentValue", {
      value: {
        date: args.days[state.dayIndex],
        province: state.province,
        seq: Date.now(),
      },
      dataType: "json",
    });
  }
  function sendValueSoon() {
    clearTimeout(state.sendTimer);
    state.sendTimer = setTimeout(sendValue, SEND_DELAY_MS);
  }

  function showError(text) {
    var box = document.getElementById("cm-error");
    box.textContent = text;
    box.hidden = false;
    setFrameHeight();
  }

  // --- drawing ------------------------------------------------------------------------------
  var SVG_NS = "http://www.w3.org/2000/svg";

  function patternId(status) {
    return "cm-hatch-" + status;
  }

  // Hatches are SVG <pattern>s in the overlay's <defs>: a claim is the capture's hue, lighter,
  // with diagonal stripes, so it never reads as a confirmed capture (even in greyscale).
  function addPatterns(svg, styles) {
    var defs = svg.querySelector("defs") || svg.insertBefore(document.createElementNS(SVG_NS, "defs"), svg.firstChild);
    Object.keys(styles).forEach(function (status) {
      var style = styles[status];
      if (!style.hatch || defs.querySelector("#" + patternId(status))) return;
      var pattern = document.createElementNS(SVG_NS, "pattern");
      pattern.setAttribute("id", patternId(status));
      pattern.setAttribute("patternUnits", "userSpaceOnUse");
      pattern.setAttribute("width", "8");
      pattern.setAttribute("height", "8");
      var background = document.createElementNS(SVG_NS, "rect");
      background.setAttribute("width", "8");
      background.setAttribute("height", "8");
      background.setAttribute("fill", style.fill);
      pattern.appendChild(background);
      if (style.hatch === "dots") {
        var dot = document.createElementNS(SVG_NS, "circle");
        dot.setAttribute("cx", "4");
        dot.setAttribute("cy", "4");
        dot.setAttribute("r", "1.6");
        dot.setAttribute("fill", style.edge);
        pattern.appendChild(dot);
      } else {
        pattern.setAttribute("patternTransform", "rotate(45)");
        var line = document.createElementNS(SVG_NS, "rect");
        line.setAttribute("width", "2.5");
        line.setAttribute("height", "8");
        line.setAttribute("fill", style.edge);
        pattern.appendChild(line);
      }
      defs.appendChild(pattern);
    });
  }

  function fillFor(status, styles) {
    var style = styles[status];
    return style.hatch ? "url(#" + patternId(status) + ")" : style.fill;
  }

  function tooltipNode(iso) {
    var args = state.args;
    var entry = args.statuses[state.dayIndex][args.isos.indexOf(iso)];
    var style = args.styles[entry[0]];
    var box = document.createElement("div");
    var name = document.createElement("strong");
    name.textContent = args.names[iso];
    var line = document.createElement("div");
    line.textContent = style.label + (entry[1] ? " since " + entry[1] : "");
    box.appendChild(name);
    box.appendChild(line);
    return box;
  }

  // Fit the whole country, at once: an animated fit that a resize interrupts leaves the map
  // stuck at an in-between zoom, small in its frame.
  function fitView() {
    state.fitting = true;
    try {
      state.map.fitBounds(state.bounds, { padding: [4, 4], animate: false });
    } finally {
      state.fitting = false;
    }
  }

  function buildMap(args) {
    if (state.map) {
      state.map.remove();
      state.layers = {};
      state.capitals = {};
    }
    var map = L.map("cm-map", {
      zoomSnap: 0.25,
      attributionControl: true,
      preferCanvas: false, // SVG: patterns need it, and tests read path fills
    });
    state.map = map;
    map.attributionControl.setPrefix(false);
    if (args.tiles_url) {
      L.tileLayer(args.tiles_url, { attribution: args.tiles_attribution || "" }).addTo(map);
    }
    map.attributionControl.addAttribution(args.attribution);
    var layer = L.geoJSON(args.geojson, {
      style: function () {
        return { weight: 1, opacity: 1, fillOpacity: 0.9 };
      },
      onEachFeature: function (feature, path) {
        var iso = feature.properties.iso;
        state.layers[iso] = path;
        path.bindTooltip(function () { return tooltipNode(iso); }, { sticky: true });
        path.on("click", function () {
          selectProvince(iso);
          sendValue();
        });
      },
    });
    // Give the map its view before any path is added: a path projected before the renderer
    // knows its pixel bounds throws (Leaflet reads renderer._bounds.min while clipping).
    state.bounds = layer.getBounds();
    state.moved = false;
    fitView();
    map.on("dragstart", function () { state.moved = true; });
    // Any zoom that is not our own fit is the user's (wheel, buttons, keys, double click).
    map.on("zoomstart", function () { if (!state.fitting) state.moved = true; });
    map.on("zoomend", declutterSoon);
    layer.addTo(map);
    Object.keys(state.layers).forEach(function (iso) {
      var element = state.layers[iso].getElement();
      if (element) element.setAttribute("data-iso", iso);
    });
    var svg = map.getPanes().overlayPane.querySelector("svg");
    if (svg) addPatterns(svg, args.styles);
    (args.capitals || []).forEach(function (capital) {
      // Interactive so a held capital's name shows on hover; a click selects its province.
      var marker = L.circleMarker([capital.lat, capital.lon], {
        radius: 3, weight: 1, color: "#222", fillColor: "#fff", fillOpacity: 1,
      }).addTo(map);
      marker.on("click", function () {
        selectProvince(capital.iso);
        sendValue();
      });
      var label = document.createElement("span");
      label.textContent = capital.name;
      state.capitals[capital.iso] = { marker: marker, label: label, permanent: null };
    });
  }

  // Permanent labels only where something was reported (status other than held): 34 labels
  // overlap in the crowded east; a held capital keeps its marker and a hover tooltip.
  // Returns whether any label was added or removed.
  function labelCapitals(row) {
    var args = state.args;
    var changed = false;
    Object.keys(state.capitals).forEach(function (iso) {
      var capital = state.capitals[iso];
      var index = args.isos.indexOf(iso);
      var permanent = index >= 0 && row[index][0] !== HELD;
      if (capital.permanent === permanent) return;
      changed = true;
      capital.permanent = permanent;
      capital.marker.unbindTooltip();
      capital.marker.bindTooltip(capital.label, permanent
        ? { permanent: true, direction: "right", offset: LABEL_OFFSETS.right, className: "cm-capital" }
        : { direction: "right", offset: LABEL_OFFSETS.right, className: "cm-capital-hover" });
      // A new label stays hidden until declutterLabels has chosen its side (no flash).
      var label = permanent && capital.marker.getTooltip().getElement();
      if (label) label.style.visibility = "hidden";
      var element = capital.marker.getElement();
      if (element) {
        element.setAttribute("data-capital", iso);
        element.setAttribute("data-labelled", permanent ? "true" : "false");
      }
    });
    return changed;
  }

  // Where a permanent label may sit beside its marker, in order of preference.
  var LABEL_OFFSETS = { right: [4, 0], left: [-4, 0], top: [0, -4], bottom: [0, 4] };
  var LABEL_GAP = 2; // px: labels closer than this read as one ("Lashkar GahKandahar")

  function overlaps(a, b) {
    return a.left < b.right + LABEL_GAP && b.left < a.right + LABEL_GAP &&
      a.top < b.bottom + LABEL_GAP && b.top < a.bottom + LABEL_GAP;
  }

  // Give each permanent label the first side of its marker where it touches no other label
  // and no other capital's marker, west to east; a label with no free side is hidden (its
  // marker still shows the name on hover), never drawn over another.
  function declutterSoon() {
    if (state.declutter) return;
    state.declutter = requestAnimationFrame(function () {
      state.declutter = null;
      declutterLabels();
    });
  }

  function declutterLabels() {
    var markers = {};
    Object.keys(state.capitals).forEach(function (iso) {
      var element = state.capitals[iso].marker.getElement();
      if (element) markers[iso] = element.getBoundingClientRect();
    });
    var placed = [];
    var labelled = Object.keys(state.capitals).filter(function (iso) {
      return state.capitals[iso].permanent;
    });
    labelled.sort(function (a, b) {
      return state.capitals[a].marker.getLatLng().lng - state.capitals[b].marker.getLatLng().lng;
    });
    labelled.forEach(function (iso) {
      var tooltip = state.capitals[iso].marker.getTooltip();
      var element = tooltip && tooltip.getElement();
      if (!element) return;
      var obstacles = placed.concat(Object.keys(markers).filter(function (other) {
        return other !== iso;
      }).map(function (other) { return markers[other]; }));
      var sides = Object.keys(LABEL_OFFSETS);
      for (var i = 0; i < sides.length; i++) {
        tooltip.options.direction = sides[i];
        tooltip.options.offset = LABEL_OFFSETS[sides[i]];
        tooltip.update();
        var box = element.getBoundingClientRect();
        if (!obstacles.some(function (other) { return overlaps(box, other); })) {
          element.style.visibility = "";
          element.setAttribute("data-side", sides[i]);
          placed.push(box);
          return;
        }
      }
      tooltip.options.direction = sides[0];
      tooltip.options.offset = LABEL_OFFSETS[sides[0]];
      tooltip.update();
      element.style.visibility = "hidden";
      element.setAttribute("data-side", "hidden");
    });
  }

  function paint() {
    var args = state.args;
    var row = args.statuses[state.dayIndex];
    for (var i = 0; i < args.isos.length; i++) {
      var iso = args.isos[i];
      var path = state.layers[iso];
      if (!path) continue;
      var status = row[i][0];
      var style = args.styles[status];
      var selected = iso === state.province;
      path.setStyle({
        fillColor: fillFor(status, args.styles),
        color: selected ? "#000" : style.edge,
        weight: selected ? 3 : 1,
        dashArray: style.dash || null,
      });
      var element = path.getElement();
      if (element) element.setAttribute("data-status", status);
      if (selected) path.bringToFront();
    }
    // Placing labels reads layout: only when the labelled set changed, and in the next frame,
    // so the new colours are on screen first.
    if (labelCapitals(row)) declutterSoon();
    // A selected province is brought to the front; its capital's marker must stay on top.
    if (state.province) {
      Object.keys(state.capitals).forEach(function (iso) {
        state.capitals[iso].marker.bringToFront();
      });
    }
    document.getElementById("cm-date").textContent = args.labels[state.dayIndex];
    document.getElementById("cm-count").textContent = args.counts[state.dayIndex];
    var slider = document.getElementById("cm-slider");
    slider.value = String(state.dayIndex);
    slider.setAttribute("aria-valuetext", args.labels[state.dayIndex]);
    document.body.setAttribute("data-day", args.days[state.dayIndex]);
    document.body.setAttribute("data-province", state.province || "");
  }

  function setDay(index) {
    var last = state.args.days.length - 1;
    state.dayIndex = Math.max(0, Math.min(last, index));
    paint();
  }

  function selectProvince(iso) {
    state.province = iso;
    paint();
  }

  // --- controls -----------------------------------------------------------------------------
  function stopPlaying() {
    state.playing = false;
    clearInterval(state.timer);
    var button = document.getElementById("cm-play");
    button.textContent = "\u25B6 Play";
    button.setAttribute("aria-label", "Play");
  }
  function startPlaying() {
    var last = state.args.days.length - 1;
    if (state.dayIndex >= last) setDay(0);
    state.playing = true;
    var button = document.getElementById("cm-play");
    button.textContent = "\u275A\u275A Pause";
    button.setAttribute("aria-label", "Pause");
    state.timer = setInterval(function () {
      if (state.dayIndex >= state.args.days.length - 1) {
        stopPlaying();
        return;
      }
      setDay(state.dayIndex + 1);
      sendValueSoon();
    }, state.args.play_ms);
  }

  function wireControls() {
    document.getElementById("cm-slider").addEventListener("input", function (event) {
      stopPlaying();
      setDay(parseInt(event.target.value, 10));
      sendValueSoon();
    });
    document.getElementById("cm-back").addEventListener("click", function () {
      stopPlaying();
      setDay(state.dayIndex - 1);
      sendValueSoon();
    });
    document.getElementById("cm-fwd").addEventListener("click", function () {
      stopPlaying();
      setDay(state.dayIndex + 1);
      sendValueSoon();
    });
    document.getElementById("cm-play").addEventListener("click", function () {
      if (state.playing) stopPlaying();
      else startPlaying();
    });
  }

  // --- render messages from Streamlit -------------------------------------------------------
  function onRender(args) {
    if (typeof L === "undefined") {
      showError("The map library (Leaflet) did not load: start the app from the repository root " +
        "with `streamlit run app.py` so app/static/ is served (see .streamlit/config.toml).");
      return;
    }
    if (args.loading) {
      // The app sends the data on its next run; meanwhile only the frame is sized.
      document.getElementById("cm-map").style.height = args.height + "px";
      // A blank date line keeps the frame as tall as it will be: no jump when data arrives.
      document.getElementById("cm-date").textContent = "\u00a0";
      document.getElementById("cm-count").textContent = "Loading the map\u2026";
      setFrameHeight();
      return;
    }
    var fresh = args.data_key !== state.dataKey;
    // The payload comes as JSON text (see geo.mapview.view_args): parsed once per dataset.
    var data = fresh ? JSON.parse(args.payload) : state.data;
    state.data = data;
    args = Object.assign({}, data, {
      data_key: args.data_key, day_index: args.day_index, province: args.province, nav: args.nav,
    });
    state.args = args;
    if (fresh) {
      stopPlaying();
      state.dataKey = args.data_key;
      var slider = document.getElementById("cm-slider");
      slider.max = String(args.days.length - 1);
      document.getElementById("cm-range").textContent =
        args.labels[0] + " \u2013 " + args.labels[args.labels.length - 1];
      document.getElementById("cm-map").style.height = args.height + "px";
      buildMap(args);
    }
    // Python only moves the view when *it* navigated (URL, reset); echoes of our own value
    // keep the same token and must not pull the slider back while the user is dragging.
    if (fresh || args.nav !== state.nav) {
      state.nav = args.nav;
      state.dayIndex = Math.max(0, Math.min(args.days.length - 1, args.day_index));
      state.province = args.province || null;
    }
    paint();
    setFrameHeight();
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "streamlit:render") return;
    try {
      onRender(data.args);
    } catch (error) {
      showError("The map could not be drawn: " + error);
    }
  });

  wireControls();
  send("streamlit:componentReady", { apiVersion: 1 });
  // The iframe often gets its final width after the first fit: refit unless the user has
  // already zoomed or panned (state.moved).
  window.addEventListener("resize", function () {
    setFrameHeight();
    var map = state.map;
    if (!map) return;
    map.invalidateSize({ animate: false });
    if (!state.moved) fitView();
  });
})();
