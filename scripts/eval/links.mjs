// Measures `links` on real posts at default options. There is no label for these checks, so the script
// reports how often each kind of finding fires and scores fixed samples against judgements made by
// hand (JUDGED_* below; how they were made is in the report). Posts are checked as if cross-posted to
// Threads and Instagram, so the platform limits fire too.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, readDataset, repoRoot, splitOf } from './lib.mjs';

const { default: links, isWrittenAsLink } = await import(join(repoRoot, 'dist/rules/links.js'));
const { resolveRuleOptions } = await import(join(repoRoot, 'dist/src/rule-options.js'));
const { createPost } = await import(join(repoRoot, 'dist/src/post.js'));

const DATASETS = ['corporate-messaging', 'airline-tweets', 'political-posts', 'youtube-spam'];
const PLATFORMS = ['threads', 'instagram'];
const KINDS = ['shortener', 'wrapper', 'threads', 'instagram'];
const SAMPLE_PER_HALF = 40;

/**
 * Hand judgements of sampled shortener findings, by host: 'y' a public shortener whose link hides
 * its destination; 'n' not one.
 */
const JUDGED_SHORTENER_HOSTS = Object.fromEntries(
  ['bit.ly', '1.usa.gov', 'tinyurl.com', 'goo.gl', 'su.pr', 'ow.ly', 'owl.li', 'twurl.nl', 'adf.ly'].map((host) => [host, 'y']),
);

/**
 * Hand judgements of sampled links written without a scheme (bare domains, where twitter-text can
 * mistake an abbreviation for a link): 'y' a real link; 'n' not a link.
 */
const JUDGED_BARE = {
  // Not links: a missing space after a full stop, half of an e-mail address, HTML debris, a broken URL.
  ...Object.fromEntries(
    ['properly.Help', 'number.Phone', 'quality.Open', 'away.now', 'match.Got', 'hours.Love', 'prem.gold', 'gmail.com', 'it.ht', 'www.youtube'].map(
      (link) => [link, 'n'],
    ),
  ),
  ...Object.fromEntries(
    `KDKA.com www.facebook.com/XavierBecerra www.wtop.com MONEYGQ.COM coveredca.com/espanol IGBlast.com
    www.VeteransCrisisLine.net www.swagbucks.com/refer/Nonturtle02 twitter.com/iamberkshire www.fema.gov/smartphone-app
    scottpeters.house.gov 4NetJobs.com www.garamendi.house.gov www.twitter.com/RepBecerra Incmedia.org ZONEPA.COM
    Healthcare.gov wellcomemd.blogfa.com www.bera.house.gov/gethelp miley-secret-video.co.uk gofundme.com/grwmps
    Zonepa.com hh.nl overactivebladder.com www.nestle.com morethanmedication.ca youtu.be/9nvehu7xI6I
    youtube.com/JackiespeierCA14 www.westerncaucus.pearce.house.gov/ adf.ly oldchat.tk www.civilrights.org/shelby
    judiciary.house.gov Dems.gov/Jumpstart Speaker.gov/jobs HealthCare.gov www.AFSP.org www.healthcare.gov
    www.Yoder.house.gov`
      .split(/\s+/)
      .map((link) => [link, 'y']),
  ),
};

function kindOf(finding) {
  if (finding.message.includes('own link wrapper')) return 'wrapper';
  if (finding.message.includes('link shortener')) return 'shortener';
  if (finding.message.includes('Threads')) return 'threads';
  if (finding.message.includes('Instagram')) return 'instagram';
  throw new Error(`unknown finding: ${finding.message}`);
}

const sampleKey = (...parts) => createHash('sha256').update(parts.join('\u0000')).digest('hex');
const bySampleKey = (a, b) => a.key.localeCompare(b.key);

const { options } = resolveRuleOptions(links, {});
const createStarted = performance.now();
const check = await links.create(options);
const createMs = performance.now() - createStarted;

