#!/usr/bin/env node
// Draws the Teams app icons: manifest/color.png (192×192, a checklist clipboard with a reminder bell on the
// brand blue) and manifest/outline.png (32×32, the same idea in white on transparent).
// Shapes are signed distance functions (negative inside), sampled 4×4 per pixel for anti-aliasing, so the
// output is byte-for-byte reproducible: `node manifest/icons/draw-icons.js` rewrites both files.
"use strict";
const fs = require("fs");
const path = require("path");
const { PNG } = require("pngjs");

// ---- shapes (signed distance, design units) -------------------------------------------------------------
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - (x0 + x1) / 2) - hx;
  const dy = Math.abs(y - (y0 + y1) / 2) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};

/** A stroke from a to b with round caps, `width` wide. */
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const px = x - ax;
  const py = y - ay;
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - vx * t, py - vy * t) - width / 2;
};

/** A polyline stroke through the points, round joins. */
const polyline = (points, width) =>
  union(...points.slice(1).map((p, i) => segment(points[i][0], points[i][1], p[0], p[1], width)));

/** A convex or concave polygon, points in order. */
const polygon = (points) => (x, y) => {
  let d = Infinity;
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [ax, ay] = points[j];
    const [bx, by] = points[i];
    d = Math.min(d, segment(ax, ay, bx, by, 0)(x, y));
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside ? -d : d;
};

const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
const subtract = (shape, hole) => (x, y) => Math.max(shape(x, y), -hole(x, y));
const grow = (shape, by) => (x, y) => shape(x, y) - by;

/** A bell whose dome centre is (cx, cy) and dome radius r; everything else scales with r. */
function bell(cx, cy, r) {
  const shoulder = cy;
  const lip = cy + r * 1.55;
  return union(
    circle(cx, cy, r),
    polygon([
      [cx - r, shoulder],
      [cx + r, shoulder],
      [cx + r * 1.3, lip],
      [cx - r * 1.3, lip],
    ]),
    roundRect(cx - r * 1.65, lip - r * 0.12, cx + r * 1.65, lip + r * 0.42, r * 0.21),
    circle(cx, lip + r * 0.62, r * 0.36), // clapper
    circle(cx, cy - r * 1.02, r * 0.27), // knob
  );
}

// ---- rasteriser ---------------------------------------------------------------------------------------------
const SAMPLES = 4;

/** layers: [{ shape, color: [r, g, b, a] }] painted in order over a transparent canvas. */
function render(size, designSize, layers) {
  const scale = designSize / size;
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]; // premultiplied, 0..1
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            const x = (px + (sx + 0.5) / SAMPLES) * scale;
            const y = (py + (sy + 0.5) / SAMPLES) * scale;
            if (layer.shape(x, y) <= 0) hits++;
          }
        }
        const coverage = (hits / (SAMPLES * SAMPLES)) * (layer.color[3] / 255);
        r = (layer.color[0] / 255) * coverage + r * (1 - coverage);
        g = (layer.color[1] / 255) * coverage + g * (1 - coverage);
        b = (layer.color[2] / 255) * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const i = (py * size + px) * 4;
      rgba[i] = a > 0 ? Math.round((r / a) * 255) : 0;
      rgba[i + 1] = a > 0 ? Math.round((g / a) * 255) : 0;
      rgba[i + 2] = a > 0 ? Math.round((b / a) * 255) : 0;
      rgba[i + 3] = Math.round(a * 255);
    }
  }
  return encodePng(size, rgba);
}

/** 8-bit RGBA PNG with fixed encoder settings, so the same pixels always give the same bytes. */
function encodePng(size, rgba) {
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  return PNG.sync.write(png, { colorType: 6, bitDepth: 8, filterType: 0, deflateLevel: 9, deflateStrategy: 0 });
}

const hex = (value) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)).concat(255);

// ---- colour icon: 192×192, full-bleed brand blue ------------------------------------------------------------
const BRAND = "#1F5FAE"; // also the manifest's accentColor
const colorIcon = () => {
  const board = roundRect(46, 34, 136, 162, 12);
  const paper = roundRect(55, 48, 127, 153, 6);
  const clip = subtract(roundRect(72, 24, 110, 50, 8), circle(91, 33, 4.5));
  const rows = [76, 102, 128];
  const checks = rows.map((y) =>
    polyline(
      [
        [64, y],
        [69, y + 5],
        [78, y - 6],
      ],
      5,
    ),
  );
  const lines = rows.map((y) => segment(86, y, 117, y, 6));
  const bellShape = bell(142, 126, 17);
  const dot = circle(158, 104, 7);
  return render(192, 192, [
    { shape: () => -1, color: hex(BRAND) },
    { shape: board, color: hex("#0D3B73") },
    { shape: paper, color: hex("#FFFFFF") },
    { shape: clip, color: hex("#A9B8C9") },
    ...checks.map((shape) => ({ shape, color: hex("#2E9E5B") })),
    ...lines.map((shape) => ({ shape, color: hex("#A7B6C8") })),
    { shape: grow(bellShape, 5), color: hex(BRAND) },
    { shape: bellShape, color: hex("#FFC21A") },
    { shape: grow(dot, 3), color: hex(BRAND) },
    { shape: dot, color: hex("#E5383B") },
  ]);
};

// ---- outline icon: 32×32, white on transparent ----------------------------------------------------------
const outlineIcon = () => {
  const bellShape = bell(23.5, 21, 4);
  const keepClear = grow(bellShape, 1.6);
  const clipboard = union(
    subtract(roundRect(5, 4, 24, 30, 3), roundRect(7, 6, 22, 28, 1.5)),
    subtract(roundRect(10, 2, 19, 8, 1.5), circle(14.5, 4.5, 1)),
    polyline(
      [
        [9.5, 13],
        [11, 14.5],
        [13.5, 11.5],
      ],
      1.6,
    ),
    segment(15.5, 13, 19.5, 13, 1.6),
    segment(15.5, 19, 19.5, 19, 1.6),
    polyline(
      [
        [9.5, 19],
        [11, 20.5],
        [13.5, 17.5],
      ],
      1.6,
    ),
  );
  return render(32, 32, [
    { shape: subtract(clipboard, keepClear), color: [255, 255, 255, 255] },
    { shape: bellShape, color: [255, 255, 255, 255] },
  ]);
};

const manifestDir = path.join(__dirname, "..");
fs.writeFileSync(path.join(manifestDir, "color.png"), colorIcon());
fs.writeFileSync(path.join(manifestDir, "outline.png"), outlineIcon());
console.log("wrote manifest/color.png (192×192) and manifest/outline.png (32×32)");
