// Measures `hashtags` on real posts at default options. There is no label for these checks, so the
// script reports how often each kind of finding fires and scores a fixed sample of CamelCase findings
// against judgements made by hand (JUDGED below; how they were made is in the report). Posts are
// checked as if cross-posted to Instagram, Threads and YouTube, so the platform caps fire too.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fmt, readDataset, repoRoot, splitOf } from './lib.mjs';

const { default: hashtags } = await import(join(repoRoot, 'dist/rules/hashtags.js'));
const { resolveRuleOptions } = await import(join(repoRoot, 'dist/src/rule-options.js'));
const { createPost } = await import(join(repoRoot, 'dist/src/post.js'));
const { analyseHashtagWords, HashtagDictionary, splitIntoWords } = await import(join(repoRoot, 'dist/src/text/hashtag-words.js'));

const DATASETS = ['corporate-messaging', 'airline-tweets', 'political-posts', 'youtube-spam'];
const PLATFORMS = ['instagram', 'threads', 'youtube'];
const KINDS = ['style', 'instagram', 'threads', 'youtube', 'camelSuggested', 'camelUnsuggested'];
const SAMPLE_PER_HALF = 60;

/**
 * Hand judgements of sampled CamelCase findings, by tag. 'y': several words, and the suggestion (if
 * any) is right; 'ys': several words, but the suggested spelling is wrong; 'n': one word or a name,
 * so the finding is wrong.
 */
const JUDGED = {
  // Several words, suggestion right (or no suggestion).
  ...Object.fromEntries(
    `angrycustomer badcustomerservice badservice baggagelost bagsflyfree bestemployees boldflavors bonehealth cockup
    crummyservice customerexperience customerservice cutwastenotworkers deaffriendly debtceiling destinationdragon
    dietcoke endhungernow epicfailure excellentcustomerservice farmbill fattuesday filmcrew forcedovernight forevercold
    friendlyskies getvax guntrafficking gunviolence happycamper happycustomer hardtodo healthworkers
    horriblecustomerservice iflyalot ilookyoung immigrationreform jetblue leaningin letsgo loweredexpectations
    milehighselfieclub needcoffee nestlecocoa neveragain neverchange newamericanairline noair nocareforcustomers
    nocustomerservice nohelp nooption notsurprising notwheelsup offthesidelines onholdwith pleasehelp
    poorcustomerservice pricewise progressmakers punishedforflying raisethewage rarediseases runningonthreehoursofsleep
    ruraldevelopment ruralwomen safetyfirst shouldhaveflowndelta shouldwearmasks sofly southwestairlines spellingbee
    stillnobags stillwaiting tellyourstory thankyou theworst throwbackthursday tinderchamp trainwreck trueblue tryagain
    unitedsucks vacationfail votingrights warmweather wastebook whatajoke workhard worstcustomerserviceever worstever
    worsttraveldayever youdidit zerotolerance dontdoubletheirrates dontmakemebeg dontmakemegooutside
    notourfaultyoudontuseyourgatesright theydontanswer
    1billionrising 2013farmbill 2hourwaitsucks aircargo americanair americanairlines americanairsucks answerthis
    autoresponse bagsflyfreebutnotwithme bigdata bringbackourgirls brokenwheel childlabour climatechange
    corporatewelfare customerappreciation customerservicefail diehardvirgin drunkpilots earthday endgunviolence
    everystep feeltheheat fendforyourself firstlove flyingitforward flyunited gottogetbetter healthyagingmonth
    heliumreservejokes homeandreadyfornexttrip honorwithaction hopeidonotgetsick horribleattitudes hotelliving
    howisthatpossible ifeeldumb itscostingmeincome jetblues learncustomerservice leetownhall lostrevenue
    lovesouthwest lowstandards makestoomuchsense medicalissue middleclassfirst missedconnection missedupgrades
    nexttime nohelponboard nolove nothappy notimpressed notsatisfied noworstairline passengersarepeople playsoon
    redwineisbetter redwolves ripoff ripskymall safetyconcerns shouldhaveflownjetblue slapintheface
    socialtantrum songwriterequityact soreback soulandinspiration southwestrocks spreadtheword standupforwomen
    stellarservice takemehome teamspirit terriblecommunication thatisall travelingwithsmallkids tripofalifetime
    unitedairlinessuck unitedworstever volunteersweek waitingonapilot waitingsince waivethefee wastedeffort
    wasteoftime waterchallenge whywemarch worstairline youcandobetter yourstoryhere`
      .split(/\s+/)
      .map((tag) => [tag, 'y']),
  ),
  // Several words; the right spelling is #USAirways (no suggestion is made: us + airways or us + air + ways).
  usairways: 'y',
  usairwaysfail: 'y',
  usairwayssucks: 'y',
  stillbagless: 'ys', // #StillBagless, not #StillBagLess
  donotflyusair: 'ys', // #DoNotFlyUSAir
  // One word or a name: "bipartisanship" is in SCOWL only at size 60, which is not shipped; Branson is a name.
  bipartisanship: 'n',
  branson: 'n',
};

