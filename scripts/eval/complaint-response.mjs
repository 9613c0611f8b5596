// Calibration report for the complaint-response rule.
//
//   npx tsc -p tsconfig.build.json && node scripts/eval/complaint-response.mjs
//
// There is no labelled set of company replies in the eval data. airline-tweets holds customers'
// complaints TO airlines, not the airlines' answers, so it is used only where it is honest to:
// 1. False alarms of the public-data-request check on real text: the check runs over every airline
//    tweet (as if each were a reply). Customers write "what's your number?" to airlines far more
//    often than a company would, so this is a hard test of the request detector. Every finding was
//    read and its verdict recorded in REVIEWED (keyed by id and offset).
// 2. Recall and precision of every check on a SYNTHETIC set of airline-style replies and incident
//    posts written for this script (SYNTHETIC below): good replies, non-apologies, apologies with no
//    next step, public requests for personal data, greeting-only replies, incident posts with and
//    without a next step. Split into halves by id; only the dev half's errors were looked at.
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import rule from '../../dist/rules/complaint-response.js';
import { runRule } from '../../dist/src/rule-tester.js';
import { resolveRuleOptions } from '../../dist/src/rule-options.js';
import { createPost } from '../../dist/src/post.js';
import { fmt, readDataset, repoRoot, splitOf } from './lib.mjs';

const createdAt = performance.now();
const check = await rule.create(resolveRuleOptions(rule, {}).options);
const createTime = performance.now() - createdAt;

const CHECKS = ['apologyRepair', 'ownership', 'publicDataRequests', 'formulaOnly', 'incidentNextStep'];
const ONLY_DATA_REQUESTS = { checks: Object.fromEntries(CHECKS.map((name) => [name, name === 'publicDataRequests'])) };

/** Which check a finding comes from, read from its message. */
function checkOf(message) {
  if (message.startsWith('Asks for personal data')) return 'publicDataRequests';
  if (message.startsWith('A greeting and stock thanks')) return 'formulaOnly';
  if (message.startsWith('Incident post without')) return 'incidentNextStep';
  const found = [];
  if (message.includes('owns nothing') || message.includes('does not own the mistake')) found.push('ownership');
  if (message.includes('Apology without a next step')) found.push('apologyRepair');
  return found;
}
const checksOf = (findings) => new Set(findings.flatMap((finding) => checkOf(finding.message)));

/**
 * Verdicts on the request check's findings over airline-tweets (true = the words, in that tweet,
 * really ask someone to give their own personal data in public). Key: `<record id>@<start>`.
 */
const REVIEWED = {
  'airline-681449087@8': [false, "a customer asking the airline for the airline's own phone number; the same words from an account would be a request for the customer's"],
  'airline-681452770@8': [false, "a customer asking the airline for the airline's own phone number; the same words from an account would be a request for the customer's"],
};

