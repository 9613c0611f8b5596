/**
 * Focused tests for `sponsorship-disclosure`: what needs a label, which labels are clear, where a
 * label counts as near the start, the three finding kinds and where they point, and the options.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/sponsorship-disclosure.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import type { PostMeta, Segment } from '../../src/types.js';

async function lint(text: string, options: Record<string, unknown> = {}, meta: PostMeta = {}, segments?: Segment[]) {
  const { findings } = await runRule(rule, text, options, meta, segments);
  return findings.map((finding) => ({ ...finding, words: text.slice(finding.start, finding.end) }));
}

/** A caption long enough that whatever follows it is past the first 125 characters. */
const LONG =
  'Three weeks on the trail with these shoes: grippy on wet rock, light on the long climbs, and comfy for hours on end every single day.';

describe('sponsorship-disclosure', () => {
  it('passes its documented examples', async () => {
    expect(await verifyRuleExamples(rule)).toEqual([]);
  });

  describe('missing label', () => {
    it('points at the first cue and names every cue found', async () => {
      const text = 'Obsessed with this serum from @glowco! Thanks @glowco for sending it. Use my code GLOW15.';
      const findings = await lint(text);
      expect(findings).toHaveLength(1);
      expect(findings[0].words).toBe('Thanks @glowco for sending');
      expect(findings[0].message).toContain('"Use my code"');
      expect(findings[0].message).toMatch(/^No disclosure/);
      expect(findings[0].reason).toMatch(/FTC/);
    });

    it('recognises gifting, partnership, affiliate and ambassador cues', async () => {
      for (const text of [
        'Was gifted this throw by @cosyhome, love it',
        'Loving my #giftedbyglowlab goodies',
        'In partnership with @greenmile I am trying their meal kits',
        'My favourite socks, affiliate link in bio',
        'Sign up with my referral link and we both get £5',
        'Brand ambassador life: testing the new bars',
        'Thanks to Glossco for sending over their lip oils',
        'Gifted: the new @auralbuds earbuds',
      ]) {
        expect((await lint(text)).map((finding) => finding.message), text).toEqual([expect.stringMatching(/^No disclosure/)]);
      }
    });

    it('finds affiliate and referral ids in links, not the shop\'s own ref= parameter', async () => {
      expect(await lint('Tent I use: https://www.amazon.com/dp/B07XYZ1234?tag=amyoutdoors-20')).toHaveLength(1);
      expect(await lint('Join here https://www.paidverts.com/ref/tomuciux99')).toHaveLength(1);
      expect(await lint('Great tent: https://www.amazon.com/dp/B07XYZ1234/ref=sr_1_7?s=sporting')).toEqual([]);
    });

    it('points at the sponsored field when the flag is the only evidence', async () => {
      const text = '  Cosy Sunday vibes with my new jumper \n';
      const [finding] = await lint(text, {}, { sponsored: true });
      expect(finding.metaPath).toEqual(['sponsored']);
      expect(finding.segment).toBe(0);
      expect(finding.words).toBe('Cosy Sunday vibes with my new jumper');
    });

    it('takes the flag from a thread part\'s own front matter', async () => {
      const text = 'Part one of my review.\nPart two: the verdict.';
      const segments = [
        { start: 0, end: 22, meta: {} },
        { start: 23, end: text.length, meta: { sponsored: true } },
      ];
      const [finding] = await lint(text, {}, {}, segments);
      expect(finding.metaPath).toEqual(['sponsored']);
      expect(finding.segment).toBe(1);
    });

    it('trusts sponsored: false for cues, but not for labels', async () => {
      expect(await lint('In partnership with @citycouncil we are planting 500 trees', {}, { sponsored: false })).toEqual([]);
      expect(await lint('New serum! #skin #glow #ad', {}, { sponsored: false })).toHaveLength(1);
    });
  });

  describe('clear labels', () => {
    it('accepts hashtags, tags and plain statements near the start', async () => {
      for (const text of [
        '#ad Use my code GLOW15 for 15% off',
        '#Sponsored Use my code GLOW15 for 15% off',
        'Ad: use my code GLOW15 for 15% off',
        'AD | use my code GLOW15 for 15% off',
        '[ad] Use my code GLOW15 for 15% off',
        'Use my code GLOW15 (sponsored)',
        'Paid partnership with @glowco. Use my code GLOW15',
        '#GlowcoPartner Use my code GLOW15',
        'Thanks to @glowco for the free serum! Use my code GLOW15',
        '@glowco sent me this serum to try. Use my code GLOW15',
        'I earn a commission if you use my link',
        '#Werbung Use my code GLOW15',
      ]) {
        expect(await lint(text), text).toEqual([]);
      }
    });

    it('does not read an abbreviation or a topic hashtag as a label', async () => {
      // "(AD)" here abbreviates a disease, so the cue still needs a label.
      expect(await lint("Alzheimer's disease (AD) research, use my code X")).toHaveLength(1);
      expect(await lint('Ad campaigns that worked this year, use my code X')).toHaveLength(1);
      expect(await lint('#notsponsored just love it, use my code X')).toHaveLength(1);
    });
  });

  describe('buried label', () => {
    it('reports a label mixed into a group of hashtags, on the label', async () => {
      const text = 'New serum from @glowco, my skin loves it #skincare #glow #ad #selfcare';
      const [finding] = await lint(text);
      expect(finding.words).toBe('#ad');
      expect(finding.message).toBe('Disclosure "#ad" is mixed into a group of 4 hashtags and links, where readers skim past it; put it at the start of the post');
    });

    it('leaves a label that opens the post, or a small group, alone', async () => {
      expect(await lint('#ad #skincare #glow New serum from @glowco')).toEqual([]);
      expect(await lint('New serum from @glowco #skincare #ad')).toEqual([]);
      expect(await lint('New serum! #skin #glow #ad', { hashtagGroupSize: 0 })).toEqual([]);
    });

    it('reports a label after the first visibleChars characters', async () => {
      const text = `${LONG} Use my code RUN10! #ad`;
      const [finding] = await lint(text);
      expect(finding.words).toBe('#ad');
      expect(finding.message).toContain('after the first 125 characters');
      expect(await lint(text, { visibleChars: 200 })).toEqual([]);
      expect(await lint(text, { visibleChars: 0 })).toEqual([]);
    });

    it('counts characters as graphemes, so emoji do not push a label out', async () => {
      const emoji = '👩‍👩‍👧‍👦'.repeat(60);
      expect(await lint(`${emoji} #ad use my code X`)).toEqual([]);
    });

    it('asks for the first line when firstLine is on', async () => {
      const text = 'Morning run done.\n#ad Use my code RUN10';
      expect(await lint(text)).toEqual([]);
      expect((await lint(text, { firstLine: true }))[0].message).toContain('is not on the first line');
    });

    it('asks for the label in the first part of a thread', async () => {
      const text = 'My trail shoe review, part 1.\n#ad Use my code RUN10';
      const segments = [
        { start: 0, end: 29, meta: {} },
        { start: 30, end: text.length, meta: {} },
      ];
      expect((await lint(text, {}, {}, segments))[0].message).toContain('is not in the first part of the thread');
    });

    it('needs no label when a statement is buried in a post with no other evidence', async () => {
      expect(await lint(`${LONG} The event was sponsored by @acme.`)).toEqual([]);
    });
  });

  describe('ambiguous label', () => {
    it('reports shorthand on its own, with a suggestion where the meaning is certain', async () => {
      const [finding] = await lint('Loving these headphones #spon');
      expect(finding.words).toBe('#spon');
      expect(finding.suggestion).toBe('#sponsored');
      expect(finding.message).toBe('"#spon" is not a clear disclosure; say "#sponsored" or "Paid partnership" at the start of the post');
      const [collab] = await lint('Hiking in my new jacket #collab');
      expect(collab.suggestion).toBeUndefined();
    });

    it('reports "thanks @brand" only in a post that needs a label', async () => {
      expect(await lint('Great flight home, thank you @skyways')).toEqual([]);
      const [finding] = await lint('Best cold brew all summer. Thanks @coffeeco!', {}, { sponsored: true });
      expect(finding.words).toBe('Thanks @coffeeco');
    });

    it('is settled by a clear label near the start', async () => {
      expect(await lint('#ad Loving these headphones #spon')).toEqual([]);
    });
  });

  describe('options', () => {
    it('adds the team\'s labels and cues, as hashtags or phrases', async () => {
      expect(await lint('#acmecreator new shoes', { extraCues: ['#acmecreator'] })).toHaveLength(1);
      expect(await lint('Loving my acme kit', { extraCues: ['acme kit'] })).toHaveLength(1);
      expect(await lint('Reklame: use my code X', { extraLabels: ['reklame'] })).toEqual([]);
      expect(await lint('#reklame use my code X', { extraLabels: ['#reklame'] })).toEqual([]);
    });

    it('ignores the wording it is told to', async () => {
      const text = 'In partnership with the city council we are planting 500 trees';
      expect(await lint(text)).toHaveLength(1);
      expect(await lint(text, { ignorePhrases: ['in partnership with the city council'] })).toEqual([]);
      expect(await lint('Team day #collab', { ignorePhrases: ['#collab'] })).toEqual([]);
    });

    it('refuses a phrase that does not compile, and a group of one', async () => {
      await expect(runRule(rule, 'x', { extraCues: ['ok', '(broken'] })).rejects.toMatchObject({ path: ['extraCues', 1] });
      await expect(runRule(rule, 'x', { hashtagGroupSize: 1 })).rejects.toMatchObject({ path: ['hashtagGroupSize'] });
    });
  });
});
