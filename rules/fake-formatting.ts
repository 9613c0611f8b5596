/**
 * fake-formatting: "bold", "italic", circled, full-width, small-caps, tiny or struck-through text
 * made of look-alike Unicode characters. Screen readers read each one by its character name
 * ("mathematical bold capital H") or skip it, and search does not find the words. Each run is
 * reported with the plain text as the suggestion.
 */
import type { Rule } from '../src/types.js';

export interface FakeFormattingOptions {
  minLetters: number;
  families: Record<Family, boolean>;
}

type Family = 'mathematical' | 'enclosed' | 'fullwidth' | 'smallCaps' | 'superscript' | 'combining';

interface StyledChar {
  family: Family;
  /** How the style reads in a message: "bold", "circled", "small-caps"… */
  style: string;
  plain: string;
}

/** Styles of the Mathematical Alphanumeric Symbols block, by the first code point of each alphabet. */
const MATH_STYLES: Array<[number, string]> = [
  [0x1d400, 'bold'], [0x1d434, 'italic'], [0x1d468, 'bold italic'], [0x1d49c, 'script'], [0x1d4d0, 'bold script'],
  [0x1d504, 'Fraktur'], [0x1d538, 'double-struck'], [0x1d56c, 'bold Fraktur'], [0x1d5a0, 'sans-serif'], [0x1d5d4, 'sans-serif bold'],
  [0x1d608, 'sans-serif italic'], [0x1d63c, 'sans-serif bold italic'], [0x1d670, 'monospace'], [0x1d6a4, 'italic'], [0x1d6a8, 'bold'],
  [0x1d6e2, 'italic'], [0x1d71c, 'bold italic'], [0x1d756, 'sans-serif bold'], [0x1d790, 'sans-serif bold italic'], [0x1d7ca, 'bold'],
  [0x1d7ce, 'bold'], [0x1d7d8, 'double-struck'], [0x1d7e2, 'sans-serif'], [0x1d7ec, 'sans-serif bold'], [0x1d7f6, 'monospace'],
];

/** Letterlike Symbols that fill the holes of the script, Fraktur, double-struck and italic alphabets. */
const LETTERLIKE: Record<number, string> = {
  0x2102: 'double-struck', 0x210a: 'script', 0x210b: 'script', 0x210c: 'Fraktur', 0x210d: 'double-struck', 0x210e: 'italic',
  0x2110: 'script', 0x2111: 'Fraktur', 0x2112: 'script', 0x2113: 'script', 0x2115: 'double-struck', 0x2119: 'double-struck',
  0x211a: 'double-struck', 0x211b: 'script', 0x211c: 'Fraktur', 0x211d: 'double-struck', 0x2124: 'double-struck', 0x2128: 'Fraktur',
  0x212c: 'script', 0x212d: 'Fraktur', 0x212f: 'script', 0x2130: 'script', 0x2131: 'script', 0x2133: 'script', 0x2134: 'script',
};

/** Small-capital letters from the IPA and Phonetic Extensions blocks; Unicode gives them no plain equivalent. */
const SMALL_CAPS: Record<string, string> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm',
  ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ꞯ: 'q', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
};

/** Superscript and subscript letters ("ᵗⁱⁿʸ ᵗᵉˣᵗ"); NFKC maps them to plain letters. */
const TINY_LETTERS = /[\u1d2c-\u1d6a\u1d9c-\u1dbf\u02b0-\u02b8\u02e0-\u02e4\u2071\u207f\u2090-\u209c\u2c7c\u2c7d]/u;
/** Combining marks that strike through or underline each letter: "s̶t̶r̶u̶c̶k̶", "u̲n̲d̲e̲r̲". */
const STYLING_MARK = /[\u0332\u0333\u0335\u0336\u0337\u0338]/u;
/** Cheap first look: a post without any of these characters has nothing to report. */
const CANDIDATE =
  /[\u{1d400}-\u{1d7ff}\u2102-\u2134\u249c-\u24e9\uff10-\uff5a\u{1f110}-\u{1f189}\u1d00-\u1dbf\u0262-\u02e4\ua730\ua731\ua7af\u2071-\u209c\u2c7c\u2c7d\u0332-\u0338]/u;
