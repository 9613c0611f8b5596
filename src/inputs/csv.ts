/**
 * Scheduler CSV exports: one post per row. The format is recognised by its header — Sprout Social
 * (`date`, `time_24hr`, `message_text`), Ayrshare (`post`, `platforms`, `scheduleDate`) — or by its
 * shape (Hootsuite's bulk file has no header: date/time, message, optional URL), or mapped in the
 * policy (`csv: {columns: {text: Message, publish_at: When, platforms: Network}}`). Findings point
 * at the row's line and the text cell's column; a malformed row is an error naming file:line and
 * the other rows are still read.
 *
 * The scanner is written here rather than taken from a CSV library because postlint needs what
 * none of them report: the file offset of every character of a cell, through quotes and `""`
 * escapes, so a finding inside a message lands on the right line and column.
 */
import { PostlintError, type SourcePosition } from '../errors.js';
import type { PostMeta, PostSource } from '../types.js';
import { readPostFields } from './post-fields.js';
import type { CsvMapping, ReaderContext } from './reader.js';

interface Cell {
  value: string;
  /** File offset of each character of `value`, and one past the end. */
  offsets: number[];
  start: number;
}

interface Row {
  line: number;
  cells: Cell[];
}

interface ScanResult {
  rows: Row[];
  problems: PostlintError[];
  /** The file position of an offset, with CRLF, LF and lone CR all ending a line. */
  at: (offset: number) => SourcePosition;
}