const counts = {};
const shortenerFindings = { dev: [], test: [] };
const bareLinks = { dev: [], test: [] };
const threadsFindings = { dev: [], test: [] };
let checkMs = 0;
let checked = 0;
for (const dataset of DATASETS) {
  for (const row of readDataset(dataset)) {
    const half = splitOf(row);
    const c = (counts[`${dataset}|${half}`] ??= { posts: 0, withLinks: 0, links: 0, ...Object.fromEntries(KINDS.map((kind) => [kind, 0])) });
    const post = createPost({ file: dataset, index: 0, text: row.text, meta: { platforms: PLATFORMS } });
    void post.analysis.urls; // analysis is shared by all rules; time the rule alone
    const findings = [];
    const started = performance.now();
    check(post, { report: (finding) => findings.push(finding), metric() {} });
    checkMs += performance.now() - started;
    checked++;
    c.posts++;
    const counted = post.analysis.urls.filter((url) => isWrittenAsLink(url.value)).length;
    c.links += counted;
    if (counted > 0) c.withLinks++;
    for (const kind of new Set(findings.map(kindOf))) c[kind]++;
    for (const finding of findings) {
      const link = row.text.slice(finding.start, finding.end);
      if (kindOf(finding) === 'shortener') shortenerFindings[half].push({ key: sampleKey(row.id, link), link });
      if (kindOf(finding) === 'threads') threadsFindings[half].push(row.text);
    }
    for (const url of post.analysis.urls) {
      if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url.value)) {
        const context = row.text.slice(Math.max(0, url.start - 30), Math.min(row.text.length, url.end + 20)).replace(/\s+/g, ' ');
        bareLinks[half].push({ key: sampleKey(row.id, url.value), link: url.value, context });
      }
    }
  }
}

const sum = (half, field) => DATASETS.reduce((total, dataset) => total + (counts[`${dataset}|${half}`]?.[field] ?? 0), 0);
const pct = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const hostOf = (link) => {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(link) ? link : `http://${link}`).hostname.toLowerCase();
  } catch {
    return link;
  }
};

const lines = [
  '# links — measured',
  '',
  'Generated by `node scripts/eval/links.mjs` at default options (shipped platform limits, `shorteners: true`, no domain',
  'lists, no UTM requirement), every post checked as if it targeted Threads and Instagram. Data: corporate-messaging,',
  'airline-tweets, political-posts (tweets and Facebook posts, CrowdFlower) and youtube-spam (comments, UCI), see',
  '`../shared/eval-data/README.md`. Nothing was tuned on these posts: the shortener list was written from the services\'',
  'own sites; the dev half was read to check what the rule reports.',
  '',
  '**Read the t.co column with care**: tweets as the X API delivered them have every link already replaced by X\'s t.co',
  'wrapper, so nearly every link in the three tweet sets is a t.co link. In a draft written for publishing a t.co link',
  'is one pasted from an earlier post — which the rule is right to report — but these numbers say nothing about how',
  'often drafts contain one. Shorteners written by the authors (bit.ly, ow.ly) survive in the tweet text only where',
  'X displayed them as written, so their rate is a lower bound.',
  '',
  '## How often each kind of finding fires (share of all posts)',
  '',
  '| data set | half | posts | with links (as the rule counts them) | links per post | public shortener | platform wrapper (t.co) | Threads >5 | Instagram (any link) |',
  '|---|---|---|---|---|---|---|---|---|',
];
for (const dataset of DATASETS) {
  for (const half of ['dev', 'test']) {
    const c = counts[`${dataset}|${half}`];
    lines.push(`| ${dataset} | ${half} | ${c.posts} | ${pct(c.withLinks, c.posts)} | ${(c.links / c.posts).toFixed(2)} | ${KINDS.map((kind) => pct(c[kind], c.posts)).join(' | ')} |`);
  }
}
for (const half of ['dev', 'test']) {
  lines.push(`| **all** | ${half} | ${sum(half, 'posts')} | ${pct(sum(half, 'withLinks'), sum(half, 'posts'))} | ${(sum(half, 'links') / sum(half, 'posts')).toFixed(2)} | ${KINDS.map((kind) => pct(sum(half, kind), sum(half, 'posts'))).join(' | ')} |`);
}

