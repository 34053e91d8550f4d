import { percentOf } from '../shared/live-protocol.ts';
import type { ResultsFile } from './results-file.ts';

const COLUMNS = ['lecture_id', 'quiz_id', 'slide_id', 'kind', 'question', 'status', 'row', 'option_number', 'option', 'right', 'count', 'percent', 'answered'];

/**
 * The results as CSV for a spreadsheet: per poll, a row per option (for `order`: how many put
 * that step in its right place), then how many were wholly right and the commonest mistake.
 * UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese text right.
 */
export function resultsCsv(results: ResultsFile): string {
  const rows: (string | number)[][] = [COLUMNS];
  for (const p of results.polls) {
    const base = [results.lectureId, p.quizId, p.slideId, p.kind, p.question, p.status];
    p.options.forEach((option, i) => {
      const right = p.kind === 'order' ? '' : p.answer.includes(i) ? 'yes' : 'no';
      rows.push([...base, p.kind === 'order' ? 'step-in-place' : 'option', i + 1, option, right, p.counts[i] ?? 0, p.percents[i] ?? 0, p.total]);
    });
    rows.push([...base, 'all-right', '', '', 'yes', p.allRight, p.allRightPercent, p.total]);
    const m = p.commonestMistake;
    if (m) {
      const text = m.answer.map((i) => p.options[i] ?? `#${i + 1}`).join(p.kind === 'order' ? ' → ' : ' + ');
      rows.push([...base, 'commonest-mistake', m.answer.map((i) => i + 1).join(p.kind === 'order' ? '>' : '+'), text, 'no', m.count, percentOf(m.count, p.total), p.total]);
    }
  }
  return '\ufeff' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
