#!/usr/bin/env node
// postlint's own corpus generator for the benchmark, used when ../shared/bench is absent.
// Deterministic: the same --seed and --n always write byte-identical files. No dependencies.
//
//   node bench/gen-corpus.mjs --out DIR [--n 1000] [--seed 4242] [--stats]
//   node bench/gen-corpus.mjs --std ROOT [--seed 4242]   # ROOT/c1, ROOT/c1k, ROOT/c10k, ROOT/STATS.json
//
// One post per file (post-000001.txt, post-000002.md, …). About 30% are Markdown and about two
// thirds of those start with YAML front matter in postlint's own field names (platforms,
// publish_at, media with alt text, sometimes category or sponsored). Body lengths are log-normal
// with a median near 300 characters. The mix: informative posts and service updates, promotions,
// replies and apologies (some of them non-apologies), events, and community posts; some carry
// links, hashtags, mentions and emoji, and some are written to fail a rule (a pitch, a post too
// long for X, an image without alt text, personal data, an undisclosed sponsorship).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_SEED = 4242;
// The log-normal median of the sentences; a reply's handle, hashtags and emoji bring a body to ~300.
export const BODY_MEDIAN = 270;
export const MIN_BODY = 40;
export const MAX_BODY = 2400;

// ---------- seeded randomness ----------

/** splitmix32 spreads one 32-bit seed over the four words sfc32 needs, so nearby seeds differ. */
function splitmix32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A seeded source of choices: sfc32 (small, fast, passes PractRand) behind a few helpers. */
class Dice {
  constructor(seed) {
    const mix = splitmix32(seed);
    [this.a, this.b, this.c, this.d] = [mix(), mix(), mix(), mix()];
    for (let i = 0; i < 12; i++) this.next(); // let the state settle before the first draw
  }

  next() {
    let t = (this.a + this.b) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.d = (this.d + 1) >>> 0;
    t = (t + this.d) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t / 4294967296;
  }

  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  chance(probability) {
    return this.next() < probability;
  }

  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }

  /** `count` different items of `list`, in list order. */
  some(list, count) {
    const chosen = new Set();
    while (chosen.size < Math.min(count, list.length)) chosen.add(this.int(0, list.length - 1));
    return [...chosen].sort((x, y) => x - y).map((i) => list[i]);
  }

  /** Picks a key of `weights` with probability proportional to its weight. */
  weighted(weights) {
    const entries = Object.entries(weights);
    let roll = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }

  /** A standard normal draw (Marsaglia's polar method). */
  normal() {
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }
}

// ---------- vocabulary ----------

