import { describe, expect, it } from 'vitest';
import rule from '../../rules/value-added.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import type { PostMeta } from '../../src/types.js';

const METRIC = 'value-added';

async function scoreOf(text: string, options: Record<string, unknown> = {}, meta: PostMeta = {}) {
  return (await runRule(rule, text, options, meta)).metrics[METRIC];
}

/** The finding's reason with minScore 1, so that what the rule found is always reported. */
async function reasonOf(text: string, options: Record<string, unknown> = {}, meta: PostMeta = {}) {
  const { findings } = await runRule(rule, text, { ...options, minScore: 1 }, meta);
  expect(findings).toHaveLength(1);
  return findings[0].reason ?? '';
}

async function onlyFinding(text: string, options: Record<string, unknown> = {}, meta: PostMeta = {}) {
  const { findings } = await runRule(rule, text, options, meta);
  expect(findings).toHaveLength(1);
  return findings[0];
}

async function passes(text: string, options: Record<string, unknown> = {}, meta: PostMeta = {}) {
  return (await runRule(rule, text, options, meta)).findings.length === 0;
}

describe('value-added', () => {
  it('passes and fails its documented examples', async () => {
    expect(await verifyRuleExamples(rule)).toEqual([]);
  });

  describe('kinds of value', () => {
    const cases: Array<[name: string, text: string, kindLine: RegExp]> = [
      ['a time', 'The pool opens at 7:30 am.', /- concrete information .*time "7:30 am"/],
      ['a date', 'The council meets on 14 March.', /- concrete information .*date or day "14 March"/],
      ['a quantity with a unit', 'The new cycle path is 4.5 km long.', /- concrete information .*amount or quantity "4.5 km"/],
      ['a contact route', 'Questions? Call our helpline on 0300 123 4567.', /- concrete information .*contact route/],
      ['an address', 'The clinic has moved to 12 Mill Lane.', /- concrete information .*place or address .*"12 Mill Lane"/],
      ['a how-to', 'How to register to vote in three minutes.', /- how-to, tip or step .*how-to "How to"/],
      ['a tip that opens a sentence', 'Wash your hands before cooking.', /- how-to, tip or step .*practical instruction "Wash"/],
      ['numbered steps', 'Renewing online:\n1. sign in\n2. choose Renew', /- how-to, tip or step .*steps/],
      ['a question and its answer', 'Q: Can I bring my dog? A: Yes, on a lead.', /- answer .*question answered/],
      ['a service status', 'Line 4 trains are delayed after a signal fault.', /- service update .*service status "delayed"/],
      ['a recall', 'We have recalled batch 42 of our baby formula.', /- service update .*service status "recalled"/],
      ['a link to a public body', 'Guidance: https://www.gov.uk/flu-vaccine', /- information link .*information page/],
      ['a link to a help page', 'Details: https://example.com/help/passwords', /- information link .*information page/],
      ['thanks to a named team', 'Thank you to the Parks Team for clearing the paths.', /- thanks or recognition .*named recipient.*the work named|- thanks or recognition .*the work named.*named recipient/],
    ];
    it.each(cases)('finds %s', async (_name, text, kindLine) => {
      expect(await reasonOf(text)).toMatch(kindLine);
    });

    it('lets each of them carry a post on its own', async () => {
      for (const [, text] of cases) expect(await passes(text), text).toBe(true);
    });

    it('reads a shop link as no value and names it', async () => {
      const reason = await reasonOf('New in: https://example.com/shop/spring-jackets');
      expect(reason).toContain('Shop links, which add no value: "https://example.com/shop/spring-jackets"');
      expect(reason).not.toMatch(/^- information link/m);
      expect(await scoreOf('New in: https://example.com/shop/spring-jackets')).toBe(0);
    });

    it('counts a link whose address says nothing only a little', async () => {
      const reason = await reasonOf('Our annual report: https://t.co/abc123');
      expect(reason).toMatch(/- information link \(0\.20\): link to more/);
      // Several such links are one piece of evidence, not five.
      expect(await scoreOf('https://t.co/a https://t.co/b https://t.co/c')).toBeCloseTo(0.2, 5);
    });

    it('gives a bare thank-you less than one that names whom and what for', async () => {
      const bare = await scoreOf('Thanks!');
      const named = await scoreOf('Thanks to the night crew!');
      const full = await scoreOf('Thanks to the night crew for clearing the snow from every platform!');
      expect(bare).toBeLessThan(named);
      expect(named).toBeLessThan(full);
      expect(await passes('Thanks!')).toBe(false);
    });

    it('takes capitalised words in mid-sentence as names, but not headline words or the first word', async () => {
      expect(await reasonOf('We met Maria Lopez in Leeds.')).toMatch(/named people, places or organisations "Maria Lopez", "Leeds"/);
      expect(await reasonOf('Leeds is lovely in May.')).not.toMatch(/named people/);
      expect(await reasonOf('Note: Parking is free after 6 pm.')).not.toMatch(/named people/);
    });

    it('does not read numbers inside links, handles or HTML entities', async () => {
      expect(await reasonOf('I&#39;m here https://t.co/2013x @user2024')).not.toMatch(/figure|year/);
    });

    it('reads words of a stem family apart where they differ ("Citi" is not a city, "weekly" a frequency)', async () => {
      expect(await reasonOf('Citi helps small firms.')).not.toMatch(/place or address/);
      expect(await reasonOf('A long week ahead for all of us here.')).not.toMatch(/date or day/);
    });
  });

  describe('hype, clickbait and bait', () => {
    const plain = 'The library opens at 9 am on Monday.';

    it('lowers the score of a post that has value', async () => {
      const hyped = 'The library opens at 9 am on Monday. You won\'t believe it!!!';
      expect(await scoreOf(hyped)).toBeLessThan(await scoreOf(plain));
      expect(await reasonOf(hyped)).toMatch(/- clickbait "You won't believe"/);
    });

    it('adds up stacked superlatives and hype words', async () => {
      const one = await scoreOf(`${plain} Amazing.`);
      const three = await scoreOf(`${plain} Amazing, incredible, the best ever.`);
      expect(three).toBeLessThan(one);
      expect(one).toBeLessThan(await scoreOf(plain));
    });

    it('never lifts the penalty above its maximum, so value still shows', async () => {
      const piled = `${plain} Stay tuned! Watch this space! Exciting things coming! You won't believe it! Mind-blowing!`;
      expect(await scoreOf(piled)).toBeGreaterThan(0);
    });

    it('halves the detail inside a bait sentence', async () => {
      const reason = await reasonOf('Congratulations! You have won a £1,000 prize. Call 09061234567 now to claim.');
      expect(reason).toMatch(/- prize or money bait/);
      expect(await passes('Congratulations! You have won a £1,000 prize. Call 09061234567 now to claim.')).toBe(false);
    });

    it('treats the mechanics of SMS spam as bait', async () => {
      expect(await reasonOf('Txt WIN to 80082 now, 150p/msg.')).toMatch(/premium-rate bait/);
    });

    it('counts a call to action as a small cost', async () => {
      expect(await scoreOf('The library opens at 9 am on Monday. Learn more at our site.')).toBeLessThan(await scoreOf('The library opens at 9 am on Monday. More at our site.'));
    });
  });

  describe('the "Stay tuned" case', () => {
    it('fails a teaser with nothing in it, naming the hype', async () => {
      const text = 'Exciting things coming! Stay tuned!';
      const finding = await onlyFinding(text);
      expect(finding.message).toMatch(/^Nothing here for the reader \(score 0\.00, minimum 0\.2\)/);
      expect(finding.message).toContain('"Exciting things", "Stay tuned"');
      expect(finding.reason).toContain('No value found.');
      expect(finding.reason).toMatch(/- vague teaser or slogan "Exciting things", "Stay tuned": promises something/);
      expect(text.slice(finding.start, finding.end)).toBe('Exciting things coming! Stay tuned');
    });

    it('lets a teaser through when the post also says what, when and where', async () => {
      expect(await passes('Stay tuned: the new library opens on Monday 3 June at 9 am on Hill Street.')).toBe(true);
    });

    it('spans the whole trimmed post when nothing but emptiness is the problem', async () => {
      const text = '  Our values guide everything we do  ';
      const finding = await onlyFinding(text);
      expect(text.slice(finding.start, finding.end)).toBe('Our values guide everything we do');
    });

    it('keeps offsets in UTF-16 units after emoji', async () => {
      const text = '🎉🎉 Big news coming soon!';
      const finding = await onlyFinding(text);
      expect(text.slice(finding.start, finding.end)).toBe('Big news coming soon');
    });
  });

  describe('replies', () => {
    const answer = '@sam_k Yes, you can renew it at any branch.';

    it('counts an answer in a post that opens with a mention', async () => {
      expect(await reasonOf(answer)).toMatch(/- answer .*answer to the reader/);
    });

    it('does not take the same words for an answer in a broadcast post, or with repliesByMention off', async () => {
      expect(await reasonOf('Yes, you can renew it at any branch.')).not.toMatch(/- answer/);
      expect(await reasonOf(answer, { repliesByMention: false })).not.toMatch(/- answer/);
      expect(await reasonOf('Yes, you can renew it at any branch.', { exemptCategories: [] }, { category: 'reply' })).toMatch(/- answer/);
    });

    it('scores replies but exempts them from findings by default', async () => {
      const { findings, metrics } = await runRule(rule, '@sam_k Ha, love it!', {}, { category: 'reply' });
      expect(findings).toEqual([]);
      expect(metrics[METRIC]).toBeLessThan(0.2);
      expect((await runRule(rule, '@sam_k Ha, love it!', { exemptCategories: [] }, { category: 'reply' })).findings).toHaveLength(1);
      expect((await runRule(rule, 'Big news soon!', { exemptCategories: ['promotional'] }, { category: 'promotional' })).findings).toEqual([]);
    });

    it('takes the person replied to as the one thanked', async () => {
      expect(await reasonOf('@maria Thanks for the photos of the clean-up!')).toMatch(/named recipient "@maria"/);
    });
  });

  describe('options', () => {
    it('fails a post below a stricter minScore', async () => {
      const text = 'Our annual report is out: https://t.co/abc123';
      expect(await passes(text)).toBe(true);
      expect(await passes(text, { minScore: 0.5 })).toBe(false);
      expect(await passes('Stay tuned!', { minScore: 0 })).toBe(true);
    });

    it('adds the team\'s own value cues per kind', async () => {
      expect(await passes('The shuttle is running.')).toBe(true);
      expect(await passes('Zumba is back.')).toBe(false);
      const options = { extraValueCues: { serviceUpdate: ['(zumba|pilates) is back'] } };
      expect(await passes('Zumba is back.', options)).toBe(true);
      expect(await reasonOf('Zumba is back.', options)).toMatch(/- service update \(0\.50\): policy cue "Zumba is back"/);
    });

    it('adds the team\'s own hype cues', async () => {
      const text = 'Banking, reimagined. Our Hill Street branch opens on Monday.';
      const options = { extraHypeCues: ['banking, reimagined'] };
      expect(await scoreOf(text, options)).toBeLessThan(await scoreOf(text));
      expect(await reasonOf(text, options)).toMatch(/policy hype cue "Banking, reimagined"/);
    });

    it('ignores phrases the policy names', async () => {
      const text = 'Amazing Grace is sung at the 6 pm service on Sunday.';
      expect(await reasonOf(text)).toMatch(/hype word "Amazing"/);
      expect(await reasonOf(text, { ignorePhrases: ['Amazing Grace'] })).not.toMatch(/Hype and bait/);
    });

    it('classifies links to the team\'s own domains', async () => {
      const status = 'Everything is here: https://app.example.net/incidents/42';
      expect(await reasonOf(status)).toMatch(/link to more/);
      expect(await reasonOf(status, { informationDomains: ['app.example.net'] })).toMatch(/information page/);
      const store = 'Everything is here: https://example.net/spring/guide';
      expect(await reasonOf(store)).toMatch(/information page/);
      expect(await reasonOf(store, { shopDomains: ['example.net/spring'] })).toMatch(/Shop links/);
    });

    it('rejects what the schema cannot', async () => {
      await expect(runRule(rule, 'x', { minScore: 2 })).rejects.toThrow(/minScore/);
      await expect(runRule(rule, 'x', { minscore: 0.3 })).rejects.toThrow(/unknown option "minscore"/);
      await expect(runRule(rule, 'x', { exemptCategories: ['replies'] })).rejects.toThrow(/must be one of/);
      await expect(runRule(rule, 'x', { extraValueCues: { tips: ['x'] } })).rejects.toThrow(/unknown option "tips"/);
    });

    it('rejects options the schema cannot express, at their path', async () => {
      const rejects = (options: Record<string, unknown>, path: Array<string | number>, message: RegExp) =>
        expect(runRule(rule, 'x', options)).rejects.toMatchObject({ name: 'RuleOptionError', path, message: expect.stringMatching(message) });
      await rejects({ extraHypeCues: ['(big|huge news'] }, ['extraHypeCues', 0], /unbalanced/);
      await rejects({ extraValueCues: { howTo: ['ok', 'apolog(y|ies)'] } }, ['extraValueCues', 'howTo', 1], /whole words/);
      await rejects({ extraHypeCues: ['Big News'], extraValueCues: { information: ['big news'] } }, ['extraValueCues', 'information', 0], /also in extraHypeCues/);
      await rejects({ ignorePhrases: ['stay tuned'], extraHypeCues: ['Stay  tuned'] }, ['ignorePhrases', 0], /also in extraHypeCues/);
      await rejects({ informationDomains: ['https://example.org'] }, ['informationDomains', 0], /without https/);
      await rejects({ informationDomains: ['example.org'], shopDomains: ['example.org'] }, ['shopDomains', 0], /also in informationDomains/);
    });
  });

  describe('the metric', () => {
    it('stays within 0…1 and is reported for every post', async () => {
      const texts = [
        '',
        '🎉',
        'Stay tuned!',
        'Thanks!',
        'Route 4 buses are running again on Hill Road. Expect delays of up to 15 minutes until 6 pm. Call 0300 123 4567 or see https://www.example.gov/travel for help. Thank you to our drivers for their work on Sunday 3 May.',
      ];
      for (const text of texts) {
        const score = await scoreOf(text);
        expect(score, text).toBeGreaterThanOrEqual(0);
        expect(score, text).toBeLessThanOrEqual(1);
      }
      expect(await scoreOf('')).toBe(0);
      expect((await runRule(rule, '')).findings).toEqual([]);
    });

    it('grows with more kinds of value', async () => {
      const one = await scoreOf('The library opens at 9 am.');
      const two = await scoreOf('The library opens at 9 am. Thank you to the volunteers who repainted it.');
      expect(two).toBeGreaterThan(one);
    });

    it('compares the number it reports, so a post at exactly minScore passes', async () => {
      // One bare link is 0.2 (1 − (1 − 0.2) in floating point is 0.19999…).
      const { findings, metrics } = await runRule(rule, 'https://t.co/abc123');
      expect(metrics[METRIC]).toBe(0.2);
      expect(findings).toEqual([]);
    });
  });
});
