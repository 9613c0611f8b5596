/**
 * Focused tests for the `tone` rule: each facet, where findings point, genuine apologies, the
 * options, and the tone metric. The rule's documented examples run in rule-examples.test.ts.
 */
import { describe, expect, it } from 'vitest';
import tone, { type ToneOptions } from '../../rules/tone.js';
import { resolveRuleOptions } from '../../src/rule-options.js';
import { runRule } from '../../src/rule-tester.js';
import { RuleOptionError } from '../../src/types.js';

async function lint(text: string, options: Record<string, unknown> = {}) {
  const { findings, metrics } = await runRule(tone, text, options);
  return {
    score: metrics.tone,
    findings: findings.map((finding) => ({ ...finding, words: text.slice(finding.start, finding.end) })),
  };
}

const messages = async (text: string, options?: Record<string, unknown>) => (await lint(text, options)).findings.map((f) => f.message);
const hostileMessages = async (text: string, options?: Record<string, unknown>) =>
  (await messages(text, options)).filter((message) => message.startsWith('Hostile wording'));

/** Resolves options the way the policy loader does, then calls create() directly. */
function createWith(options: Record<string, unknown>) {
  const { options: resolved, problems } = resolveRuleOptions(tone, options);
  expect(problems).toEqual([]);
  return tone.create(resolved as unknown as ToneOptions);
}

describe('tone: facets', () => {
  it('flags hostile wording at the exact words, with the lexicon group and its reason', async () => {
    const { findings } = await lint('Honestly, only an idiot would miss the deadline.');
    expect(findings).toHaveLength(1);
    expect(findings[0].words).toBe('idiot');
    expect(findings[0].message).toBe('Hostile wording (insults): "idiot"');
    expect(findings[0].reason).toMatch(/screenshots travel/);
  });

  it('flags profanity, contempt and sarcasm as hostile', async () => {
    expect(await messages('This is bullshit.')).toEqual(['Hostile wording (profanity): "bullshit"']);
    expect((await lint("That's not our problem.")).findings[0].words).toBe("That's not our problem");
    expect((await lint('Thanks for nothing, really.')).findings[0].message).toMatch(/^Hostile wording \(sarcasm\)/);
    expect((await lint("We're gonna destroy you.")).findings[0].message).toMatch(/^Hostile wording \(threats\)/);
  });

  it('flags lecturing and blaming the reader', async () => {
    expect((await lint('If you had read our FAQ you would know refunds take 10 days.')).findings.map((f) => f.words)).toEqual([
      'If you had read',
    ]);
    expect((await lint('Please do your own research before you tweet at us.')).findings[0].message).toMatch(/^Lecturing the reader/);
    expect((await lint('As we have already stated, the sale is over.')).findings[0].words).toBe('As we have already stated');
  });

  it('flags defensive excuses', async () => {
    const { findings } = await lint('The outage was caused by circumstances beyond our control and was not our fault.');
    expect(findings.map((f) => [f.message.split(' (')[0], f.words])).toEqual([
      ['Defensive excuse', 'circumstances beyond our control'],
      ['Defensive excuse', 'not our fault'],
    ]);
  });

  it('flags non-apologies', async () => {
    for (const [text, words] of [
      ["We're sorry if anyone was offended by our ad.", 'sorry if anyone was offended'],
      ["We're sorry you feel that way.", 'sorry you feel that way'],
      ['Mistakes were made.', 'Mistakes were made'],
      ['We regret any inconvenience.', 'regret any inconvenience'],
      ['We apologise if some customers were confused by the new prices.', 'apologise if some customers were confused'],
    ]) {
      const { findings } = await lint(text);
      expect(findings.map((f) => [f.message.split(' (')[0], f.words]), text).toContainEqual(['Non-apology', words]);
    }
  });

  it('flags shouting: ALL-CAPS runs and "!!!", but not acronyms or headings', async () => {
    const { findings } = await lint('DO NOT MISS OUR SALE!!! Details from the FAQ at NASA HQ.');
    expect(findings.map((f) => f.words)).toEqual(['DO NOT MISS OUR SALE', '!!!']);
    expect(findings[1].suggestion).toBe('!');
    expect(await messages('UPDATE FROM THE MAYOR: the library reopens on Monday.')).toEqual([]);
    expect(await messages('Great to see you!!')).toEqual([]);
    expect((await lint('I AM SO ANGRY')).findings.map((f) => f.words)).toContain('I AM SO ANGRY');
  });
});