/**
 * Hand judgements of sampled tags the rule did not flag (all lower case, not a dictionary word):
 * 'm' several words the rule missed; 'o' one word, a name, an acronym or not English.
 */
const JUDGED_UNFLAGGED = Object.fromEntries([
  ...`45minflight attackingbabymomma fuckoff eforeducation envisionfilm avgeek valueofmeds citiforcities merckformothers
    badmgmt citivolunteers roadlesstraveledutah standwithrand jetbluehatesbtv 3thparty jetbluebos trappedhouston
    custservicehasnonumber virginamerica mardigras whichisworsedenordfw hiremorepoeple giraffebruuh sctweets
    womenshistorymonth missingtheoscars cirmeansjobs daddyshome ragandisney`
    .split(/\s+/)
    .map((tag) => [tag, 'm']),
  ...`piggy sayfie texas nesquik psoriasis monopod wwweek sequester chaching sydnye oscars2016 utpol libertad tampa pjnet
    citiph deice loreal citibanksv unprofessional mapoli betsy dallas miatoiah oscars danone11 citibank brandmance
    shitshow heartlanta impinv delphi bbglec fleek ggqzqd danone`
    .split(/\s+/)
    .map((tag) => [tag, 'o']),
]);

/**
 * Findings without a suggestion (the tag splits more than one way): would the split with the fewest
 * words, where only one has that few, be right? 'y' / 'n' by hand.
 */
const JUDGED_FEWEST = {
  // Wrong: a name or an acronym split as words ("Damion", "US"), "onus" for "on us", "evermore" for "even more".
  jokesonus: 'n',
  damionflight4223: 'n',
  byebyeusairline: 'n',
  evermoreroom: 'n',
};
for (const tag of `sustainabletechnology healthinnovation activehealth healthyagingmonth gethealthystayhealthy leaningin
  pleasecomeback airplanemodewason unitedairlines neveragain funnycaptain notgoodenough whatstheholdup
  keepingtraditionsalive 1thingafteranother mileageplus unitedairlinessuck tightconnection unitedairline
  falseadvertising happycamper toughtomakeplans southwestfail southwestrocks bestairlineever homewardbound
  southwestairlines maybeijustlost flysouthwest lovesouthwest contentmarketing forevercold bluecarpet updateyourwebsite
  livethelegend flyingitforward itscostingmeincome warmweather flyitforward getittogether lostandforgotten
  sittingontheplane excellentcustomerservice anotherfail dontmakemegooutside noworstairline strandedattheairport
  fendforyourself upgrademe miserablemorning cameragear damageluggage americanairlines thanksamericanairlines
  totallyconfused nevergettinghome gettingthingsdone sextrafficking 1billionrising throwbackthursday
  immigrantheritagemonth wagonroadcamp soapoperas childlabour actioncounts clottingfactor rarediseases redcarpet
  baggageissues goodenoughmother linesforever waitingonapilot worstairlineever worstairline unitedairlinessucks
  delayedovernight letsworktogether aircargo wontflyagainwithyou tryagain gettingimpatient shouldwearmasks
  canthurtasking nutsaboutsouthwest destinationdragon gettingthirsty punishedforflying gettingbetter tripofalifetime
  bestairline girlsweekend cantblametheweather loweredexpectations wemosaictogether playsoon glassslipperchallenge
  jetblueforever badwebsite whydidntiflysouthwest missedupgrades newamericanairline cheapslogannotmotto
  missedconnection forcedovernight smoothtransition waitingagain yourairlinesucks frozentoilet medicalissue
  mechanicalissue dispatchissue mileagerun chairmanlove nexttimeiwillflysouthwest americanairlinesfail talktoahuman
  veryimportantproject usairways usairwaysfail usairwayssucks usairwayssuck nooption marketplacefairness incomeinequality tigerfootball offthesidelines guntrafficking
  honorwithaction endtrafficking humantrafficking stopgovtabuse soundsofsunday`.split(/\s+/)) {
  JUDGED_FEWEST[tag] = 'y';
}

