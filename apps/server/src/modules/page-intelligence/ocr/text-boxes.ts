// Text regions from the detector's probability map (the DB post-processing of
// PaddleOCR, without OpenCV): pixels above a threshold are joined into
// connected regions; each region gets an oriented rectangle from its second
// moments, is kept when its mean score is high enough, and is grown by the
// "unclip" margin the model was trained to expect.

export interface TextBox {
  /** Centre, in the coordinates of the probability map. */
  cx: number;
  cy: number;
  /** Extent along the text line and across it. */
  length: number;
  thickness: number;
  /** Direction of the text line in radians (0 = left to right). */
  angle: number;
  score: number;
}

export interface BoxOptions {
  threshold: number;
  boxThreshold: number;
  unclipRatio: number;
  minSize: number;
}

export const DEFAULT_BOX_OPTIONS: BoxOptions = {
  threshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.6,
  minSize: 3,
};

export function findTextBoxes(
  prob: Float32Array,
  width: number,
  height: number,
  o: BoxOptions = DEFAULT_BOX_OPTIONS,
): TextBox[] {
  const label = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes: TextBox[] = [];
  let next = 0;
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== 0 || prob[start]! <= o.threshold) continue;
    next++;
    let top = 0;
    stack[top++] = start;
    label[start] = next;
    let n = 0;
    let sum = 0;
    let sx = 0;
    let sy = 0;
    let sxx = 0;
    let syy = 0;
    let sxy = 0;
    const members: number[] = [];
    while (top > 0) {
      const i = stack[--top]!;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      n++;
      sum += prob[i]!;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
      // 8-connected neighbours
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width || (dx === 0 && dy === 0)) continue;
          const j = yy * width + xx;
          if (label[j] === 0 && prob[j]! > o.threshold) {
            label[j] = next;
            stack[top++] = j;
          }
        }
      }
    }
    if (n < o.minSize * o.minSize || sum / n < o.boxThreshold) continue;
    const mx = sx / n;
    const my = sy / n;
    const cxx = sxx / n - mx * mx;
    const cyy = syy / n - my * my;
    const cxy = sxy / n - mx * my;
    let angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    // Nearly axis-aligned regions are taken as exactly so: their moments are noisy.
    if (Math.abs(angle) < (2 * Math.PI) / 180) angle = 0;
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    let minU = Number.POSITIVE_INFINITY;
    let maxU = Number.NEGATIVE_INFINITY;
    let minV = Number.POSITIVE_INFINITY;
    let maxV = Number.NEGATIVE_INFINITY;
    for (const i of members) {
      const x = (i % width) - mx;
      const y = Math.floor(i / width) - my;
      const u = x * c + y * s;
      const v = -x * s + y * c;
      if (u < minU) minU = u;
      if (u > maxU) maxU = u;
      if (v < minV) minV = v;
      if (v > maxV) maxV = v;
    }
    const len = maxU - minU + 1;
    const thick = maxV - minV + 1;
    if (Math.min(len, thick) < o.minSize) continue;
    const grow = (len * thick * o.unclipRatio) / (2 * (len + thick));
    const du = (minU + maxU) / 2;
    const dv = (minV + maxV) / 2;
    boxes.push({
      cx: mx + du * c - dv * s,
      cy: my + du * s + dv * c,
      length: len + 2 * grow,
      thickness: thick + 2 * grow,
      angle,
      score: sum / n,
    });
  }
  // Reading order: top to bottom, then left to right.
  return boxes.sort((a, b) => a.cy - b.cy || a.cx - b.cx);
}
