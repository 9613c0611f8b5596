/**
 * Focused tests for `complaint-response`: which posts are checked, each of the five checks, where
 * findings point, and the options.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/complaint-response.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import type { PostMeta } from '../../src/types.js';

async function lint(text: string, meta: PostMeta = { category: 'reply' }, options: Record<string, unknown> = {}) {
  const { findings } = await runRule(rule, text, options, meta);
  return findings.map((finding) => ({ ...finding, words: text.slice(finding.start, finding.end) }));
}
const incident: PostMeta = { category: 'incident' };
const messages = async (text: string, meta?: PostMeta, options?: Record<string, unknown>) => (await lint(text, meta, options)).map((finding) => finding.message);

describe('complaint-response', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(rule)).toEqual([]);
  });

  it('checks replies and incident posts only, as the policy says', async () => {
    const text = 'We apologise for any inconvenience.';
    expect(await lint(text, {})).toEqual([]);
    expect(await lint(text, { category: 'promotional' })).toEqual([]);
    expect(await lint(text, { category: 'reply' })).toHaveLength(1);
    expect(await lint(text, { category: 'reply' }, { categories: ['incident'] })).toEqual([]);
    expect(await lint(text, { category: 'service' }, { categories: ['service'] })).toHaveLength(1);
  });

  describe('apologyRepair', () => {
    it('reports an apology with nothing after it, on the apology words', async () => {
      const findings = await lint("We're so sorry. It was a long day for everyone.");
      expect(findings).toHaveLength(1);
      expect(findings[0].words).toBe("We're so sorry");
      expect(findings[0].message).toBe('Apology without a next step: after "We\'re so sorry" say what you will do, or offer a private channel ("DM us")');
      expect(findings[0].reason).toContain('Lewicki, Polin & Lount 2016');
    });

    it('accepts a repair from tone-amends, a next step, a private channel or a link', async () => {
      for (const text of [
        "Sorry about that! We've refunded the seat fee.",
        "We're sorry. We are looking into what happened with your bag.",
        'Sorry to hear that. Please DM us and we can help.',
        'So sorry, Sam. Call us on 0800 123 456.',
        'Sorry for the trouble: here is how to reset it https://example.com/reset',
        'Apologies! You can email support@example.com.',
        'Sorry, the gate display is fixed now.',
      ]) {
        expect(await lint(text), text).toEqual([]);
      }
    });
  });

  describe('ownership', () => {
    it('reports a non-apology in a reply, and joins both messages when nothing follows', async () => {
      const [finding] = await lint('We regret any inconvenience caused by the delay.');
      expect(finding.words).toBe('regret any inconvenience');
      expect(finding.message).toMatch(/^Non-apology: "regret any inconvenience" owns nothing; .*\. Apology without a next step/);
      expect(await messages('We are sorry you feel that way. Please DM us with more details.')).toEqual([
        'Non-apology: "We are sorry you feel that way" owns nothing; say what went wrong and that it was yours',
      ]);
    });

    it('accepts sympathy in a reply but asks an incident post to own the mistake', async () => {
      const text = 'Sorry to hear about the delays this morning. Trains are back to normal now.';
      expect(await lint(text)).toEqual([]);
      const [finding] = await lint(text, incident);
      expect(finding.words).toBe('Sorry to hear');
      expect(finding.message).toBe('The apology "Sorry to hear" does not own the mistake; in an incident post say what went wrong and that it was yours');
      expect(await lint("Sorry for today's outage, it was our mistake. Service is back to normal now.", incident)).toEqual([]);
      // Owning words that only introduce sympathy do not own anything.
      const [sympathy] = await lint("We're so sorry to hear about the delays. Trains are back to normal now.", incident);
      expect(sympathy.words).toBe("We're so sorry to hear");
      expect(await lint(text, incident, { requireOwnershipIn: [] })).toEqual([]);
    });
  });

  describe('publicDataRequests', () => {
    it('reports a request for personal data on the request words', async () => {
      const text = 'So sorry! Can you reply with your account number so we can take a look?';
      const [finding] = await lint(text);
      expect(finding.words).toBe('reply with your account number');
      expect(finding.message).toBe('Asks for personal data in public: "reply with your account number"; ask for it by DM or another private channel');
      expect(finding.reason).toMatch(/fraud/);
    });

    it('knows many ways to ask and many kinds of data', async () => {
      for (const text of [
        "What's your booking reference?",
        'Please tweet us your confirmation number.',
        'Could you send us over your full email address?',
        'We need your date of birth to find the booking.',
        'Let us know your phone number and we will call.',
        'Can you confirm your home address?',
      ]) {
        expect(await messages(text), text).toEqual([expect.stringMatching(/^Asks for personal data in public/)]);
      }
    });

    it('accepts a request through a private channel, and advice not to share', async () => {
      for (const text of [
        'DM us your booking reference and we will take a look.',
        'Can you send your booking reference via DM?',
        'Send your order number to help@example.com please.',
        'Please send us a DM. Include your booking reference and we will check.',
        "Please don't share your account number here; send it by DM.",
        'Never post your password anywhere.',
      ]) {
        expect(await lint(text), text).toEqual([]);
      }
    });

    it('reports a request for a public answer even when the post offers DMs', async () => {
      expect(await messages('Reply with your email and we will DM you the voucher.')).toEqual([expect.stringMatching(/^Asks for personal data/)]);
    });
  });

  describe('formulaOnly', () => {
    it('reports a reply of greeting, stock thanks and signature over the whole text', async () => {
      const text = ' Hi Sam Smith, thanks for reaching out! Have a great day! ^JD ';
      const [finding] = await lint(text);
      expect(finding.words).toBe(text.trim());
      expect(finding.message).toMatch(/^A greeting and stock thanks with nothing else/);
      expect(await lint('@sam_b Thank you for your feedback.')).toHaveLength(1);
    });

    it('leaves a reply with any content, a link, or a plain thank-you alone', async () => {
      expect(await lint('Hi Sam, thanks for reaching out! The lounge reopens at 6. ^JD')).toEqual([]);
      expect(await lint('Thanks for reaching out! https://example.com/help')).toEqual([]);
      expect(await lint('Thanks, Sam!')).toEqual([]);
      expect(await lint('Thanks for the kind words, Priya!')).toEqual([]);
    });
  });

  describe('incidentNextStep', () => {
    it('reports an incident post with no apology and no next step, over the whole text', async () => {
      const [finding] = await lint('Our app is currently unavailable.', incident);
      expect(finding.words).toBe('Our app is currently unavailable.');
      expect(finding.message).toMatch(/^Incident post without a next step/);
      expect(await lint('Our app is currently unavailable.')).toEqual([]);
    });

    it('accepts a next step, an update time or a link', async () => {
      for (const text of [
        'Our app is down. Engineers are working on it.',
        'Our app is down; next update at 10:00.',
        'Our app is down. Status: https://status.example.com',
        'Our app is down. We will post an update within the hour.',
      ]) {
        expect(await lint(text, incident), text).toEqual([]);
      }
    });
  });

  describe('options', () => {
    it('switches checks off one by one', async () => {
      expect(await lint('Our app is down.', incident, { checks: { incidentNextStep: false } })).toEqual([]);
      expect(await lint("What's your email?", undefined, { checks: { publicDataRequests: false } })).toEqual([]);
      expect(await lint('Hi Sam, thanks for reaching out!', undefined, { checks: { formulaOnly: false } })).toEqual([]);
      expect(await lint('Sorry!', undefined, { checks: { apologyRepair: false } })).toEqual([]);
    });

    it("adds the team's own channels and next steps", async () => {
      expect(await lint('Sorry! Find us on WhatsApp.')).toHaveLength(1);
      expect(await lint('Sorry! Find us on WhatsApp.', undefined, { extraChannels: ['find us on whatsapp'] })).toEqual([]);
      expect(await lint('Our app is down. A ranger will call round.', incident, { extraNextSteps: ['will call round'] })).toEqual([]);
    });

    it('refuses a phrase that does not compile', async () => {
      await expect(runRule(rule, 'x', { extraChannels: ['(broken'] })).rejects.toMatchObject({ path: ['extraChannels', 0] });
    });
  });
});