/** The CamelCase a "fewest words wins" rule would suggest, or undefined on a tie. */
function fewestWordsSpelling(tag) {
  let certain = true;
  const spelled = tag.replace(/[a-z]+/g, (run) => {
    if (dictionary.isWholeWord(run)) return dictionary.capitalise(run);
    const opensTag = tag.startsWith(run);
    const splits = splitIntoWords(run, dictionary, 200);
    if (splits.length === 0) return ((certain = false), run);
    const fewest = Math.min(...splits.map((split) => split.length));
    const best = splits.filter((split) => split.length === fewest);
    if (best.length > 1) certain = false;
    return best[0].map((piece, index) => dictionary.capitalise(piece, opensTag && index === 0)).join('');
  });
  return certain ? spelled : undefined;
}

/**
 * Posts over the style maximum, sampled (30 per half by a hash of the post id) and read by hand: 'y'
 * when every hashtag twitter-text extracted is one the author wrote as a hashtag, so the count the
 * style maximum and the platform caps use is right. (#waive$200fee is cut at the $: still one tag.)
 */
const JUDGED_COUNT = Object.fromEntries(
  `airline-681459916 airline-681459628 corp-662823981 yt-04-105 corp-662825082 airline-681455184 pol-4361
  airline-681448923 airline-681451751 corp-662825119 pol-3469 corp-662822983 pol-2735 pol-1840 pol-3477
  airline-681677215 airline-681463015 corp-662824933 airline-681448822 airline-681455372 corp-662822763
  airline-681462597 airline-681459477 corp-662824284 pol-0499 corp-662823010 pol-1787 airline-681462335
  corp-662824345 pol-1221 airline-681457715 corp-677278013 airline-681454420 pol-0686 pol-2469 airline-681455635
  airline-681460366 airline-681455042 airline-681452677 pol-4355 pol-1893 airline-681459783 airline-681454726
  airline-681458647 pol-1722 airline-681449649 airline-681462249 pol-0585 pol-1913 corp-662823590 corp-662824308
  airline-681449996 airline-681459109 airline-681454585 pol-2022 airline-681463000 airline-681461081
  airline-681457300 corp-662824260 pol-0005`
    .split(/\s+/)
    .map((id) => [id, 'y']),
);

function kindOf(finding) {
  if (finding.message.includes('house style')) return 'style';
  if (finding.message.includes('runs several words')) return finding.suggestion ? 'camelSuggested' : 'camelUnsuggested';
  for (const platform of PLATFORMS) if (finding.message.includes(`${platform === 'youtube' ? 'YouTube' : platform[0].toUpperCase() + platform.slice(1)} takes`)) return platform;
  throw new Error(`unknown finding: ${finding.message}`);
}

const sampleKey = (...parts) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

const { options } = resolveRuleOptions(hashtags, {});
const createStarted = performance.now();
const check = await hashtags.create(options);
const createMs = performance.now() - createStarted;

const counts = {};
const camelFindings = { dev: [], test: [] };
/** All-lower-case tags with a run of 5+ letters that are not dictionary words and were not flagged. */
const unflagged = { dev: [], test: [] };
const dictionary = new HashtagDictionary();
const styleSamples = { dev: [], test: [] };
let checkMs = 0;
let checked = 0;
for (const dataset of DATASETS) {
  for (const row of readDataset(dataset)) {
    const half = splitOf(row);
    const key = `${dataset}|${half}`;
    const c = (counts[key] ??= { posts: 0, withTags: 0, tags: 0, lowerTags: 0, ...Object.fromEntries(KINDS.map((kind) => [kind, 0])), camelFindings: 0 });
    const post = createPost({ file: dataset, index: 0, text: row.text, meta: { platforms: PLATFORMS } });
    void post.analysis.hashtags; // analysis is shared by all rules; time the rule alone
    const findings = [];
    const started = performance.now();
    check(post, { report: (finding) => findings.push(finding), metric() {} });
    checkMs += performance.now() - started;
    checked++;
    c.posts++;
    c.tags += post.analysis.hashtags.length;
    c.lowerTags += post.analysis.hashtags.filter((tag) => /^[a-z0-9_]*[a-z][a-z0-9_]*$/.test(tag.value)).length;
    if (post.analysis.hashtags.length > 0) c.withTags++;
    const kinds = new Set(findings.map(kindOf));
    for (const kind of kinds) c[kind]++;
    const flaggedAt = new Set(findings.filter((finding) => kindOf(finding).startsWith('camel')).map((finding) => finding.start));
    for (const tag of post.analysis.hashtags) {
      if (flaggedAt.has(tag.start) || !/^[a-z0-9_]+$/.test(tag.value) || !/[a-z]{5,}/.test(tag.value)) continue;
      if (!tag.value.match(/[a-z]+/g).every((run) => dictionary.isWholeWord(run))) unflagged[half].push({ id: row.id, tag: tag.value });
    }
    for (const finding of findings) {
      const kind = kindOf(finding);
      if (kind.startsWith('camel')) {
        c.camelFindings++;
        const tag = row.text.slice(finding.start, finding.end);
        camelFindings[half].push({ dataset, id: row.id, tag: tag.slice(1), suggestion: finding.suggestion?.slice(1), text: row.text });
      }
      if (kind === 'style') styleSamples[half].push({ dataset, id: row.id, count: post.analysis.hashtags.length, tags: post.analysis.hashtags.map((t) => t.text).join(' ') });
    }
  }
}

