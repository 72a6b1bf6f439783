// Drawing a view model on a canvas with the core's chart code (the page, its warm-up and the element).
import { draw_view } from '../../pkg/indicator_lens.js';

/** Sizes the canvas as the view asks and draws the view (its JSON text, and the same parsed) on it. */
export function drawView(json, canvas, view = JSON.parse(json)) {
  canvas.width = view.width;
  canvas.height = view.height;
  draw_view(json, canvas);
  return view;
}
