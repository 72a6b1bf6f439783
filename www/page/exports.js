// Exports of the open view: CSV (from the core, small numbers suppressed on request), PNG, SVG and the table as text.
import { svg_of_view } from '../../pkg/indicator_lens.js';
import { channel } from './channel.js';
import { $, download } from './dom.js';
import { currentSpec } from './spec.js';
import { state } from './state.js';
import { setStatus } from './status.js';

function exportName(ext) {
  return `indicator-lens-${state.view}.${ext}`;
}

export function wireExports() {
  $('export-csv').addEventListener('click', async () => {
    const text = await channel.call('csv', { spec: currentSpec(), suppressBelow: $('suppress-small').checked ? 5 : 0 });
    download(exportName('csv'), new Blob([text], { type: 'text/csv' }));
  });
  $('export-png').addEventListener('click', async () => {
    // For print: the same chart as SVG, rasterised at twice the screen size so text stays crisp.
    const canvas = $('chart');
    const svg = svg_of_view(state.lastViewJson, canvas.width, canvas.height);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const print = document.createElement('canvas');
    print.width = canvas.width * 2;
    print.height = canvas.height * 2;
    const context = print.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, print.width, print.height);
    context.drawImage(image, 0, 0, print.width, print.height);
    print.toBlob((blob) => download(exportName('png'), blob), 'image/png');
  });
  $('copy-table').addEventListener('click', async () => {
    // Tab-separated text pastes into Word and Excel as a table.
    const table = state.lastView.table;
    const clean = (cell) => String(cell).replace(/[\t\r\n]+/g, ' ');
    const text = [table.header, ...table.rows].map((row) => row.map(clean).join('\t')).join('\n');
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Table copied: paste it into Word or Excel.');
    } catch {
      setStatus('The browser did not allow copying: use "Download CSV" instead.', true);
    }
  });
  $('export-svg').addEventListener('click', () => {
    const canvas = $('chart');
    const svg = svg_of_view(state.lastViewJson, canvas.width, canvas.height);
    download(exportName('svg'), new Blob([svg], { type: 'image/svg+xml' }));
  });
}