function lineStarts(content: string): number[] {
  const starts = [0];
  for (let i = 0; i < content.length; i++) {
    if (content[i] === '\n' || (content[i] === '\r' && content[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

/** RFC 4180 with the usual leniencies (LF or CR line ends, a final line without one). */
export function scanCsv(file: string, content: string, delimiter = ','): ScanResult {
  const starts = lineStarts(content);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  const at = (offset: number): SourcePosition => ({ file, line: lineOf(offset), column: offset - starts[lineOf(offset) - 1] + 1 });
  const rows: Row[] = [];
  const problems: PostlintError[] = [];
  let i = content.startsWith('\uFEFF') ? 1 : 0;
  const atLineEnd = (index: number) => index >= content.length || content[index] === '\n' || content[index] === '\r';
  const skipLineEnd = (index: number) => (content[index] === '\r' && content[index + 1] === '\n' ? index + 2 : index + 1);

  while (i < content.length) {
    const rowStart = i;
    const cells: Cell[] = [];
    let malformed: PostlintError | undefined;
    for (;;) {
      const cell: Cell = { value: '', offsets: [], start: i };
      if (content[i] === '"') {
        let j = i + 1;
        for (;;) {
          if (j >= content.length) {
            malformed = new PostlintError('a quoted cell is never closed (a " is missing)', at(i));
            break;
          }
          if (content[j] === '"') {
            if (content[j + 1] === '"') {
              cell.value += '"';
              cell.offsets.push(j);
              j += 2;
              continue;
            }
            j++;
            break;
          }
          cell.value += content[j];
          cell.offsets.push(j);
          j++;
        }
        cell.offsets.push(j - 1);
        i = j;
        if (!malformed && !atLineEnd(i) && content[i] !== delimiter) {
          // A stray " can open a cell that swallows the next lines: say where it opened.
          const opened = lineOf(cell.start) === lineOf(i) ? '' : ` (the quoted cell opened at line ${lineOf(cell.start)})`;
          malformed = new PostlintError(`unexpected text after a quoted cell${opened}; quote the whole cell and write " inside it as ""`, at(i));
        }
      } else {
        while (!atLineEnd(i) && content[i] !== delimiter) {
          if (content[i] === '"' && !malformed) malformed = new PostlintError('a " inside an unquoted cell; quote the cell and write " as ""', at(i));
          cell.value += content[i];
          cell.offsets.push(i);
          i++;
        }
        cell.offsets.push(i);
      }
      cells.push(cell);
      if (malformed || content[i] !== delimiter) break;
      i++;
    }
    if (malformed) {
      problems.push(malformed);
      // Resynchronise at the next line: the rows after a broken one are still read.
      if (malformed.message.startsWith('a quoted cell is never closed')) {
        const nextLine = content.slice(rowStart).search(/\r\n|\n|\r/);
        i = nextLine < 0 ? content.length : skipLineEnd(rowStart + nextLine);
      } else {
        while (!atLineEnd(i)) i++;
        i = skipLineEnd(i);
      }
      continue;
    }
    i = skipLineEnd(i);
    const blank = cells.length === 1 && cells[0].value.trim() === '';
    if (!blank) rows.push({ line: lineOf(rowStart), cells });
  }
  return { rows, problems, at };
}

type ColumnMap = Record<string, number>;

interface Layout {
  name: string;
  /** Post field → column index. */
  columns: ColumnMap;
  hasHeader: boolean;
}

const normalizeHeader = (header: string) => header.trim().toLowerCase();

/** Known scheduler exports, by the columns their header has (lower-cased). */
const KNOWN_HEADERS: Array<{ name: string; needs: string[]; fields: Record<string, string> }> = [
  { name: 'Sprout Social', needs: ['message_text'], fields: { text: 'message_text', date: 'date', time: 'time_24hr', platforms: 'network', account: 'profile' } },
  { name: 'Ayrshare', needs: ['post', 'platforms'], fields: { text: 'post', platforms: 'platforms', publish_at: 'scheduledate' } },
];

/** Hootsuite's bulk file: no header, the first cell a date and time such as 12/24/2026 09:00. */
const HOOTSUITE_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2}$/;

function detectLayout(rows: Row[], mapping: CsvMapping | undefined): Layout | undefined {
  const header = rows[0]?.cells.map((cell) => normalizeHeader(cell.value)) ?? [];
  const indexOf = (name: string) => header.indexOf(normalizeHeader(name));
  if (mapping) {
    const columns: ColumnMap = {};
    for (const [field, column] of Object.entries(mapping.columns)) if (column !== undefined && indexOf(column) >= 0) columns[field] = indexOf(column);
    if (columns.text !== undefined) return { name: 'policy csv mapping', columns, hasHeader: true };
  }
  for (const known of KNOWN_HEADERS) {
    if (!known.needs.every((column) => header.includes(column))) continue;
    const columns: ColumnMap = {};
    for (const [field, column] of Object.entries(known.fields)) if (indexOf(column) >= 0) columns[field] = indexOf(column);
    return { name: known.name, columns, hasHeader: true };
  }
  if (rows[0] && HOOTSUITE_DATE.test(rows[0].cells[0]?.value.trim() ?? '') && rows[0].cells.length >= 2) {
    return { name: 'Hootsuite', columns: { date_time: 0, text: 1, link: 2 }, hasHeader: false };
  }
  return undefined;
}

/** Scheduler platform names in postlint's names. */
const PLATFORM_NAMES: Record<string, string> = { twitter: 'x', 'x (twitter)': 'x', x: 'x', bluesky: 'bluesky', mastodon: 'mastodon', threads: 'threads', linkedin: 'linkedin', instagram: 'instagram', facebook: 'facebook', youtube: 'youtube' };

function rowFields(layout: Layout, row: Row): Record<string, unknown> {
  const cell = (field: string) => (layout.columns[field] === undefined ? undefined : row.cells[layout.columns[field]]?.value.trim());
  const fields: Record<string, unknown> = {};
  for (const field of Object.keys(layout.columns)) {
    if (['text', 'date', 'time', 'date_time', 'platforms', 'link'].includes(field)) continue;
    const value = cell(field);
    if (value) fields[field] = value;
  }
  const platforms = cell('platforms');
  if (platforms) fields.platforms = platforms.split(/[,;|]/).map((name) => name.trim().toLowerCase()).filter(Boolean).map((name) => (Object.hasOwn(PLATFORM_NAMES, name) ? PLATFORM_NAMES[name] : name));
  const when = cell('date_time') ?? [cell('date'), cell('time')].filter(Boolean).join('T');
  if (when && fields.publish_at === undefined) fields.publish_at = when;
  const link = cell('link');
  if (link) fields.link = link;
  return fields;
}

/** The column a post field comes from; a publish time may be built from date (and time) columns. */
function columnOf(layout: Layout, field: string): number | undefined {
  if (field === 'publish_at' || field === 'publishAt') return layout.columns.publish_at ?? layout.columns.date_time ?? layout.columns.date;
  return layout.columns[field];
}

export function readCsvFile(file: string, content: string, context: ReaderContext): PostSource[] {
  const { rows, problems, at } = scanCsv(file, content, context.csv?.delimiter);
  for (const problem of problems) context.reportError(problem);
  const layout = detectLayout(rows, context.csv);
  if (!layout) {
    if (rows.length === 0) return [];
    throw new PostlintError(
      'unrecognised CSV header: expected Sprout Social (date, time_24hr, message_text), Ayrshare (post, platforms, scheduleDate), Hootsuite (no header: date/time, message, URL), or a csv.columns mapping in the policy',
      { file, line: rows[0].line, column: 1 },
    );
  }
  const width = layout.hasHeader ? rows[0].cells.length : undefined;
  const posts: PostSource[] = [];
  for (const row of layout.hasHeader ? rows.slice(1) : rows) {
    try {
      if (width !== undefined && row.cells.length !== width) {
        throw new PostlintError(`row has ${row.cells.length} cells, the header has ${width}`, { file, line: row.line, column: 1 });
      }
      const textCell = row.cells[layout.columns.text];
      if (!textCell) throw new PostlintError('row has no message cell', { file, line: row.line, column: 1 });
      const cellFor = (field: string) => row.cells[columnOf(layout, field) ?? -1];
      const fields = rowFields(layout, row);
      const positionOf = (path: ReadonlyArray<string | number>): SourcePosition => {
        const cell = cellFor(String(path[0]));
        return cell ? at(cell.start) : { file, line: row.line, column: 1 };
      };
      const meta: PostMeta = readPostFields(fields, { locate: positionOf });
      posts.push({
        text: textCell.value,
        meta,
        textStart: textCell.offsets[0],
        offsetMap: (offset) => textCell.offsets[Math.max(0, Math.min(offset, textCell.value.length))],
        locateMeta: (path) => {
          const cell = cellFor(String(path[0]));
          return cell ? { start: cell.start, end: cell.offsets[cell.offsets.length - 1] } : undefined;
        },
      });
    } catch (error) {
      if (!(error instanceof PostlintError)) throw error;
      context.reportError(error);
    }
  }
  return posts;
}