/** Full-width letters are ordinary typography next to Chinese, Japanese or Korean text. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const STYLING_MARKS = /[\u0332\u0333\u0335\u0336\u0337\u0338]/gu;

function classify(char: string): StyledChar | undefined {
  const code = char.codePointAt(0)!;
  if (code >= 0x1d400 && code <= 0x1d7ff) {
    let style = 'styled';
    for (const [first, name] of MATH_STYLES) if (code >= first) style = name;
    return { family: 'mathematical', style, plain: char.normalize('NFKC') };
  }
  if (LETTERLIKE[code]) return { family: 'mathematical', style: LETTERLIKE[code], plain: char.normalize('NFKC') };
  if (code >= 0x24b6 && code <= 0x24e9) return { family: 'enclosed', style: 'circled', plain: char.normalize('NFKC') };
  if (code >= 0x249c && code <= 0x24b5) return { family: 'enclosed', style: 'parenthesized', plain: String.fromCharCode(0x61 + code - 0x249c) };
  if (code >= 0x1f110 && code <= 0x1f129) return { family: 'enclosed', style: 'parenthesized', plain: String.fromCharCode(0x41 + code - 0x1f110) };
  if (code >= 0x1f130 && code <= 0x1f149) return { family: 'enclosed', style: 'squared', plain: String.fromCharCode(0x41 + code - 0x1f130) };
  if (code >= 0x1f150 && code <= 0x1f169) return { family: 'enclosed', style: 'circled', plain: String.fromCharCode(0x41 + code - 0x1f150) };
  if (code >= 0x1f170 && code <= 0x1f189) return { family: 'enclosed', style: 'squared', plain: String.fromCharCode(0x41 + code - 0x1f170) };
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a) || (code >= 0xff10 && code <= 0xff19)) {
    return { family: 'fullwidth', style: 'full-width', plain: char.normalize('NFKC') };
  }
  if (SMALL_CAPS[char]) return { family: 'smallCaps', style: 'small-caps', plain: SMALL_CAPS[char] };
  if (TINY_LETTERS.test(char)) {
    const plain = char.normalize('NFKC');
    if (/^\p{L}$/u.test(plain) && plain !== char) return { family: 'superscript', style: 'superscript', plain };
  }
  return undefined;
}

interface Unit {
  start: number;
  end: number;
  text: string;
  styled?: StyledChar;
  /** A letter or digit written plainly. */
  plain: boolean;
}

/** The post as units — one per code point, a combining styling mark joined to its letter. */
function toUnits(text: string, families: Record<Family, boolean>, allowFullwidth: boolean): Unit[] {
  const units: Unit[] = [];
  let offset = 0;
  for (const char of text) {
    const start = offset;
    offset += char.length;
    const previous = units[units.length - 1];
    if (STYLING_MARK.test(char) && previous && previous.end === start && !/\s/u.test(previous.text[0])) {
      previous.end = offset;
      previous.text += char;
      if (families.combining && !previous.styled) {
        const style = /[\u0332\u0333]/u.test(char) ? 'underlined' : 'struck-through';
        previous.styled = { family: 'combining', style, plain: String.fromCodePoint(previous.text.codePointAt(0)!) };
      }
      previous.plain = false;
      continue;
    }
    let styled = classify(char);
    if (styled && (!families[styled.family] || (styled.family === 'fullwidth' && !allowFullwidth))) styled = undefined;
    units.push({ start, end: offset, text: char, styled, plain: !styled && /[\p{L}\p{N}]/u.test(char) });
  }
  return units;
}

/**
 * Word-level decisions: a small capital counts only in a word written mostly in small capitals (an
 * IPA transcription has one or two in a plain word), a superscript ordinal after a number ("1ˢᵗ")
 * is ordinary typography, and a plain letter inside a mostly styled word ("ᴇxᴀᴍᴘʟᴇ" has no
 * small-caps x) belongs to the run rather than breaking it.
 */
