#!/usr/bin/env node
// The floor: the least work a regex-based prose linter in Node can do, so postlint's time can be
// quoted as a ratio to it. bench/run.mjs uses ../shared/bench/floor.mjs when it exists and this
// one otherwise; docs/benchmarks.md says which floor a table used.
//
// What it does, and nothing more: read every file synchronously, split off YAML front matter, run
// 50 regular expressions over the body (a check either reports each match, or counts matches and
// reports once over a limit), turn offsets into line:col of the file, print all findings in one
// write, and exit 1 when anything was found. No dependencies.
//
//   node bench/floor.mjs PATH...   files, or directories (their files, not recursive)
//   --quiet                        print only the summary line
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const words = (list) => new RegExp(`\\b(?:${list.join('|')})\\b`, 'gi');

// [id, pattern, limit]: without a limit every match is a finding; with one, more than `limit`
// matches make one finding at the first match.
const CHECKS = [
  ['hedge', words(['might', 'perhaps', 'possibly', 'somewhat', 'arguably', 'sort of', 'kind of', 'probably', 'likely'])],
  ['intensifier', words(['very', 'really', 'extremely', 'incredibly', 'super', 'totally', 'quite', 'truly', 'honestly'])],
  ['passive', /\b(?:is|are|was|were|be|been|being)\s+(?:\w+ed|\w+en|made|paid|sent|told|held|kept|built|sold|brought)\b/gi],
  ['repeated-word', /\b(\w+)\s+\1\b/gi],
  ['filler-start', /(?:^|[.!?]\s+)(?:So|Well|Basically|Actually),?\s/g],
  ['expletive-start', /(?:^|[.!?]\s+)(?:There|It)\s+(?:is|are|was|were)\b/g],
  ['in-order-to', /\bin order to\b/gi],
  ['wordy', words(['due to the fact that', 'at this moment in time', 'a large number of', 'in the near future', 'with regard to', 'on a daily basis', 'is able to'])],
  ['cliche', words(['game changer', 'at the end of the day', 'think outside the box', 'first come, first served', 'low-hanging fruit', 'best of both worlds', 'tip of the iceberg'])],
  ['hype', words(['best', 'greatest', 'amazing', 'unbeatable', 'incredible', 'revolutionary', 'world-class', 'guaranteed'])],
  ['exclamations', /!{2,}/g],
  ['interrobang', /[?!]{2,}/g, 0],
  ['shouting', /\b[A-Z]{3,}(?:\s+[A-Z]{3,}){2,}\b/g],
  ['double-space', /\S {2,}\S/g, 0],
  ['trailing-space', /[ \t]+$/gm],
  ['links', /\bhttps?:\/\/\S+/g, 2],
  ['shortener', /\bhttps?:\/\/(?:tinyurl\.com|buff\.ly|bit\.ly|ow\.ly|is\.gd|t\.co)\//gi],
  ['tracking', /[?&](?:utm_\w+|fbclid|gclid)=/gi, 0],
  ['insecure-link', /\bhttp:\/\//g],
  ['hashtags', /(?:^|\s)#\w+/g, 4],
  ['hashtag-case', /(?:^|\s)#[a-z]{14,}\b/g],
  ['mentions', /(?:^|\s)@[\w.]+/g, 4],
  ['emoji', /\p{Extended_Pictographic}/gu, 4],
  ['emoji-run', /\p{Extended_Pictographic}(?:\uFE0F?\p{Extended_Pictographic}){2,}/gu],
  ['price', /[£$€]\s?\d+(?:[.,]\d\d)?/g, 2],
  ['discount', /\b\d{1,2}%\s*off\b/gi, 0],
  ['promo-code', /\b(?:use\s+)?code\s+[A-Z]{3,}\d*\b/g, 0],
  ['call-to-buy', /\b(?:shop now|buy now|order today|order now|link in bio|add to cart)\b/gi, 0],
  ['urgency', /\b(?:ends at midnight|only \d+ left|don['’]t wait|last chance|this weekend only|today only)\b/gi, 0],
  ['free', /\bfree\b/gi, 1],
  ['guarantee', /\bguarantee[ds]?\b/gi],
  ['apology', /\b(?:sorry|apologi[sz]e|apologies)\b/gi, 1],
  ['non-apology', /\bsorry (?:if|that you feel|you feel)\b/gi],
  ['passive-blame', /\bmistakes were made\b/gi],
  ['excuse', /\bbeyond our control\b/gi],
  ['lecturing', /\bas we (?:already )?(?:said|explained|stated)\b/gi],
  ['private-channel', /\b(?:DM|direct message|private message)\b/g, 1],
  ['phone', /\b0\d{3,4}[ -]?\d{3}[ -]?\d{3,4}\b/g],
  ['email', /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g],
  ['date-of-birth', /\bdate of birth\b/gi],
  ['card-number', /\b(?:\d{4}[ -]?){3}\d{4}\b/g],
  ['long-word', /\b\w{16,}\b/g, 1],
  ['long-sentence', /[^.!?\n]{180,}[.!?]/g],
  ['sentences', /[^.!?\n]+[.!?]+/g, 10],
  ['bold', /\*\*[^*\n]+\*\*/g, 1],
  ['list-items', /^[ \t]*[-*+][ \t]+/gm, 5],
  ['ellipsis', /\.{3}|…/g, 1],
  ['straight-quotes', /"[^"\n]*"/g, 1],
  ['todo', /\b(?:TODO|FIXME|TBC|XXX)\b/g],
  ['insensitive', words(['guys', 'crazy', 'insane', 'lame', 'manpower', 'chairman', 'dumb', 'blind spot'])],
];
if (CHECKS.length !== 50) throw new Error(`the floor runs 50 checks, not ${CHECKS.length}`);

/** Splits `---` front matter off: returns where the body starts (0 when there is none). */
function bodyStart(text) {
  if (!text.startsWith('---\n') && !text.startsWith('---\r\n')) return 0;
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = 3;
  const match = close.exec(text);
  return match ? match.index + match[0].length : 0;
}

/** Maps offsets to 1-based "line:col"; the table of line starts is built once per file. */
function positions(text) {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return `${low + 1}:${offset - lineStarts[low] + 1}`;
  };
}

function checkFile(file, text, report) {
  const start = bodyStart(text);
  const body = start ? text.slice(start) : text;
  let where;
  const at = (offset) => (where ??= positions(text))(start + offset);
  for (const [id, pattern, limit] of CHECKS) {
    pattern.lastIndex = 0;
    if (limit === undefined) {
      for (const match of body.matchAll(pattern)) report(`${file}:${at(match.index)}: ${id} ${JSON.stringify(match[0].slice(0, 40))}`);
      continue;
    }
    let count = 0;
    let first = 0;
    for (const match of body.matchAll(pattern)) if (count++ === 0) first = match.index;
    if (count > limit) report(`${file}:${at(first)}: ${id} ${count} > ${limit}`);
  }
  return body.length;
}

function filesOf(paths) {
  const files = [];
  for (const path of paths) {
    if (!statSync(path).isDirectory()) files.push(path);
    else for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) if (entry.isFile()) files.push(join(path, entry.name));
  }
  return files;
}

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const files = filesOf(args.filter((arg) => !arg.startsWith('--')));
const lines = [];
let findings = 0;
let characters = 0;
const report = (line) => {
  findings++;
  if (!quiet) lines.push(line);
};
for (const file of files) characters += checkFile(file, readFileSync(file, 'utf8'), report);
lines.push(`${files.length} files, ${characters} body chars, ${findings} findings`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = findings > 0 ? 1 : 0;