const unjudged = new Set();
const score = (half, samples, judgements, keyOf) => {
  let yes = 0, judged = 0;
  for (const sample of samples) {
    const verdict = judgements[keyOf(sample)];
    if (!verdict) {
      unjudged.add(`${keyOf(sample)}\t${sample.context ?? ''}`);
      continue;
    }
    judged++;
    if (verdict === 'y') yes++;
  }
  return `| ${half} | ${samples.length} | ${judged} | ${yes} | ${fmt(yes / judged)} |`;
};

lines.push(
  '',
  '## Public shortener findings, hand-checked',
  '',
  `How judged: the first ${SAMPLE_PER_HALF} shortener findings of each half (ordered by a hash of post id and link), each`,
  "opened as text: right when the link's host is a public shortening service whose link does not show where it goes.",
  '',
  '| half | sampled | judged | right | precision |',
  '|---|---|---|---|---|',
);
const shortenerHosts = new Map();
for (const half of ['dev', 'test']) {
  const sample = [...shortenerFindings[half]].sort(bySampleKey).slice(0, SAMPLE_PER_HALF);
  for (const { link } of sample) shortenerHosts.set(hostOf(link), (shortenerHosts.get(hostOf(link)) ?? 0) + 1);
  lines.push(score(half, sample, JUDGED_SHORTENER_HOSTS, ({ link }) => hostOf(link)));
}
lines.push('', `Hosts in the samples: ${[...shortenerHosts].map(([host, n]) => `${host} (${n})`).join(', ')}.`, '');

lines.push(
  '## Links found without a scheme, hand-checked',
  '',
  'twitter-text also finds bare domains ("example.org"); these are where it can mistake text for a link. How judged:',
  `the first ${SAMPLE_PER_HALF} such links of each half (by a hash of post id and link), read in their sentence: right when`,
  'the author meant a web address.',
  '',
  'The rule drops a bare `name.word` whose top-level domain is neither a country code nor a classic one (.com, .org, …)',
  'and that has no path (`isWrittenAsLink`); the second row of each half scores the sampled links it keeps.',
  '',
  '| half | links | bare links found | judged | real links | precision |',
  '|---|---|---|---|---|---|',
);
for (const half of ['dev', 'test']) {
  const sample = [...bareLinks[half]].sort(bySampleKey).slice(0, SAMPLE_PER_HALF);
  const kept = sample.filter(({ link }) => isWrittenAsLink(link));
  lines.push(score(half, sample, JUDGED_BARE, ({ link }) => link).replace(`| ${half} | ${sample.length} |`, `| ${half} | as twitter-text finds them | ${bareLinks[half].length} |`));
  lines.push(score(half, kept, JUDGED_BARE, ({ link }) => link).replace(`| ${half} | ${kept.length} |`, `| ${half} | as the rule counts them | ${bareLinks[half].filter(({ link }) => isWrittenAsLink(link)).length} |`));
}
lines.push('');

lines.push('## Threads findings, all (read by hand: each post really has more than 5 different links)', '');
for (const half of ['dev', 'test']) {
  for (const text of threadsFindings[half]) lines.push(`- ${half}: ${text.replace(/\s+/g, ' ').slice(0, 160)}…`);
}

lines.push(
  '',
  '## Timing',
  '',
  `create() ${createMs.toFixed(1)} ms; ${((checkMs / checked) * 1000).toFixed(1)} µs per post on average over ${checked} posts (Node ${process.versions.node},`,
  `analysis computed beforehand; load average ${loadavg()[0].toFixed(1)} on this machine while measuring).`,
  '',
);

const report = lines.join('\n');
writeFileSync(join(repoRoot, 'docs/eval/links.md'), report);
console.log(report);
if (unjudged.size > 0) {
  console.error(`\n${unjudged.size} sampled items have no judgement yet:`);
  for (const line of unjudged) console.error(line);
}