const ORGS = ['Harbor Tea Co.', 'Kestrel Cycles', 'Maple Street Library', 'Cobalt Analytics', 'Riverbend Transit', 'Juniper Dental', 'Saltmarsh Brewing', 'Atlas Hardware', 'Bluebell Garden Centre', 'Orbit Games', 'Lakeside Council', 'Copperline Internet'];
const PRODUCTS = ['the trail helmet', 'our cold-brew kit', 'the reading app', 'our fibre plan', 'the seed subscription', 'the games café pass', 'the analytics dashboard', 'the tool-hire scheme', 'our autumn ale', 'the e-bike lease', 'the loose-leaf sampler', 'the rain cover'];
const HANDLES = ['@ana_reads', '@kofi.builds', '@mel_on_bikes', '@raj_p', '@theo.w', '@lin_garden', '@sam_h_writes', '@bea.cooks', '@omar_k', '@yuki_t', '@dan_rides', '@noor.designs'];
const HASHTAGS = ['#LibraryLife', '#cycling', '#TeaTime', '#ServiceUpdate', '#smallbiz', '#OpenDay', '#NewRelease', '#sustainability', '#gardening', '#CommunityFirst', '#deal', '#weekendvibes', '#accessibility', '#transit', '#boardgames', '#craftbeer', '#dentalcare', '#datavisualization', '#thankyou', '#NowHiring'];
const EMOJI = ['🚲', '📚', '🍵', '🌿', '🎲', '🍺', '🦷', '📊', '🚌', '🛠️', '🎈', '💡', '⭐', '👋', '🤝', '📍', '⏰', '🎁', '💚', '😀'];
const PLACES = ['the Elm Road branch', 'Dockside Hall', 'the Quarry Lane depot', 'our Market Square shop', 'the Westgate community centre', 'Unit 7, Foundry Yard', 'the riverside path', 'our online room'];
const TOWNS = ['Bristol', 'Halifax', 'Tacoma', 'Boise', 'Ghent', 'Wellington', 'Galway', 'Sheffield', 'Madison', 'Hobart'];
const STREETS = ['Canal Street', 'Hill Rise', 'Orchard Way', 'Station Road', 'Birch Avenue', 'Mill Lane'];
const DOMAINS = ['harbortea.example', 'kestrelcycles.example', 'maplestreetlibrary.org', 'cobalt-analytics.io', 'riverbend-transit.gov', 'lakeside.gov.uk', 'copperline.net', 'tinyurl.com', 'buff.ly'];
const URL_PATHS = ['guides/winter-riding', 'timetables/route-4', 'offers/october', 'events/open-day', 'help/outages', 'blog/what-we-learned', 'join', 'status', 'shop?utm_source=x&utm_campaign=autumn', 'p/7Hq2'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ACTIVITIES = ['a beginners’ bike-maintenance class', 'our open day', 'a tea-tasting evening', 'a board-game tournament', 'a seed swap', 'a talk on reading with toddlers', 'a free dental check-up morning', 'a data-visualisation workshop'];
const TOPICS = ['repairing a puncture', 'composting at home', 'reading the new timetable', 'saving energy this winter', 'choosing a first bike', 'spotting phishing e-mails'];
const ALT_TEXTS = ['A volunteer handing a book to a child at the library desk.', 'Two cyclists on a gravel path beside a river at dawn.', 'A glass teapot of green tea on a wooden counter.', 'Map of the Route 4 diversion along Orchard Way.', 'Crowd playing board games at long tables in a hall.', 'Rows of seedlings in trays under a greenhouse roof.'];
const SPONSORS = ['Northgate Outdoor', 'Pebble Audio', 'Greenleaf Foods'];

// ---------- small phrase makers ----------

const url = (dice) => `https://${dice.pick(DOMAINS)}/${dice.pick(URL_PATHS)}`;
const price = (dice) => `£${dice.int(3, 240)}${dice.chance(0.4) ? '.99' : ''}`;
const percent = (dice) => `${dice.pick([10, 15, 20, 25, 30, 40])}%`;
const promoCode = (dice) => `${dice.pick(['AUTUMN', 'RIDE', 'READ', 'BREW', 'GROW'])}${dice.int(10, 99)}`;
const clock = (dice) => dice.pick([`${dice.int(7, 11)}am`, `${dice.int(1, 8)}:30pm`, `${dice.int(13, 21)}:00`, `${dice.int(1, 9)} PM`]);
const day = (dice) => `${dice.pick(WEEKDAYS)} ${dice.int(1, 28)} ${dice.pick(MONTHS)}`;

// Sentence makers per kind of post. Some are written to trip a checker on purpose: passive voice,
// hedges and intensifiers (write-good), insensitive words (alex), TODO notes (textlint no-todo),
// pitch and urgency (postlint sales-pitch-ratio), non-apologies and lecturing (postlint tone).
const SENTENCES = {
  info: [
    (d) => `Route ${d.int(2, 40)} buses now run every ${d.pick([8, 10, 12, 15, 20])} minutes between ${clock(d)} and ${clock(d)}.`,
    () => 'Tip: let a little air out of your tyres on wet roads for better grip.',
    (d) => `${capitalize(d.pick(PLACES))} is closed on ${day(d)} for repairs; ${d.pick(PLACES)} stays open.`,
    (d) => `New guide: ${d.pick(TOPICS)} in ${d.int(3, 7)} steps. ${url(d)}`,
    (d) => `${d.pick(ORGS)} now takes returns without a receipt for up to ${d.int(14, 60)} days.`,
    () => 'Did you know? Brewing green tea at 80°C keeps it from turning bitter.',
    (d) => `The broadband outage in ${d.pick(TOWNS)} is fixed; if you are still offline, restart your router.`,
    (d) => `Library cards are free for everyone who lives, works or studies in ${d.pick(TOWNS)}.`,
    (d) => `Our ${d.int(2023, 2026)} accessibility report is out: ${url(d)}`,
    (d) => `Water will be off on ${d.pick(STREETS)} from ${clock(d)} while crews replace a main.`,
    () => 'Full details, with a map of the diversion, are on our website.',
    () => 'The change was requested by riders in last year’s survey and was approved by the board.',
    () => 'Questions? Reply here and someone from the team will answer within a day.',
    () => 'It is very likely that the works will be finished quite a bit earlier than planned.',
    () => 'TODO: check the closing time with the branch manager before this goes out.',
  ],
  promo: [
    (d) => `${percent(d)} off ${d.pick(PRODUCTS)} until ${day(d)}!`,
    (d) => `Use code ${promoCode(d)} at checkout.`,
    (d) => `Only ${d.int(3, 40)} left in stock, so order today.`,
    (d) => `Shop now: ${url(d)}`,
    (d) => `Free delivery on every order over ${price(d)}.`,
    () => 'Don’t wait, this deal ends at midnight!!!',
    (d) => `Get ${d.pick(PRODUCTS)} for just ${price(d)}.`,
    () => 'The best price you will find anywhere, guaranteed.',
    (d) => `A limited run of ${d.pick(PRODUCTS)}, link in bio.`,
    () => 'Buy two and get the third one free.',
    (d) => `Members get early access from ${clock(d)} tomorrow.`,
    (d) => `Big thanks to ${d.pick(SPONSORS)} for sending us ${d.pick(PRODUCTS)} to try!`,
    () => 'HUGE SAVINGS THIS WEEKEND ONLY, you guys are going to love it.',
  ],
  reply: [
    () => 'We are sorry your order arrived late; that one is on us.',
    () => 'We have refunded the delivery charge and your parcel is on its way.',
    () => 'Could you send us a DM with your order number so we can look into it?',
    () => 'Sorry if anyone was offended by our last post.',
    () => 'Mistakes were made, and our processes are being reviewed.',
    (d) => `Due to circumstances beyond our control, the ${clock(d)} service was cancelled.`,
    () => 'As we already explained in our FAQ, this has always been the policy.',
    () => 'Please reply with your full name, address and date of birth so we can verify your account.',
    () => 'Thanks for flagging this, the broken link is fixed now.',
    () => 'We understand how frustrating this is, and we are sorry.',
    (d) => `Our engineers are still working on it; next update at ${clock(d)}.`,
    (d) => `You can also call the help desk on 0161 496 0${d.int(100, 999)}, open every day until 8pm.`,
    () => 'That was a crazy mix-up on our side, apologies.',
  ],
  event: [
    (d) => `Join us at ${d.pick(PLACES)} on ${day(d)} at ${clock(d)} for ${d.pick(ACTIVITIES)}.`,
    () => 'Entry is free and there is no need to book.',
    (d) => `Tickets cost ${price(d)} and include tea and cake.`,
    () => 'Step-free access and a quiet room are available.',
    (d) => `Book your place: ${url(d)}`,
    (d) => `${d.pick(HANDLES)} will lead a session on ${d.pick(TOPICS)}.`,
    (d) => `Doors open at ${clock(d)}; the first talk starts half an hour later.`,
    () => 'Can’t make it? We will post the recording the week after.',
    (d) => `Bring your own cup and get ${d.int(10, 50)}p off any drink.`,
    (d) => `Last year over ${d.int(80, 900)} people came, so arrive early!`,
    () => 'Seating is first come, first served.',
  ],
  community: [
    (d) => `A huge thank you to the ${d.int(5, 60)} volunteers who cleared ${d.pick(STREETS)} on Sunday.`,
    (d) => `Meet Priya, who has run our repair café in ${d.pick(TOWNS)} for ${d.int(2, 12)} years.`,
    (d) => `We have just planted ${d.int(20, 400)} trees along ${d.pick(PLACES)}.`,
    (d) => `We are hiring a ${d.pick(['part-time librarian', 'bike mechanic', 'data engineer', 'dental nurse', 'shop assistant'])} in ${d.pick(TOWNS)}: ${url(d)}`,
    (d) => `${d.int(3, 40)} years ago today we opened our first shop in ${d.pick(TOWNS)}.`,
    (d) => `${d.int(40, 80)}% of you asked for longer opening hours, and from next month you have them.`,
    (d) => `Happy ${d.pick(['new year', 'summer holidays', 'Diwali', 'Lunar New Year', 'Thanksgiving'])} from all of us at ${d.pick(ORGS)}!`,
    (d) => `Thanks to ${d.pick(HANDLES)} for the lovely photo of the garden.`,
    () => 'Every one of these projects was suggested by someone who lives here.',
    () => 'We honestly could not do any of this without you.',
  ],
};

const KIND_WEIGHTS = { info: 32, promo: 20, reply: 16, event: 20, community: 12 };
const CATEGORY_OF_KIND = { info: 'informational', promo: 'promotional', reply: 'reply', event: 'informational', community: 'informational' };
const PLATFORMS = ['x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'instagram', 'facebook'];

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The target body length: log-normal around BODY_MEDIAN, so most posts are short and a few long. */
function bodyLength(dice) {
  const length = Math.round(BODY_MEDIAN * Math.exp(0.55 * dice.normal()));
  return Math.min(MAX_BODY - 60, Math.max(MIN_BODY, length));
}

// ---------- one post ----------

function frontMatter(dice, kind) {
  const lines = ['---'];
  const platforms = dice.some(PLATFORMS, dice.int(1, 3));
  lines.push(platforms.length === 1 && dice.chance(0.5) ? `platforms: ${platforms[0]}` : `platforms: [${platforms.join(', ')}]`);
  const stamp = `2027-${pad(dice.int(1, 12), 2)}-${pad(dice.int(1, 28), 2)}T${pad(dice.int(7, 20), 2)}:${dice.pick(['00', '15', '30', '45'])}:00`;
  lines.push(`publish_at: ${stamp}${dice.pick(['Z', '+01:00', '-05:00', '+10:00'])}`);
  if (dice.chance(0.35)) lines.push(`category: ${CATEGORY_OF_KIND[kind]}`);
  if (kind === 'promo' && dice.chance(0.15)) lines.push('sponsored: true'); // usually with no #ad: a disclosure failure
  if (dice.chance(0.55)) {
    lines.push('media:');
    for (let i = dice.int(1, 2); i > 0; i--) {
      lines.push(`  - file: images/${kind}-${dice.int(1, 300)}.jpg`);
      // An empty alt is the classic accessibility failure; keep it rare but present.
      lines.push(`    alt: ${dice.chance(0.12) ? '""' : JSON.stringify(dice.pick(ALT_TEXTS))}`);
    }
  }
  lines.push('---', '');
  return `${lines.join('\n')}\n`;
}

/** Sentences of one kind, in paragraphs, stopping at the sentence boundary nearest the target. */
function body(dice, kind, target, markdown) {
  const makers = SENTENCES[kind];
  const paragraphs = [];
  let paragraph = [];
  let length = 0;
  const used = new Set();
  while (length < target) {
    // A sentence repeats only once every sentence of the kind has been used (in long posts).
    if (used.size === makers.length) used.clear();
    let index = dice.int(0, makers.length - 1);
    while (used.has(index)) index = (index + 1) % makers.length;
    const sentence = makers[index](dice);
    if (length > 0 && length + sentence.length - target > target - length) break;
    used.add(index);
    paragraph.push(sentence);
    length += sentence.length + 1;
    if (paragraph.length >= dice.int(2, 4)) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
      if (markdown && dice.chance(0.2)) paragraphs.push(markdownList(dice));
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  let text = paragraphs.join('\n\n');
  if (markdown && dice.chance(0.2)) text = text.replace(/^([^.!?\n]{8,40}?)([.!?])/, '**$1**$2');
  return text;
}

function markdownList(dice) {
  const items = [
    () => `- ${capitalize(dice.pick(PRODUCTS))} from ${price(dice)}`,
    () => `- ${day(dice)}: ${dice.pick(ACTIVITIES)}`,
    () => `- More at [our website](${url(dice)})`,
    () => `- Ask ${dice.pick(HANDLES)} about ${dice.pick(TOPICS)}`,
  ];
  return dice.some(items, dice.int(2, 3)).map((item) => item()).join('\n');
}

/** Extras that make posts look like posts: a reply's handle, hashtags, emoji, personal data now and then. */
function decorate(dice, kind, text) {
  let post = text;
  if (kind === 'reply') post = `${dice.pick(HANDLES)} ${post}`;
  if (dice.chance(0.02)) post += ` Questions to ${dice.pick(['ana.lopez', 'theo.walsh', 'mel.r'])}@${dice.pick(['gmail.com', 'outlook.com'])} please.`;
  if (dice.chance(0.2)) post = `${dice.pick(EMOJI)} ${post}`;
  if (dice.chance(0.15)) post += ` ${dice.some(EMOJI, dice.int(1, 4)).join('')}`;
  if (kind !== 'reply' && dice.chance(0.55)) post += `${dice.chance(0.5) ? '\n\n' : ' '}${dice.some(HASHTAGS, dice.int(1, 6)).join(' ')}`;
  if (kind === 'promo' && dice.chance(0.1)) post = `#ad ${post}`;
  return post;
}

function pad(number, width) {
  return String(number).padStart(width, '0');
}

/** The post at position `index` (0-based) of a corpus, drawn from `dice`. */
export function generatePost(dice, index, nameWidth) {
  const kind = dice.weighted(KIND_WEIGHTS);
  const markdown = dice.chance(0.3);
  const hasFrontMatter = markdown && dice.chance(0.65);
  const header = hasFrontMatter ? frontMatter(dice, kind) : '';
  const markdownBody = markdown && dice.chance(0.5);
  let text = decorate(dice, kind, body(dice, kind, bodyLength(dice), markdownBody));
  if (text.length > MAX_BODY) text = text.slice(0, MAX_BODY).replace(/\s+\S*$/, '');
  const name = `post-${pad(index + 1, nameWidth)}.${markdown ? 'md' : 'txt'}`;
  return { name, text: `${header}${text}\n`, kind, markdown, frontMatter: hasFrontMatter, bodyLength: text.length };
}

/** The first `n` posts for `seed`: a prefix of a longer corpus with the same seed. */
export function generatePosts(n, seed = DEFAULT_SEED) {
  const dice = new Dice(seed);
  const width = Math.max(6, String(n).length);
  return Array.from({ length: n }, (_, index) => generatePost(dice, index, width));
}

/** The single draft of the "one draft" case: the first Markdown post with front matter near the median. */
export function pickSingleDraft(posts) {
  return posts.find((post) => post.frontMatter && post.bodyLength >= 250 && post.bodyLength <= 400) ?? posts[0];
}

export function corpusStats(posts) {
  const lengths = posts.map((post) => post.bodyLength).sort((a, b) => a - b);
  const at = (fraction) => lengths[Math.min(lengths.length - 1, Math.floor(fraction * lengths.length))];
  const kinds = {};
  for (const post of posts) kinds[post.kind] = (kinds[post.kind] ?? 0) + 1;
  return {
    posts: posts.length,
    bodyLength: { min: lengths[0], p10: at(0.1), median: at(0.5), p90: at(0.9), max: lengths[lengths.length - 1] },
    markdown: posts.filter((post) => post.markdown).length,
    frontMatter: posts.filter((post) => post.frontMatter).length,
    bytes: posts.reduce((sum, post) => sum + Buffer.byteLength(post.text), 0),
    kinds,
  };
}

export function writeCorpus(dir, posts) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const post of posts) writeFileSync(join(dir, post.name), post.text);
}

// ---------- command line ----------

function parseArgs(argv) {
  const options = { seed: DEFAULT_SEED, n: 1000, stats: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--out') options.out = value();
    else if (flag === '--std') options.std = value();
    else if (flag === '--n') options.n = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--stats') options.stats = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!Number.isInteger(options.n) || options.n < 1) throw new Error('--n must be a positive integer');
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer');
  if (!options.out && !options.std) throw new Error('give --out DIR or --std ROOT');
  return options;
}

function main(argv) {
  const options = parseArgs(argv);
  if (options.std) {
    // c1k is the first 1,000 posts of c10k, as the shared generator does.
    const posts = generatePosts(10_000, options.seed);
    const single = pickSingleDraft(posts);
    writeCorpus(join(options.std, 'c10k'), posts);
    writeCorpus(join(options.std, 'c1k'), posts.slice(0, 1000));
    writeCorpus(join(options.std, 'c1'), [single]);
    const stats = { generator: 'postlint bench/gen-corpus.mjs', seed: options.seed, c10k: corpusStats(posts), c1k: corpusStats(posts.slice(0, 1000)), c1: { name: single.name, chars: single.text.length } };
    writeFileSync(join(options.std, 'STATS.json'), `${JSON.stringify(stats, null, 2)}\n`);
    console.log(JSON.stringify(stats, null, 2));
    return;
  }
  const posts = generatePosts(options.n, options.seed);
  writeCorpus(options.out, posts);
  if (options.stats) console.log(JSON.stringify(corpusStats(posts), null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`gen-corpus: ${error.message}`);
    console.error('usage: gen-corpus.mjs --out DIR [--n N] [--seed S] [--stats] | --std ROOT [--seed S]');
    process.exitCode = 2;
  }
}
