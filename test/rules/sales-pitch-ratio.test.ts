import { describe, expect, it } from 'vitest';
import rule from '../../rules/sales-pitch-ratio.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';

const METRIC = 'sales-pitch-ratio';

async function ratioOf(text: string, options: Record<string, unknown> = {}) {
  return (await runRule(rule, text, options)).metrics[METRIC];
}

async function onlyFinding(text: string, options: Record<string, unknown> = {}) {
  const { findings } = await runRule(rule, text, options);
  expect(findings).toHaveLength(1);
  return findings[0];
}

describe('sales-pitch-ratio', () => {
  it('passes and fails its documented examples', async () => {
    expect(await verifyRuleExamples(rule)).toEqual([]);
  });

  describe('cue kinds', () => {
    const cases: Array<[kind: string, text: string, label: string, cue: string]> = [
      ['call to buy', 'Order online for delivery to your door.', 'call to buy', 'Order online'],
      ['call to sign up', 'Sign up for the spring course.', 'call to buy', 'Sign up'],
      ['call to donate', 'Donate to the flood appeal.', 'call to buy', 'Donate'],
      ['text to a short code', 'To enter, text WIN to 80080.', 'call to buy', 'text WIN to 80080'],
      ['discount', 'All jackets are 30% off.', 'discount or free offer', '30% off'],
      ['free offer', 'Every order comes with free shipping.', 'discount or free offer', 'free shipping'],
      ['promo code', 'Use code SPRING15 for your first box.', 'promo code', 'Use code SPRING15'],
      ['deadline', 'The offer ends tonight.', 'urgency or scarcity', 'ends tonight'],
      ['limited stock', 'Mugs are back while supplies last.', 'urgency or scarcity', 'while supplies last'],
      ['countdown of stock', 'There are only 5 left in the shop.', 'urgency or scarcity', 'only 5 left'],
      ['link in bio', 'The whole collection is up, link in bio.', 'link in bio', 'link in bio'],
      ['prize', 'You have won a weekend for two.', 'prize or competition', 'You have won'],
      ['fine print', 'Terms and conditions apply.', 'promotional fine print', 'Terms and conditions apply'],
    ];
    it.each(cases)('%s makes a sentence pitch', async (_kind, text, label, cue) => {
      const finding = await onlyFinding(text);
      expect(finding.reason).toContain(`${label}: "${cue}"`);
    });

    it('counts a price only together with another cue', async () => {
      expect((await runRule(rule, 'The ticket price is $12.')).findings).toEqual([]);
      const finding = await onlyFinding('Book your tickets now for $12.');
      expect(finding.reason).toContain('price: "for $12"');
      expect(finding.reason).toContain('call to buy: "Book your tickets"');
    });

    it('does not take news figures in millions for a price', async () => {
      expect(await ratioOf('The council approved a $590 million settlement.')).toBeLessThan(0.1);
    });

    it('counts a soft call to action as a pointer, not as pitch', async () => {
      const { findings, metrics } = await runRule(rule, 'Learn more about the new park.');
      expect(findings).toEqual([]);
      expect(metrics[METRIC]).toBeGreaterThan(0.3);
      expect(metrics[METRIC]).toBeLessThan(0.5);
    });

    it('folds typographic apostrophes before matching', async () => {
      const finding = await onlyFinding('Don’t wait, the sale is almost sold out.');
      expect(finding.reason).toContain('urgency or scarcity');
    });
  });

  describe('a single word is not a pitch', () => {
    it('treats "free" in a statement as information', async () => {
      const { findings, metrics } = await runRule(rule, 'Flu shots are free at every clinic.');
      expect(findings).toEqual([]);
      expect(metrics[METRIC]).toBeGreaterThan(0);
      expect(metrics[METRIC]).toBeLessThan(0.3);
    });

    it('does not read "book" the noun as a call to book', async () => {
      expect((await runRule(rule, 'The book club meets on Tuesday.')).findings).toEqual([]);
      expect((await runRule(rule, 'Book club meets on Tuesday.')).findings).toEqual([]);
      expect((await runRule(rule, 'Book your place at the book club.')).findings).toHaveLength(1);
    });

    it('keeps a lone cue word below the count', async () => {
      expect((await runRule(rule, 'Seniors get a discount at the pool.')).findings).toEqual([]);
      expect(await ratioOf('Seniors get a discount at the pool.')).toBeLessThan(0.5);
    });

    it('lets promotional words add up only to a hint', async () => {
      // Six promotional words and an exclamation mark would add up to 0.44 without the cap.
      expect(await ratioOf('Our exclusive new gift shop is now open, and entry is free!')).toBeCloseTo(0.3, 5);
    });

    it('never matches inside links or handles', async () => {
      const text = 'Thanks to @ShopNowUK for the report: https://example.org/buy-now-save-50-off';
      expect((await runRule(rule, text)).findings).toEqual([]);
    });
  });

  describe('the ratio', () => {
    it('is reported on every post, zero without cues', async () => {
      expect(await ratioOf('The river path reopens on Monday after repairs.')).toBe(0);
      expect(await ratioOf('')).toBe(0);
    });

    it('averages pitch strength over sentences', async () => {
      const pitch = await ratioOf('Order online for delivery to your door.');
      const mixed = await ratioOf('The bakery on Hill Street reopens on Monday. Order online for delivery to your door.');
      expect(mixed).toBeCloseTo(pitch / 2, 5);
    });

    it('leaves out sentences that are only hashtags or links', async () => {
      const plain = await ratioOf('Order online for delivery to your door.');
      expect(await ratioOf('Order online for delivery to your door. #bakery #local')).toBeCloseTo(plain, 5);
    });

    it('fails only above max', async () => {
      const text = 'The bakery on Hill Street reopens on Monday. Order online for delivery to your door.';
      expect((await runRule(rule, text)).findings).toEqual([]);
      expect((await runRule(rule, text, { max: 0.3 })).findings).toHaveLength(1);
    });

    it('measures but does not fail posts shorter than minSentences', async () => {
      const { findings, metrics } = await runRule(rule, 'Order online today.', { minSentences: 2 });
      expect(findings).toEqual([]);
      expect(metrics[METRIC]).toBeGreaterThan(0.5);
    });
  });

  describe('the finding', () => {
    const text = 'The café reopens on Monday. Buy now and save 20% on coffee beans! Offer ends tonight.';

    it('gives the ratio and the max in the message', async () => {
      const finding = await onlyFinding(text);
      expect(finding.message).toMatch(/^Sales-pitch ratio 0\.\d\d is above the maximum 0\.40: 2 of 3 sentences read as a sales pitch$/);
    });

    it('names each counted sentence with its cues, and why those cues matter', async () => {
      const { reason } = await onlyFinding(text);
      expect(reason).toContain('sentence 2 "Buy now and save 20% on coffee beans!"');
      expect(reason).toContain('call to buy: "Buy now"');
      expect(reason).toContain('discount or free offer: "save 20%"');
      expect(reason).toContain('sentence 3 "Offer ends tonight."');
      expect(reason).toContain('urgency or scarcity: "ends tonight"');
      expect(reason).not.toContain('sentence 1');
      expect(reason).toContain('urgency or scarcity: presses the reader to act');
    });

    it('names the promotional words that added to a counted sentence', async () => {
      const { reason } = await onlyFinding('Buy now and get a FREE tote with every new order!');
      expect(reason).toContain('promotional words: "free", "new", "order", "!"');
    });

    it('spans the pitch region, from the first counted sentence to the last', async () => {
      const finding = await onlyFinding(text);
      expect(text.slice(finding.start, finding.end)).toBe('Buy now and save 20% on coffee beans! Offer ends tonight.');
    });

    it('shortens long sentences in the reason', async () => {
      const long = 'Buy now and take home the hand-thrown stoneware mug set that our potters in Stoke make every week.';
      const { reason } = await onlyFinding(long);
      expect(reason).toContain('"Buy now and take home the hand-thrown stoneware mug set…"');
    });
  });

  describe('options', () => {
    it('never counts a cue inside an exemption', async () => {
      const text = 'Buy Nothing Day is on Friday.';
      expect((await runRule(rule, text)).findings).toHaveLength(1);
      expect((await runRule(rule, text, { exemptions: ['buy nothing day'] })).findings).toEqual([]);
    });

    it('adds extra cues with their strength and reason', async () => {
      const text = 'Ask us about a demo of the new dashboard.';
      expect((await runRule(rule, text)).findings).toEqual([]);
      const extraCues = [{ phrase: 'ask us about a demo', strength: 0.8, reason: 'our sales-team hand-off' }];
      const finding = await onlyFinding(text, { extraCues });
      expect(finding.reason).toContain('policy cue: "Ask us about a demo"');
      expect(finding.reason).toContain('policy cue: our sales-team hand-off');
    });

    it('gives an extra cue the default strength when none is set', async () => {
      expect(await ratioOf('Ask us about a demo.', { extraCues: [{ phrase: 'ask us about a demo' }] })).toBeCloseTo(0.7, 5);
    });

    it('rejects an extra cue without words', async () => {
      await expect(runRule(rule, 'x', { extraCues: [{ phrase: '!!!' }] })).rejects.toMatchObject({
        name: 'RuleOptionError',
        path: ['extraCues', 0, 'phrase'],
      });
    });

    it('rejects an exemption without words', async () => {
      await expect(runRule(rule, 'x', { exemptions: ['ok', ' ? '] })).rejects.toMatchObject({
        name: 'RuleOptionError',
        path: ['exemptions', 1],
      });
    });

    it('rejects a phrase that is both an exemption and an extra cue', async () => {
      const options = { extraCues: [{ phrase: 'Book a demo' }], exemptions: ['book  a demo'] };
      await expect(runRule(rule, 'x', options)).rejects.toMatchObject({ name: 'RuleOptionError', path: ['exemptions', 0] });
    });

    it('rejects a sentence threshold that would let one word count', async () => {
      await expect(runRule(rule, 'x', { sentenceThreshold: 0.4 })).rejects.toMatchObject({
        name: 'RuleOptionError',
        path: ['sentenceThreshold'],
      });
    });

    it('rejects what the schema forbids', async () => {
      await expect(runRule(rule, 'x', { max: 1.5 })).rejects.toThrow(/max/);
      await expect(runRule(rule, 'x', { maximum: 0.5 })).rejects.toThrow(/unknown option "maximum"/);
      await expect(runRule(rule, 'x', { extraCues: [{ phrase: 'demo', weight: 1 }] })).rejects.toThrow(/unknown option "weight"/);
    });
  });
});