/** [id, category, expected checks ([] = a good post), text]. R = reply, I = incident. */
const R = 'reply';
const I = 'incident';
const SYNTHETIC = [
  // --- good replies and incident posts: nothing to report
  ['cr-01', R, [], "Sorry to hear your bag didn't make it, Sam. DM us your booking reference and we'll chase it with the airport today."],
  ['cr-02', R, [], "We're sorry for the long wait on the phone today. Send us a DM with your confirmation number and we'll rebook you."],
  ['cr-03', R, [], 'Thanks for the kind words, Priya! We will pass them on to the crew. ^AB'],
  ['cr-04', R, [], "That's not the experience we want for you. Please follow and DM us your booking details so we can look into a refund."],
  ['cr-05', R, [], 'Our mistake, Jordan: the seat map showed the wrong layout. We have refunded your seat fee; it should reach you in 5 days.'],
  ['cr-06', R, [], 'Sorry about that! Our team is looking into the wifi issue on that aircraft now. ^KL'],
  ['cr-07', R, [], 'Happy to help! You can change your flight for free in the app under Manage Booking: https://example.com/manage'],
  ['cr-08', R, [], 'Please never share your booking reference publicly. Send it to us by DM and we will check the status.'],
  ['cr-09', R, [], 'We apologise for the mix-up with your meal. We have passed this on to our catering team so it does not happen again.'],
  ['cr-10', R, [], 'Glad you made it home safe, Alex! Enjoy the rest of your weekend.'],
  ['cr-11', I, [], 'We got this wrong: a software update grounded flights from Denver this morning. It is fixed, and we are rebooking everyone affected.'],
  ['cr-12', I, [], 'Flights from Terminal 2 are delayed by up to 2 hours because of a baggage system fault. Engineers are on site; next update at 11:00.'],
  ['cr-13', I, [], 'Our website is down. We are working on it and will post an update here within the hour.'],
  ['cr-14', I, [], "We're sorry for today's outage of the booking site; it was our fault. It is back up, and fees for calls during the outage will be refunded."],
  ['cr-15', I, [], 'Check-in desks in Hall B are closed until 14:00 for a fire alarm. Live updates: https://example.com/status'],
  ['cr-16', R, [], "Hi Dana, we're so sorry the flight was cancelled. We've rebooked you on the 18:05 and sent the details to your e-mail."],
  ['cr-17', R, [], 'That sounds frustrating, sorry Mo. Could you DM us your record locator? We will look at the upgrade.'],
  ['cr-18', R, [], 'Sorry for the trouble! Could you DM us your frequent flyer number so we can add the missing miles?'],
  ['cr-19', R, [], 'Thanks for flagging, Lee. The gate display is fixed now.'],
  ['cr-20', R, [], 'We hear you, and we are sorry. Call our care team on 0800 123 456 and they will arrange the refund.'],
  // --- apology with no repair, next step or channel
  ['cr-30', R, ['apologyRepair'], "We're so sorry about your experience today."],
  ['cr-31', R, ['apologyRepair'], 'Sorry to hear that, Chris. ^JD'],
  ['cr-32', R, ['apologyRepair'], 'Apologies for the delay this morning, we know how frustrating it is.'],
  ['cr-33', R, ['apologyRepair'], 'Oh no, sorry about that!'],
  ['cr-34', R, ['apologyRepair'], 'We apologise for the problems with the app yesterday.'],
  ['cr-35', I, ['apologyRepair'], 'We apologise for the cancellations on the Northern line this evening.'],
  ['cr-36', R, ['apologyRepair'], 'So sorry your luggage was damaged, that is really not good enough.'],
  ['cr-37', R, ['apologyRepair'], "We're really sorry you missed your connection, Jess."],
  // --- non-apologies (own nothing), with or without a next step
  ['cr-40', R, ['ownership', 'apologyRepair'], 'We apologize for any inconvenience this may have caused.'],
  ['cr-41', R, ['ownership'], 'We are sorry you feel that way. Please DM us with more details.'],
  ['cr-42', R, ['ownership'], 'Sorry for any inconvenience! Our team is looking into it.'],
  ['cr-43', R, ['ownership', 'apologyRepair'], 'We regret any inconvenience caused by the delay.'],
  ['cr-44', R, ['ownership', 'apologyRepair'], 'Sorry if you were upset by the announcement.'],
  ['cr-45', I, ['ownership'], 'Sorry to hear about the delays today. Trains are now back to normal.'],
  ['cr-46', I, ['ownership'], 'Mistakes were made in how boarding was handled. We are reviewing the process.'],
  ['cr-47', I, ['ownership', 'apologyRepair'], 'Sorry to everyone caught up in the delays this morning.'],
  // --- public requests for personal data
  ['cr-50', R, ['publicDataRequests'], 'So sorry about that! Can you reply with your account number so we can take a look?'],
  ['cr-51', R, ['publicDataRequests'], "What's your booking reference? We'll check what happened."],
  ['cr-52', R, ['publicDataRequests'], 'Please tweet us your confirmation number and we will get this sorted.'],
  ['cr-53', R, ['publicDataRequests'], "Sorry about the refund delay. Could you send us your email address? We'll chase it."],
  ['cr-54', R, ['publicDataRequests'], 'We need your full name and date of birth to find the booking, thanks!'],
  ['cr-55', R, ['publicDataRequests'], 'Hi Omar, sorry for the wait. Let us know your phone number and an agent will call you back.'],
  ['cr-56', R, ['publicDataRequests'], 'Reply with your email and we will DM you the voucher code.'],
  ['cr-57', R, ['publicDataRequests'], 'Sorry to hear that. Please provide your order number and we will look into it.'],
  ['cr-58', R, ['publicDataRequests'], 'Can you confirm your home address so we can courier the bag?'],
  ['cr-59', R, ['publicDataRequests'], 'We are looking into it. Could you share your frequent flyer number here?'],
  // --- greeting, stock thanks and signature, nothing else
  ['cr-60', R, ['formulaOnly'], 'Hi Sam, thanks for reaching out! ^JD'],
  ['cr-61', R, ['formulaOnly'], 'Thank you for your feedback.'],
  ['cr-62', R, ['formulaOnly'], 'Hello there! We appreciate you getting in touch. Have a great day! -Mia'],
  ['cr-63', R, ['formulaOnly'], '@traveller88 Thanks for letting us know. ^RT'],
  ['cr-64', R, ['formulaOnly'], 'Hey Ana! We hear you. Thanks for your patience 💙 ^CB'],
  ['cr-65', R, ['formulaOnly'], 'Good morning! Thank you for contacting us. Kind regards, Team Skyways'],
  // --- incident posts with neither apology nor next step
  ['cr-70', I, ['incidentNextStep'], 'Our app is currently unavailable.'],
  ['cr-71', I, ['incidentNextStep'], 'Some customers are unable to check in online at the moment.'],
  ['cr-72', I, ['incidentNextStep'], 'All flights from Gatwick are delayed due to air traffic control restrictions.'],
  ['cr-73', I, ['incidentNextStep'], 'Heathrow T5 security queues are long this morning.'],
  ['cr-74', I, ['incidentNextStep'], 'Card payments are failing on the website.'],
];