const sum = (half, field) => DATASETS.reduce((total, dataset) => total + (counts[`${dataset}|${half}`]?.[field] ?? 0), 0);
const pct = (part, whole) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);

const lines = [
  '# hashtags — measured',
  '',
  'Generated by `node scripts/eval/hashtags.mjs` at default options (`max: 3`, shipped platform caps, `camelCase: true`),',
  'every post checked as if it targeted Instagram, Threads and YouTube. Data: corporate-messaging (tweets of nine',
  'brands), airline-tweets (customers to US airlines), political-posts (US politicians), youtube-spam (comments):',
  'CrowdFlower "Data for Everyone" and UCI, see `../shared/eval-data/README.md`. The word lists were tuned by looking',
  'at dev-half tags only; the test half is reported as it came out.',
  '',
  '## How often each kind of finding fires (share of all posts)',
  '',
  '| data set | half | posts | with hashtags | style max 3 | Instagram 5 | Threads 1 | YouTube 15 | CamelCase, suggested | CamelCase, no suggestion |',
  '|---|---|---|---|---|---|---|---|---|---|',
];
for (const dataset of DATASETS) {
  for (const half of ['dev', 'test']) {
    const c = counts[`${dataset}|${half}`];
    lines.push(`| ${dataset} | ${half} | ${c.posts} | ${pct(c.withTags, c.posts)} | ${KINDS.map((kind) => pct(c[kind], c.posts)).join(' | ')} |`);
  }
}
for (const half of ['dev', 'test']) {
  lines.push(`| **all** | ${half} | ${sum(half, 'posts')} | ${pct(sum(half, 'withTags'), sum(half, 'posts'))} | ${KINDS.map((kind) => pct(sum(half, kind), sum(half, 'posts'))).join(' | ')} |`);
}
lines.push(
  '',
  `All-lower-case hashtags: dev ${sum('dev', 'lowerTags')} of ${sum('dev', 'tags')} hashtags, test ${sum('test', 'lowerTags')} of ${sum('test', 'tags')}; CamelCase findings: dev ${sum('dev', 'camelFindings')}, test ${sum('test', 'camelFindings')}.`,
  '',
);

// Hand-checked sample of CamelCase findings: the first SAMPLE_PER_HALF by a hash of post id and tag.
lines.push(
  '## CamelCase findings, hand-checked',
  '',
  `How judged: the first ${SAMPLE_PER_HALF} CamelCase findings of each half, ordered by a hash of post id and tag, were`,
  'read in their post. A finding is right when the tag is really several words run together (a phrase, or a name',
  'made of words such as #jetblue); wrong when it is one word or a name the word list splits by accident. A',
  'suggestion is right when a screen reader would read the suggested spelling as the words meant (#JetBlue yes,',
  '#UsAirways for US Airways no). The judgements are in the script (`JUDGED`), so the numbers can be re-run.',
  '',
);
const unjudged = new Set();
const precisionRows = [];
for (const half of ['dev', 'test']) {
  const sample = [...camelFindings[half]].sort((a, b) => sampleKey(a.id, a.tag).localeCompare(sampleKey(b.id, b.tag))).slice(0, SAMPLE_PER_HALF);
  let multi = 0, wrong = 0, suggested = 0, suggestedRight = 0, judged = 0;
  for (const finding of sample) {
    const verdict = JUDGED[finding.tag];
    if (!verdict) {
      unjudged.add(`${finding.tag}\t${finding.suggestion ?? '-'}\t${finding.text.replace(/\s+/g, ' ')}`);
      continue;
    }
    judged++;
    if (verdict === 'n') wrong++;
    else multi++;
    if (finding.suggestion) {
      suggested++;
      if (verdict === 'y') suggestedRight++;
    }
  }
  precisionRows.push(`| ${half} | ${judged} | ${multi} | ${wrong} | ${fmt(multi / judged)} | ${suggested} | ${suggestedRight} | ${fmt(suggestedRight / suggested)} |`);
}
lines.push(
  '| half | findings judged | really several words | not | precision (multi-word) | with a suggestion | suggestion right | precision (suggestion) |',
  '|---|---|---|---|---|---|---|---|',
  ...precisionRows,
  '',
);