describe('tone: phrase matching', () => {
  it('tolerates inflection, contractions, case and whitespace', async () => {
    expect((await lint('We APOLOGISED if anybody   felt\toffended.')).findings[0].words).toBe('APOLOGISED if anybody   felt\toffended');
    expect((await lint("We're not responsible for any delays.")).findings[0].words).toBe("We're not responsible");
    expect((await lint('It wasn\u2019t our fault.')).findings[0].words).toBe('wasn\u2019t our fault');
  });

  it('matches whole words only', async () => {
    expect(await messages('Classic assortment of passes for the whole class.')).toEqual([]);
  });

  it('does not match across a comma or a sentence break', async () => {
    expect(await messages('Without you, people would go hungry.')).toEqual([]);
    expect(await messages('Thank you. People like you make this city great.')).toEqual([]);
    expect(await messages('Thank you people for coming!')).toEqual([]);
    expect(await messages('Honestly, you people never read.', { minScore: -1 })).toEqual(['Hostile wording (contempt): "you people"']);
  });

  it('does not take reassurance for blame, or a mid-sentence name for an insult', async () => {
    expect(await messages("It's not your fault if the app signed you out.")).toEqual([]);
    expect(await hostileMessages('Read the analysis from The Motley Fool.')).toEqual([]);
    expect(await hostileMessages('Economist Michael Dicks says rates will rise.')).toEqual([]);
    expect(await hostileMessages('Sometimes dicks like you just need to hear it.')).toEqual(['Hostile wording (profanity): "dicks"']);
  });
});

describe('tone: genuine apologies pass', () => {
  const apologies = [
    "We got this wrong. Yesterday's update deleted some of your saved drafts, and we're sorry. We've restored every draft and added a check so it can't happen again.",
    "We're sorry for the outage this morning. It was our mistake: a bad config change took payments offline for 40 minutes. We've rolled it back and are adding safeguards so this doesn't happen again.",
    'We messed up. Our ad used a stereotype that hurt people, and we have taken it down. We apologise, and we are reviewing how campaigns are approved.',
    'Our apologies to everyone whose train was cancelled last night. The failure was ours. Refunds are automatic and will reach you within 5 days.',
    'Data breach: we failed to protect your information and we are deeply sorry. We are contacting every affected customer and offering free credit monitoring.',
    "I'm sorry. I was wrong to say that, and I've deleted the post.",
  ];
  it.each(apologies)('%s', async (text) => {
    const { findings, score } = await lint(text);
    expect(findings).toEqual([]);
    expect(score).toBeGreaterThan(0);
  });

  it('scores an apology that owns the mistake above the same story told without owning it', async () => {
    const owned = await lint("We got it wrong: a bug deleted some drafts. We're sorry. We've restored them all.");
    const unowned = await lint('A bug deleted some drafts. They have been restored.');
    expect(owned.score).toBeGreaterThan(unowned.score);
  });

  it('does not let a non-apology count as making amends', async () => {
    const { findings } = await lint("We're sorry if anyone was offended. We've removed the ad.");
    expect(findings.map((f) => f.message)).toContainEqual(expect.stringMatching(/^Non-apology/));
  });
});

describe('tone: score', () => {
  it('reports the tone metric on every post, within −1…+1, warm above neutral above hostile', async () => {
    const warm = await lint('Thank you so much to our amazing volunteers, you made the day wonderful!');
    const neutral = await lint('The library opens at 9am on weekdays.');
    const hostile = await lint('You idiots are pathetic, shut up and stop whining.');
    const empty = await lint('');
    for (const { score } of [warm, neutral, hostile, empty]) {
      expect(score).toBeGreaterThanOrEqual(-1);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(warm.score).toBeGreaterThan(0.5);
    expect(hostile.score).toBeLessThan(-0.5);
    expect(warm.score).toBeGreaterThan(neutral.score);
    expect(neutral.score).toBeGreaterThan(hostile.score);
    expect(empty.score).toBe(0);
  });

  it('counts idioms the sentiment lexicons misread', async () => {
    expect((await lint('No problem at all, happy to help.')).score).toBeGreaterThan(0);
    expect((await lint('The food was average at best.')).score).toBeLessThan(0);
  });

  it('does not count hard subjects as a hostile voice', async () => {
    expect(await messages('Road closed: a crash on Route 9 has closed both lanes near exit 12. Use Route 2.')).toEqual([]);
    expect(await messages('Our thoughts are with everyone affected by the floods.')).toEqual([]);
  });

  it('reads "the stop" in a service update as a place, not a command', async () => {
    expect((await lint('The stop at Elm Street has moved 50 m north while the road is resurfaced.')).score).toBe(0);
    expect((await lint('Stop lying to your customers.')).score).toBeLessThan(-0.5);
  });

  it('fails a post below minScore, pointing at its most negative sentence', async () => {
    const text = 'We opened the new park today. What an awful, miserable, horrible week it has been.';
    const { findings, score } = await lint(text);
    expect(score).toBeLessThan(-0.7);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^Tone score -0\.\d\d is below the minimum -0\.7/);
    expect(findings[0].words).toBe('What an awful, miserable, horrible week it has been.');
    expect(await messages(text, { minScore: -1 })).toEqual([]);
  });
});