const unreviewedReplies = [];
/**
 * Written after tuning, on purpose in wording the lexicons may not list, to show where the rule
 * stops; never used for tuning. [id, category, expected checks, text].
 */
const SYNTHETIC_OUTSIDE = [
  ['out-01', R, ['publicDataRequests'], 'Ugh, not ideal! Pop your booking code in a reply and we will check it for you.'],
  ['out-02', R, ['publicDataRequests'], 'Which email did you sign up with? We can reset it from here.'],
  ['out-03', R, ['apologyRepair'], 'Yikes, that should not have happened. Sorry Jo!'],
  ['out-04', R, ['ownership'], 'Sorry you still have doubts about our baby formula. Tests confirm it is safe: https://example.com/update'],
  ['out-05', R, [], 'That one is on us, Kim. A replacement charger is already in the post and should arrive Thursday.'],
  ['out-06', R, ['formulaOnly'], 'Hiya! Cheers for the message 😊 ^LM'],
  ['out-07', I, ['incidentNextStep'], 'Heads up: the 07:45 from Leeds will not run today.'],
  ['out-08', I, [], 'Ovens at our Bristol bakery failed overnight, so no fresh bread there until noon. Other stores are unaffected.'],
  ['out-09', R, [], 'We have checked with the kitchen team and they will contact you tomorrow with the allergen sheet.'],
  ['out-10', R, ['publicDataRequests'], 'So sorry! Drop your account email below and our team will sort a refund.'],
];

const lines = [];
const say = (line = '') => lines.push(line);
say('# complaint-response: measured');
say();
say('Generated by `node scripts/eval/complaint-response.mjs`.');
say();