// Findings without a suggestion: how a "fewest words wins" tie-break would do (not what the rule does).
const fewestRows = [];
for (const half of ['dev', 'test']) {
  const unsuggested = new Map(camelFindings[half].filter((f) => !f.suggestion).map((f) => [f.tag, f]));
  let spelled = 0, right = 0, judged = 0;
  for (const tag of unsuggested.keys()) {
    const spelling = fewestWordsSpelling(tag);
    if (!spelling) continue;
    spelled++;
    const verdict = JUDGED_FEWEST[tag];
    if (!verdict) {
      unjudged.add(`fewest\t${tag}\t${spelling}`);
      continue;
    }
    judged++;
    if (verdict === 'y') right++;
  }
  fewestRows.push(`| ${half} | ${unsuggested.size} | ${spelled} | ${judged} | ${right} | ${fmt(right / judged)} |`);
}
// The sample above follows how often tags occur; this one weighs every distinct flagged tag the same.
const distinctRows = [];
for (const half of ['dev', 'test']) {
  const distinct = new Map(camelFindings[half].map((f) => [f.tag, f]));
  const sample = [...distinct.values()].sort((a, b) => sampleKey('', a.tag).localeCompare(sampleKey('', b.tag))).slice(0, SAMPLE_PER_HALF);
  let multi = 0, judged = 0, suggested = 0, suggestedRight = 0;
  for (const finding of sample) {
    const verdict = JUDGED[finding.tag];
    if (!verdict) {
      unjudged.add(`${finding.tag}\t${finding.suggestion ?? '-'}\t${finding.text.replace(/\s+/g, ' ')}`);
      continue;
    }
    judged++;
    if (verdict !== 'n') multi++;
    if (finding.suggestion) {
      suggested++;
      if (verdict === 'y') suggestedRight++;
    }
  }
  distinctRows.push(`| ${half} | ${distinct.size} | ${judged} | ${multi} | ${fmt(multi / judged)} | ${suggested} | ${suggestedRight} | ${fmt(suggestedRight / suggested)} |`);
}
lines.push(
  `The same judgement on ${SAMPLE_PER_HALF} distinct flagged tags per half (by a hash of the tag), so frequent tags weigh no more than rare ones:`,
  '',
  '| half | distinct flagged tags | judged | really several words | precision (multi-word) | with a suggestion | suggestion right | precision (suggestion) |',
  '|---|---|---|---|---|---|---|---|',
  ...distinctRows,
  '',
);

lines.push(
  'Findings without a suggestion split more than one way, mostly through short words ("warm weather" / "warm we at her").',
  'A tie-break the rule does not use — suggest the split with the fewest words when only one has that few — was scored',
  'on every distinct such tag:',
  '',
  '| half | distinct tags without a suggestion | one split with fewest words | judged | right | precision |',
  '|---|---|---|---|---|---|',
  ...fewestRows,
  '',
);

