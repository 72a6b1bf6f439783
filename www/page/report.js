// The load report on the page: counts, rejects, warnings, column use, and the form to correct detection.
import { detection_choices } from '../../pkg/indicator_lens.js';
import { $, element, tableFrom, option, labelled } from './dom.js';
import { loadedFiles } from './files.js';

/** Layouts and column roles the ingest reads, for the correction form (asked of the core once). */
let choices = null;
function detectionChoices() {
  if (!choices) choices = detection_choices();
  return choices;
}

/** Shows one report per file: counts, then rejects and warnings with line and column. `reread(index,
 * options)` reads every file again once the user corrected how file `index` is read. */
export function renderReports(reports, reread) {
  const container = $('report');
  container.replaceChildren();
  $('report-section').hidden = reports.length === 0;
  reports.forEach((r, index) => {
    const wrap = element('div', null, 'file-report' + (r.error ? ' failed' : ''));
    wrap.dataset.file = r.file;
    const summary = tableFrom(
      ['File', 'Format', 'Encoding', 'Delimiter', 'Rows read', 'Observations', 'Rejected', 'Warnings'],
      [[r.file, r.format, r.encoding, r.delimiter, r.rows_read, r.observations, r.rejected.length, r.warnings.length]],
      r.error ? `${r.file}: ${r.error}` : r.file,
    );
    summary.classList.add('report-summary');
    wrap.append(summary);
    if (r.interval_methods && r.interval_methods.length) {
      wrap.append(element('p', `Intervals computed from counts by: ${r.interval_methods.join('; ')}`));
    }
    if (r.evidence && r.evidence.length) {
      const details = element('details', null, 'evidence');
      const conflicts = r.evidence.filter((e) => e.fact === 'conflict').length;
      details.append(element('summary', `How each indicator was read (value type, comparison level, polarity)${conflicts ? `: ${conflicts} conflicting` : ''}`));
      details.append(tableFrom(['Indicator', 'Fact', 'Read as', 'Decided by', 'Rule'], r.evidence.map((e) => [e.name, e.fact, e.choice, e.source, e.rule])));
      if (conflicts) details.open = true;
      wrap.append(details);
    }
    if (r.rejected.length) {
      const details = element('details');
      details.append(element('summary', `${r.rejected.length} rejected (line, column, reason)`));
      details.append(tableFrom(['Line', 'Column', 'Reason'], r.rejected.map((x) => [x.line, x.column, x.reason])));
      wrap.append(details);
    }
    if (r.warnings.length) {
      const details = element('details');
      details.append(element('summary', `${r.warnings.length} warnings`));
      details.append(tableFrom(['Line', 'Column', 'Warning'], r.warnings.map((x) => [x.line || '', x.column, x.message])));
      wrap.append(details);
    }
    if (r.columns && r.columns.length) {
      const details = element('details');
      details.append(element('summary', 'How the columns were read'));
      details.append(tableFrom(['Column', 'Read as'], r.columns.map((c) => [c.header, c.role])));
      wrap.append(details);
    }
    if (index < loadedFiles.length) wrap.append(correctionForm(r, index, reread));
    container.append(wrap);
  });
}

/** A form to correct how one file was read: its layout and what each column holds. */
function correctionForm(report, index, reread) {
  const details = element('details', null, 'correction');
  details.append(element('summary', 'Correct how this file was read'));
  const layout = element('select');
  layout.className = 'correct-format';
  layout.append(option('', `As detected (${report.format})`));
  const known = detectionChoices();
  for (const format of known.formats) layout.append(option(format, format));
  const current = loadedFiles[index]?.options || {};
  layout.value = current.format || '';
  details.append(labelled('Layout', layout));
  const grid = element('div', null, 'correction-columns');
  const roleSelects = [];
  for (const column of report.columns || []) {
    const role = element('select');
    role.dataset.header = column.header;
    role.append(option('', `As detected (${column.role})`));
    for (const name of known.roles) role.append(option(name, name.replace(/_/g, ' ')));
    const chosen = (current.columns || []).find((c) => c.header === column.header);
    role.value = chosen ? chosen.role : '';
    roleSelects.push(role);
    grid.append(labelled(column.header, role));
  }
  details.append(grid);
  const button = element('button', 'Read this file again with these settings');
  button.type = 'button';
  button.addEventListener('click', () => {
    const options = {};
    if (layout.value) options.format = layout.value;
    const columns = roleSelects.filter((r) => r.value).map((r) => ({ header: r.dataset.header, role: r.value }));
    if (columns.length) options.columns = columns;
    reread(index, options);
  });
  details.append(button);
  return details;
}