function settleWords(units: Unit[]): void {
  const unstyle = (unit: Unit) => {
    unit.styled = undefined;
    unit.plain = true;
  };
  let i = 0;
  while (i < units.length) {
    if (!units[i].plain && !units[i].styled) {
      i++;
      continue;
    }
    let j = i;
    while (j < units.length && (units[j].plain || units[j].styled)) j++;
    const word = units.slice(i, j);
    const written = word.map((unit) => unit.text).join('');
    const ordinal = /^\p{N}+(ˢᵗ|ⁿᵈ|ʳᵈ|ᵗʰ)$/u.exec(written);
    if (ordinal) word.slice(-2).forEach(unstyle);
    const smallCaps = word.filter((unit) => unit.styled?.family === 'smallCaps');
    if (smallCaps.length > 0 && (smallCaps.length < 2 || smallCaps.length * 2 < word.length)) smallCaps.forEach(unstyle);
    const styled = word.filter((unit) => unit.styled).length;
    if (styled > 0 && styled * 2 >= word.length) for (const unit of word) unit.plain = false;
    i = j;
  }
}

interface Run {
  start: number;
  end: number;
  units: Unit[];
}

function findRuns(text: string, options: FakeFormattingOptions): Run[] {
  const units = toUnits(text, options.families, !CJK.test(text));
  settleWords(units);
  const runs: Run[] = [];
  let current: Unit[] = [];
  const close = () => {
    const styled = current.filter((unit) => unit.styled);
    const letters = styled.length;
    const lastStyled = current.map((unit) => unit.styled !== undefined).lastIndexOf(true);
    current = current.slice(0, lastStyled + 1);
    if (letters >= options.minLetters && current.length > 0) runs.push({ start: current[0].start, end: current[current.length - 1].end, units: current });
    current = [];
  };
  for (const unit of units) {
    if (unit.plain) {
      close();
      continue;
    }
    if (unit.styled) current.push(unit);
    else if (current.length > 0) current.push(unit);
  }
  close();
  return runs;
}

const FAMILY_DESCRIPTIONS: Record<Family, string> = {
  mathematical: 'Mathematical Alphanumeric Symbols (U+1D400–U+1D7FF) and the Letterlike Symbols that complete them: "bold", "italic", script, Fraktur, double-struck, sans-serif and monospace letters.',
  enclosed: 'Circled, parenthesized and squared letters (Ⓐ, ⒜, 🄰, 🅐, 🅰).',
  fullwidth: 'Full-width letters and digits (Ａ, ａ, ０) — not reported in a post that also has Chinese, Japanese or Korean text, where they are ordinary typography.',
  smallCaps: 'Small capitals borrowed from the phonetic alphabets (ʜᴇʟʟᴏ), in words written mostly with them.',
  superscript: 'Superscript and subscript letters ("ᵗⁱⁿʸ ᵗᵉˣᵗ"); ordinals after a number ("1ˢᵗ") are allowed.',
  combining: 'Letters struck through or underlined with combining marks (s̶t̶r̶i̶k̶e̶, u̲n̲d̲e̲r̲).',
};

const REASON =
  'Screen readers read look-alike letters by their character names ("mathematical bold capital H") or skip them, search does not find the words, and the Unicode Standard says these characters are not for styling text.';