// Missed multi-word tags: a sample of all-lower-case tags that are not dictionary words and were not flagged.
const recallRows = [];
for (const half of ['dev', 'test']) {
  const sample = [...unflagged[half]].sort((a, b) => sampleKey(a.id, a.tag).localeCompare(sampleKey(b.id, b.tag))).slice(0, 40);
  let missed = 0, judged = 0;
  for (const { tag } of sample) {
    const verdict = JUDGED_UNFLAGGED[tag];
    if (!verdict) {
      unjudged.add(`unflagged\t${tag}`);
      continue;
    }
    judged++;
    if (verdict === 'm') missed++;
  }
  // Recall, extrapolated: flagged findings against flagged + (unflagged such tags × share judged missed).
  const flagged = camelFindings[half].length;
  const recall = flagged / (flagged + unflagged[half].length * (missed / judged));
  recallRows.push(`| ${half} | ${unflagged[half].length} | ${judged} | ${missed} | ${fmt(missed / judged)} | ${fmt(recall)} |`);
}
lines.push(
  'What the rule misses: a sample of all-lower-case tags (a run of 5+ letters) that are not dictionary words and were',
  'not flagged, judged by hand ("several words" = a phrase a CamelCase spelling would help):',
  '',
  '| half | such tags | judged | several words (missed) | share | recall, extrapolated |',
  '|---|---|---|---|---|---|',
  ...recallRows,
  '',
);

lines.push('Sampled findings (dev), tag → suggestion:', '');
const devSample = [...camelFindings.dev].sort((a, b) => sampleKey(a.id, a.tag).localeCompare(sampleKey(b.id, b.tag))).slice(0, SAMPLE_PER_HALF);
lines.push(devSample.map((f) => `\`#${f.tag}\` → ${f.suggestion ? `\`#${f.suggestion}\`` : '(none)'}${JUDGED[f.tag] === 'n' ? ' ✗' : JUDGED[f.tag] === 'ys' ? ' (suggestion ✗)' : ''}`).join(', '), '');

// Style maximum and platform caps: is the count right? A sample of flagged posts, read by hand.
lines.push(
  '## Style maximum and platform caps, hand-checked',
  '',
  'These findings follow from the number of hashtags alone, so what can be wrong is the count: twitter-text taking',
  'something for a hashtag that is not one, or missing one. How judged: 30 posts per half over the style maximum',
  '(by a hash of the post id), every extracted hashtag compared with the text.',
  '',
  '| half | posts over the style maximum | judged | count right | precision |',
  '|---|---|---|---|---|',
);
for (const half of ['dev', 'test']) {
  const sample = [...styleSamples[half]].sort((a, b) => sampleKey(a.id).localeCompare(sampleKey(b.id))).slice(0, 30);
  const judged = sample.filter((post) => JUDGED_COUNT[post.id]);
  for (const post of sample) if (!JUDGED_COUNT[post.id]) unjudged.add(`count\t${post.id}\t${post.tags}`);
  const right = judged.filter((post) => JUDGED_COUNT[post.id] === 'y').length;
  lines.push(`| ${half} | ${styleSamples[half].length} | ${judged.length} | ${right} | ${fmt(right / judged.length)} |`);
}
lines.push('', 'Flagged posts (dev), first ten of the sample:', '');
for (const post of [...styleSamples.dev].sort((a, b) => sampleKey(a.id).localeCompare(sampleKey(b.id))).slice(0, 10)) lines.push(`- ${post.count}: ${post.tags}`);

// Timing: create() and checks, with the analysis computed beforehand (the kernel shares it). The word
// lists load on the first lower-case hashtag; their cost is measured in a fresh process.
const loadScript = `const t = performance.now(); const m = await import(${JSON.stringify(join(repoRoot, 'dist/src/text/hashtag-words.js'))}); const d = new m.HashtagDictionary(); const l = performance.now(); m.analyseHashtagWords('customerservice', d); console.log(JSON.stringify({ load: performance.now() - l, importMs: l - t }));`;
const loadRuns = [1, 2, 3].map(() => JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', loadScript], { encoding: 'utf8' })));
const median = (values) => [...values].sort((a, b) => a - b)[1];
lines.push(
  '',
  '## Timing',
  '',
  `create() ${createMs.toFixed(1)} ms. The word lists (about 50,000 words) are read on the first all-lower-case hashtag, not in`,
  `create(): ${median(loadRuns.map((run) => run.load)).toFixed(0)} ms in a fresh process (median of 3; the YAML parser, which the policy loader`,
  `has already loaded in a real run, included). Then ${((checkMs / checked) * 1000).toFixed(1)} µs per post on average over ${checked} posts`,
  `(Node ${process.versions.node}, analysis computed beforehand; load average ${loadavg()[0].toFixed(1)} on this machine while measuring).`,
  '',
);

const report = lines.join('\n');
writeFileSync(join(repoRoot, 'docs/eval/hashtags.md'), report);
console.log(report);
if (unjudged.size > 0) {
  console.error(`\n${unjudged.size} sampled tags have no judgement yet:`);
  for (const line of unjudged) console.error(line);
}