// --- 1. The request check on real customer tweets ---------------------------------------------------
say('## Public-data-request check on real text (airline-tweets)');
say();
const tweets = readDataset('airline-tweets');
const counts = { dev: [0, 0], test: [0, 0] };
const requestFindings = [];
const wholeRuleChecks = new Map();
for (const record of tweets) {
  const half = splitOf(record);
  const { findings } = await runRule(rule, record.text, ONLY_DATA_REQUESTS, { category: 'reply' });
  counts[half][0]++;
  if (findings.length > 0) counts[half][1]++;
  for (const finding of findings) requestFindings.push({ record, finding, half });
  // For information only: what the whole rule says about a customer's complaint read as a reply.
  const all = await runRule(rule, record.text, {}, { category: 'reply' });
  for (const name of checksOf(all.findings)) wholeRuleChecks.set(name, (wholeRuleChecks.get(name) ?? 0) + 1);
}
say('Each customer tweet is checked as if it were a reply (`category: reply`), with only the `publicDataRequests` check on.');
say();
say('| half | tweets | flagged | flag rate |');
say('|---|---|---|---|');
for (const half of ['dev', 'test']) say(`| ${half} | ${counts[half][0]} | ${counts[half][1]} | ${((counts[half][1] * 100) / counts[half][0]).toFixed(2)}% |`);
say();
let right = 0;
let reviewed = 0;
const reviewLines = [];
const unreviewed = [];
for (const { record, finding, half } of requestFindings) {
  const key = `${record.id}@${finding.start}`;
  const verdict = REVIEWED[key];
  const where = `${key} (${half}): "${record.text.slice(finding.start, finding.end)}" — "${record.text.replace(/\s+/g, ' ').slice(0, 150)}"`;
  if (!verdict) {
    unreviewed.push(`- ${where}`);
    continue;
  }
  reviewed++;
  if (verdict[0]) right++;
  reviewLines.push(`- ${verdict[0] ? 'a request for the reader\'s data' : '**not one**'}: ${where} — ${verdict[1]}`);
}
say(`Every finding was read. **${right}/${reviewed}${reviewed ? ` = ${fmt(right / reviewed)}` : ''}** are what the check means: words asking the person addressed`);
say('to give *their own* personal data in public. The rest are false alarms of the detector — mostly a customer asking the');
say("airline for the airline's own number — which a company's reply would rarely contain, but they show where the wording");
say('overlaps.' + (unreviewed.length ? ` **${unreviewed.length} findings NOT YET REVIEWED** (listed last).` : ''));
say();
for (const line of reviewLines) say(line);
say();
say('For information only (not a precision figure: these are complaints, not replies), posts the whole rule flags when each');
say('customer tweet is read as a reply, by check: ' + CHECKS.map((name) => `${name} ${wholeRuleChecks.get(name) ?? 0}`).join(', ') + ` (of ${tweets.length}).`);
say();

// --- 1b. Real brand replies -------------------------------------------------------------------------
say('## Real brand replies (corporate-messaging, Dialogue)');
say();
const dialogue = readDataset('corporate-messaging').filter((record) => record.label === 'Dialogue' && record.text.trimStart().startsWith('@'));
say(`The closest thing to real company replies in the eval data: the ${dialogue.length} tweets of corporate-messaging labelled`);
say('*Dialogue* that start with an @mention (brands answering people: thanks, product-safety answers, "looking into it").');
say('Each is checked as `category: reply` with every check on; every finding was read.');
say();
const REVIEWED_REPLIES = {
  'corp-662824150@72': [false, 'the reply says the customer "has been refunded", a repair already made; the rule missed that wording (dev half; "you have been refunded" was then added to the next steps)'],
  'corp-677277990@0': [false, 'a thank-you to a partner who shared good news, not an answer to a complaint; "thanks for sharing" is stock wording but nothing more was needed'],
};
const replyFlags = { dev: [0, 0], test: [0, 0] };
const replyLines = [];
let repliesRight = 0;
let repliesReviewed = 0;
for (const record of dialogue) {
  const half = splitOf(record);
  const { findings } = await runRule(rule, record.text, {}, { category: 'reply' });
  replyFlags[half][0]++;
  if (findings.length > 0) replyFlags[half][1]++;
  for (const finding of findings) {
    const key = `${record.id}@${finding.start}`;
    const verdict = REVIEWED_REPLIES[key];
    const where = `${key} (${half}) — ${finding.message} — "${record.text.replace(/\s+/g, ' ')}"`;
    if (!verdict) {
      unreviewedReplies.push(`- ${where}`);
      continue;
    }
    repliesReviewed++;
    if (verdict[0]) repliesRight++;
    replyLines.push(`- ${verdict[0] ? 'right' : '**wrong**'}: ${where} — ${verdict[1]}`);
  }
}
say('| half | replies | flagged |');
say('|---|---|---|');
for (const half of ['dev', 'test']) say(`| ${half} | ${replyFlags[half][0]} | ${replyFlags[half][1]} |`);
say();
say(`**Hand-checked precision: ${repliesRight}/${repliesReviewed}${repliesReviewed ? ` = ${fmt(repliesRight / repliesReviewed)}` : ''}**. A finding is right when a customer-care`);
say('lead would ask for the reply to be rewritten for the reason the finding gives.' + (unreviewedReplies.length ? ` **${unreviewedReplies.length} NOT YET REVIEWED** (listed last).` : ''));
say();
for (const line of replyLines) say(line);
say();
say('Before tuning, one dev reply was also flagged wrongly: "… you have been refunded by ShopperApp. We are sorry that you were');
say('inconvenienced" (corp-662824150) — a repair already made, in wording the next-step lexicon then lacked; "you have been');
say('refunded" was added. Reading all 80 replies for what the rule should report found one more: "Sorry you still have doubts');
say('about our … infant formula" (corp-662824006, test), a sorry-for-your-feelings non-apology in wording the lexicon does not');
say('list, which the rule misses.');
say();

