// The page's status line and progress bar: what is happening now, and whether it went wrong.
import { $ } from './dom.js';

export function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

export function showProgress({ done, total, label }) {
  $('progress-row').hidden = false;
  $('progress').max = total || 1;
  $('progress').value = done;
  $('progress-label').textContent = label || '';
}
