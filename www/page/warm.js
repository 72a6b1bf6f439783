// Warming the drawing code: the worker's warm-up view drawn once off-screen, so the first real chart is fast.
import { marks_of_view } from '../../pkg/indicator_lens.js';
import { drawView } from './chart.js';

/** Draws the worker's warm-up view once on a detached canvas, in idle time, so the first real
 * chart finds the drawing code compiled (the worker has already compiled the analysis). */
export function warmDrawing(json) {
  const draw = () => {
    let drawn = false;
    try {
      const canvas = document.createElement('canvas');
      drawView(json, canvas);
      drawn = marks_of_view(json, canvas.width, canvas.height).length > 0;
    } catch { /* only a warm-up: a real drawing reports its own errors */ }
    // Tests and the page benchmark can tell when the code is compiled (and whether the warm view drew).
    document.documentElement.dataset.warm = drawn ? 'true' : 'failed';
    performance.mark('il:warm');
  };
  if (window.requestIdleCallback) requestIdleCallback(draw, { timeout: 2000 }); else setTimeout(draw, 0);
}