const rule: Rule<FakeFormattingOptions> = {
  meta: {
    id: 'fake-formatting',
    description: 'Fake bold, italic, circled, full-width, small-caps, tiny or struck-through letters that screen readers spell out or skip.',
    rationale: `Social platforms have no bold or italic, so "font generators" swap letters for look-alike Unicode characters: 𝐛𝐨𝐥𝐝, 𝘪𝘵𝘢𝘭𝘪𝘤, Ⓒⓘⓡⓒⓛⓔⓓ, ｆｕｌｌ-ｗｉｄｔｈ, ꜱᴍᴀʟʟ ᴄᴀᴘꜱ. These are different characters, not styled letters. Screen readers read each one by its name — "mathematical bold capital H, mathematical bold small e…" — or skip it; search and hashtags miss the words; translation and text-to-speech fail. The Unicode Standard (chapter 22.2, Letterlike Symbols and Mathematical Alphanumeric Symbols) says they are for mathematical notation and "should not be used in non-mathematical text as a substitute for style markup"; accessibility guidance for social media (X Accessibility, Scope, the Mastodon and Bluesky communities) says the same.

Each run of such letters (spaces and punctuation between them do not end it) is reported once, with the plain text as the suggestion: Unicode's compatibility mapping (NFKC) where there is one, and postlint's own for small capitals and negative-circled or negative-squared letters, which have none. Families that can be switched off:

${(Object.keys(FAMILY_DESCRIPTIONS) as Family[]).map((family) => `- **${family}** — ${FAMILY_DESCRIPTIONS[family]}`).join('\n')}

A single styled letter (a maths variable like 𝑥, "ℝ") is not reported: \`minLetters\` is 2. Upside-down text and Zalgo-style stacked marks are not covered.`,
    docs: 'docs/rules/fake-formatting.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minLetters: {
          type: 'integer',
          minimum: 1,
          default: 2,
          description: 'A run is reported when it has at least this many look-alike letters.',
        },
        families: {
          type: 'object',
          additionalProperties: false,
          default: {},
          description: 'Switch each family of look-alike letters on (true) or off (false).',
          properties: Object.fromEntries(
            (Object.keys(FAMILY_DESCRIPTIONS) as Family[]).map((family) => [family, { type: 'boolean', default: true, description: FAMILY_DESCRIPTIONS[family] }]),
          ),
        },
      },
    },
    examples: {
      pass: [
        { text: 'Big sale today: 30% off everything in store.', note: 'Plain text.' },
        { text: 'The set of real numbers ℝ is uncountable.', note: 'One letterlike symbol is not a styled run.' },
        { text: 'Our 1ˢᵗ birthday party is on the 2ⁿᵈ of May!', note: 'Superscript ordinals after a number.' },
        { text: 'The vowel in "bit" is written /ɪ/ in IPA.', note: 'A phonetic symbol, not small caps.' },
        { text: '東京ＡＢＣ店が新しくオープンしました。', note: 'Full-width letters in Japanese text.' },
        { text: '𝐁𝐢𝐠 𝐬𝐚𝐥𝐞 today!', options: { families: { mathematical: false } }, note: 'Family switched off.' },
      ],
      fail: [
        { text: '𝐁𝐢𝐠 𝐬𝐚𝐥𝐞 today: 30% off everything!', note: 'Fake bold.' },
        { text: 'This is 𝘳𝘦𝘢𝘭𝘭𝘺 important.', note: 'Fake italic.' },
        { text: 'ⒸⓁⒾⒸⓀ the link in bio', note: 'Circled letters.' },
        { text: 'ａｅｓｔｈｅｔｉｃ vibes only', note: 'Full-width letters.' },
        { text: 'ꜰᴏʟʟᴏᴡ ꜰᴏʀ ᴍᴏʀᴇ', note: 'Small capitals.' },
        { text: 'Prices s̶t̶a̶r̶t̶ ̶a̶t̶ ̶$̶5̶0̶ now $30', note: 'Struck-through letters.' },
      ],
    },
    measured: `Measured with \`node scripts/eval/accessibility.mjs\` (full report: \`docs/eval/accessibility.md\`) at default
options. Look-alike letters are rare in the labelled sets: the rule flags none of 2,169 brand tweets, 10,211 airline
tweets, 3,466 politicians' posts or 3,887 SMS, and 1 of 1,365 YouTube comments (a link written in full-width letters:
right, with the plain link as the suggestion). So precision was measured on a fixture set in
\`test/rules/fake-formatting.test.ts\`: 30 posts styled the way font generators write them (bold, italic, sans-serif,
script, Fraktur, double-struck, monospace, circled, squared, full-width, small caps, superscript, struck through,
underlined) are each reported once with the right plain text, and none of 30 look-alike traps (IPA, maths symbols,
ordinals, units, subscripts, Japanese and Korean text, Greek, Cyrillic, accents, ligatures) is. About 4 µs per post.`,
  },

  create(options) {
    return (post, context) => {
      if (!CANDIDATE.test(post.text)) return;
      for (const run of findRuns(post.text, options)) {
        const styles = [...new Set(run.units.filter((unit) => unit.styled).map((unit) => unit.styled!.style))];
        const written = post.text.slice(run.start, run.end);
        const plain = run.units.map((unit) => unit.styled?.plain ?? unit.text.replace(STYLING_MARKS, '')).join('');
        context.report({
          start: run.start,
          end: run.end,
          message: `Fake ${styles.join('/')} text "${written}": screen readers spell it out or skip it; write "${plain}"`,
          reason: REASON,
          suggestion: plain,
        });
      }
    };
  },
};

export default rule;