describe('tone: options', () => {
  it('switches each facet off', async () => {
    const cases: Array<[string, string]> = [
      ['hostile', 'Only an idiot would miss it.'],
      ['lecturing', 'Do your research first.'],
      ['defensive', 'That was beyond our control.'],
      ['nonApology', 'Mistakes were made.'],
      ['shouting', 'BIG NEWS TODAY everyone'],
    ];
    for (const [facet, text] of cases) {
      expect((await messages(text)).length, `${facet} on`).toBeGreaterThan(0);
      expect(await messages(text, { facets: { [facet]: false }, minScore: -1 }), `${facet} off`).toEqual([]);
    }
  });

  it('leaves a switched-off facet out of the score', async () => {
    const text = 'If you had read our FAQ you would know.';
    expect((await lint(text)).score).toBeLessThan(-0.5);
    expect((await lint(text, { facets: { lecturing: false } })).score).toBe(0);
  });

  it('adds extra phrases per facet, with the same inflection tolerance', async () => {
    const options = { extraPhrases: { hostile: ['hater'], defensive: ['(blame|blames|blamed) the weather'] } };
    const { findings } = await lint('Haters gonna hate. The airport blamed the weather.', options);
    expect(findings.map((f) => [f.message, f.words])).toEqual([
      ['Hostile wording (added by the policy): "Haters"', 'Haters'],
      ['Defensive excuse (added by the policy): "blamed the weather"', 'blamed the weather'],
    ]);
    expect(findings[0].reason).toMatch(/hostile|sarcastic/i);
    expect(await hostileMessages('Haters gonna hate.')).toEqual([]);
  });

  it('drops findings that overlap an ignored phrase', async () => {
    const text = 'Try the kick-ass burrito this Friday.';
    expect(await messages(text)).toEqual(['Hostile wording (profanity): "ass"']);
    expect(await messages(text, { ignorePhrases: ['kick-ass burrito'] })).toEqual([]);
  });

  it('sets what counts as shouting', async () => {
    expect(await messages('BIG NEWS today!!')).toEqual([]);
    expect(await messages('BIG NEWS today!!', { shouting: { minCapsWords: 2, minExclamations: 2 } })).toEqual([
      'Shouting: "BIG NEWS" is in capitals',
      'Shouting: "!!"',
    ]);
  });

  it('rejects options the schema does not allow', async () => {
    await expect(runRule(tone, 'x', { minScore: 2 })).rejects.toThrow(/minScore/);
    await expect(runRule(tone, 'x', { facets: { sarcasm: false } })).rejects.toThrow(/unknown option "sarcasm"/);
    await expect(runRule(tone, 'x', { extraPhrases: { hostile: [''] } })).rejects.toThrow(/extraPhrases/);
    await expect(runRule(tone, 'x', { tone: true })).rejects.toThrow(/unknown option "tone"/);
  });

  it('rejects phrases that cannot be compiled or contradict each other, with the path of the phrase', async () => {
    const cases: Array<[Record<string, unknown>, Array<string | number>, RegExp]> = [
      [{ extraPhrases: { lecturing: ['fine', '(read|check the faq'] } }, ['extraPhrases', 'lecturing', 1], /unbalanced/],
      [{ extraPhrases: { hostile: ['a (b|) c'] } }, ['extraPhrases', 'hostile', 0], /empty alternative/],
      [{ extraPhrases: { hostile: ['loser', 'moron(s|ic)'] } }, ['extraPhrases', 'hostile', 1], /glued to a word/],
      [{ extraPhrases: { defensive: ['!!!'] } }, ['extraPhrases', 'defensive', 0], /no words/],
      [{ extraPhrases: { nonApology: ['[maybe|perhaps]'] } }, ['extraPhrases', 'nonApology', 0], /no words/],
      [{ ignorePhrases: ['[x]'] }, ['ignorePhrases', 0], /no words/],
      [{ facets: { lecturing: false }, extraPhrases: { lecturing: ['(rtfm'] } }, ['extraPhrases', 'lecturing', 0], /unbalanced/],
      [{ extraPhrases: { hostile: ['meh', 'Darn  it'] }, ignorePhrases: ['darn it'] }, ['extraPhrases', 'hostile', 1], /also in ignorePhrases\[0\]/],
    ];
    for (const [options, path, message] of cases) {
      let thrown: unknown;
      try {
        await createWith(options);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(options)).toBeInstanceOf(RuleOptionError);
      expect((thrown as RuleOptionError).path).toEqual(path);
      expect((thrown as RuleOptionError).message).toMatch(message);
    }
  });
});