// --- 2. Synthetic replies ---------------------------------------------------------------------------
say('## Synthetic airline-style replies and incident posts');
say();
say(`**Synthetic data**: ${SYNTHETIC.length} replies and incident posts written for this script in the style of airline and transit`);
say('customer-care accounts, each labelled with the checks that should report it (none for a good post). The numbers below');
say("measure what the rule was designed to catch, on text written by the rule's author; they are not a measurement on");
say('real replies. Split into halves by id; only the dev half was looked at while tuning.');
say();
say('| half | check | posts that should be reported | reported (recall) | reported on other posts | precision |');
say('|---|---|---|---|---|---|');
const devErrors = [];
for (const half of ['dev', 'test']) {
  const results = [];
  for (const [id, category, expected, text] of SYNTHETIC.filter(([id]) => splitOf({ id }) === half)) {
    const { findings } = await runRule(rule, text, {}, { category });
    const got = checksOf(findings);
    results.push({ expected: new Set(expected), got });
    const same = got.size === expected.length && expected.every((name) => got.has(name));
    if (!same && half === 'dev') devErrors.push(`- ${id} (${category}) expected ${expected.join(', ') || 'nothing'}, got ${[...got].join(', ') || 'nothing'}: ${text}`);
  }
  for (const name of CHECKS) {
    const positives = results.filter((result) => result.expected.has(name));
    const found = positives.filter((result) => result.got.has(name)).length;
    const falseReports = results.filter((result) => !result.expected.has(name) && result.got.has(name)).length;
    say(`| ${half} | ${name} | ${positives.length} | ${found} (${fmt(found / positives.length)}) | ${falseReports} | ${fmt(found / (found + falseReports))} |`);
  }
  const good = results.filter((result) => result.expected.size === 0);
  const passed = good.filter((result) => result.got.size === 0).length;
  say(`| ${half} | good posts (should pass) | ${good.length} | ${passed} passed (${fmt(passed / good.length)}) | | |`);
}
say();
if (devErrors.length) {
  say('Dev-half posts the rule gets wrong:');
  say();
  for (const line of devErrors) say(line);
  say();
}

let outsideRight = 0;
const outsideMisses = [];
for (const [id, category, expected, text] of SYNTHETIC_OUTSIDE) {
  const got = checksOf((await runRule(rule, text, {}, { category })).findings);
  if (got.size === expected.length && expected.every((name) => got.has(name))) outsideRight++;
  else outsideMisses.push(`- ${id} (${category}) expected ${expected.join(', ') || 'nothing'}, got ${[...got].join(', ') || 'nothing'}: ${text}`);
}
say(`Posts written after tuning in wording outside the lexicons on purpose (${SYNTHETIC_OUTSIDE.length}, synthetic, never tuned on):`);
say(`**${outsideRight}/${SYNTHETIC_OUTSIDE.length}** get exactly the expected checks. Wrong:`);
say();
for (const line of outsideMisses) say(line);
say();

// --- 3. Speed ---------------------------------------------------------------------------------------
const posts = tweets.map((record) => createPost({ file: '<eval>', index: 0, text: record.text, meta: { category: 'reply' } }));
for (const post of posts) void post.analysis.words, void post.analysis.sentences, void post.analysis.urls;
const started = performance.now();
for (const post of posts) check(post, { report() {}, metric() {} });
const checkTime = performance.now() - started;
say('## Speed');
say();
say(`First create() ${createTime.toFixed(0)} ms (tone-amends, tone-non-apology and the complaint lexicons, stemmer); check`);
say(`${((checkTime * 1000) / posts.length).toFixed(1)} µs per post over ${posts.length} airline tweets read as replies, analysis already computed`);
say(`(Node ${process.version}). The machine's load average was ${loadavg()[0].toFixed(1)} on ${cpus().length} cores, shared with other work: times are upper bounds.`);
if (unreviewed.length || unreviewedReplies.length) {
  say();
  say('## Not yet reviewed');
  say();
  for (const line of [...unreviewed, ...unreviewedReplies]) say(line);
}

const report = lines.join('\n') + '\n';
writeFileSync(join(repoRoot, 'docs', 'eval', 'complaint-response.md'), report);
console.log(report);
