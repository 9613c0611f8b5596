import { describe, expect, it } from 'vitest';
import hashtags from '../../rules/hashtags.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import { analyseHashtagWords, HashtagDictionary, splitIntoWords, unfoldWordLines } from '../../src/text/hashtag-words.js';
import { RuleOptionError } from '../../src/types.js';

const tags = (count: number) => Array.from({ length: count }, (_, i) => `#Tag${i + 1}`).join(' ');

describe('hashtags', () => {
  it('runs its documented examples', async () => {
    expect(await verifyRuleExamples(hashtags)).toEqual([]);
  });

  it('counts hashtags as the metric', async () => {
    const { findings, metrics } = await runRule(hashtags, 'Two tags #RoadSafety #BusLanes and a #', {});
    expect(findings).toEqual([]);
    expect(metrics.hashtags).toBe(2);
  });

  describe('style maximum', () => {
    it('reports the tags past the maximum, from the first one over to the last', async () => {
      const text = `News ${tags(5)}`;
      const { findings } = await runRule(hashtags, text, {});
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toBe('5 hashtags: the house style is at most 3');
      expect(text.slice(findings[0].start, findings[0].end)).toBe('#Tag4 #Tag5');
      expect(findings[0].reason).toContain('X recommends no more than 2');
    });

    it('follows max, and max: null turns it off', async () => {
      expect((await runRule(hashtags, tags(2), { max: 1 })).findings[0].message).toBe('2 hashtags: the house style is at most 1');
      expect((await runRule(hashtags, tags(12), { max: null })).findings).toEqual([]);
    });
  });

  describe('platform caps', () => {
    it("names the platform and its cap, with the shipped source as the reason", async () => {
      const text = `Menu ${tags(6)}`;
      const { findings } = await runRule(hashtags, text, { max: null }, { platforms: ['instagram'] });
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toBe('6 hashtags: Instagram takes at most 5');
      expect(text.slice(findings[0].start, findings[0].end)).toBe('#Tag6');
      expect(findings[0].reason).toContain('Source:');
    });

    it('applies each targeted platform: Threads 1, YouTube 15, none for X', async () => {
      const two = await runRule(hashtags, tags(2), {}, { platforms: ['x', 'threads'] });
      expect(two.findings.map((f) => f.message)).toEqual(['2 hashtags: Threads takes at most 1']);
      const sixteen = await runRule(hashtags, tags(16), { max: null }, { platforms: ['youtube', 'instagram'] });
      expect(sixteen.findings.map((f) => f.message)).toEqual(['16 hashtags: YouTube takes at most 15', '16 hashtags: Instagram takes at most 5']);
      expect((await runRule(hashtags, tags(16), { max: null }, { platforms: ['x', 'linkedin'] })).findings).toEqual([]);
    });

    it('lets the policy change or remove a cap', async () => {
      const stricter = await runRule(hashtags, tags(3), { platformLimits: { linkedin: 2 } }, { platforms: ['linkedin'] });
      expect(stricter.findings[0].message).toBe('3 hashtags: LinkedIn takes at most 2');
      expect(stricter.findings[0].reason).toBe('The policy allows at most 2 hashtags in a post on LinkedIn.');
      const removed = await runRule(hashtags, tags(3), { platformLimits: { threads: null } }, { platforms: ['threads'] });
      expect(removed.findings).toEqual([]);
    });

    it('counts each part of a thread on its own', async () => {
      const text = '#One first part\n\n#Two second part';
      const segments = [
        { start: 0, end: 15, meta: {} },
        { start: 17, end: text.length, meta: {} },
      ];
      expect((await runRule(hashtags, text, {}, { platforms: ['threads'] }, segments)).findings).toEqual([]);
      expect((await runRule(hashtags, text, {}, { platforms: ['threads'] })).findings).toHaveLength(1);
    });
  });

  describe('CamelCase', () => {
    it('suggests the CamelCase spelling when the tag splits one way only', async () => {
      const text = 'We are here to help #customerservice';
      const { findings } = await runRule(hashtags, text, {});
      expect(findings).toHaveLength(1);
      expect(text.slice(findings[0].start, findings[0].end)).toBe('#customerservice');
      expect(findings[0].suggestion).toBe('#CustomerService');
      expect(findings[0].message).toBe('#customerservice runs several words together in lower case: write #CustomerService');
      expect(findings[0].reason).toContain('screen reader');
    });

    it('reports without a suggestion when the tag splits more than one way', async () => {
      const { findings } = await runRule(hashtags, 'Sunny all week #warmweather', {});
      expect(findings).toHaveLength(1);
      expect(findings[0].suggestion).toBeUndefined();
      expect(findings[0].message).toBe('#warmweather runs several words together in lower case: capitalise each word (CamelCase)');
    });

    it('leaves single words, names the word list knows, unknown words and other languages alone', async () => {
      const text = '#transit #sunscreen #workforce #barclays #nesquik #merapi #caféconleche #tbt';
      expect((await runRule(hashtags, text, { max: null })).findings).toEqual([]);
    });

    it('leaves tags with a capital letter alone', async () => {
      expect((await runRule(hashtags, '#Customerservice #CUSTOMERSERVICE #customerService', {})).findings).toEqual([]);
    });

    it('splits runs between digits on their own and keeps the digits', async () => {
      const { findings } = await runRule(hashtags, '#customerservice2024 #employment4youth', {});
      expect(findings.map((f) => f.suggestion)).toEqual(['#CustomerService2024']);
    });

    it('writes acronyms in capitals, and a leading "us" as US', async () => {
      const { findings } = await runRule(hashtags, '#ceosummit #usopen #digitalgov', {});
      expect(findings.map((f) => f.suggestion)).toEqual(['#CEOSummit', '#USOpen', '#DigitalGov']);
    });

    it('keeps the hash sign as written', async () => {
      const { findings } = await runRule(hashtags, 'Hi ＃customerservice', {});
      expect(findings[0].suggestion).toBe('＃CustomerService');
    });

    it('allows lower-case brand tags the policy lists, with or without #, in any case', async () => {
      const options = { allowLowercase: ['#CustomerService', 'bankofbeans'] };
      expect((await runRule(hashtags, '#customerservice #bankofbeans', options)).findings).toEqual([]);
    });

    it("uses the team's own words for splitting", async () => {
      expect((await runRule(hashtags, '#citivolunteers', {})).findings).toEqual([]);
      const { findings } = await runRule(hashtags, '#citivolunteers', { words: ['Citi'] });
      expect(findings[0].suggestion).toBe('#CitiVolunteers');
    });

    it('can be turned off', async () => {
      expect((await runRule(hashtags, '#customerservice', { camelCase: false })).findings).toEqual([]);
    });
  });

  it('refuses options that are not hashtags or words', async () => {
    await expect(runRule(hashtags, 'x', { allowLowercase: ['two words'] })).rejects.toThrow(RuleOptionError);
    await expect(runRule(hashtags, 'x', { allowLowercase: ['ok', 'no way'] })).rejects.toMatchObject({ path: ['allowLowercase', 1] });
    await expect(runRule(hashtags, 'x', { words: ['two words'] })).rejects.toThrow('invalid options');
    await expect(runRule(hashtags, 'x', { platformLimits: { myspace: 3 } })).rejects.toThrow('unknown option "myspace"');
  });
});

describe('hashtag word splitting', () => {
  const dictionary = new HashtagDictionary();

  it('reads the folded word-list format', () => {
    expect(unfoldWordLines('# comment\nwalk/s/ed/ing\nbake/~ing\nstop/+ed\n')).toEqual(['walk', 'walks', 'walked', 'walking', 'bake', 'baking', 'stop', 'stopped']);
  });

  it('lets one-letter words neither end a tag nor follow another one', () => {
    expect(splitIntoWords('notahappycustomer', dictionary)).toEqual([['not', 'a', 'happy', 'customer']]);
    expect(splitIntoWords('merapi', dictionary)).toEqual([]);
    expect(splitIntoWords('aafail', dictionary)).toEqual([]);
  });

  it('gives up to the asked number of splits', () => {
    expect(splitIntoWords('warmweather', dictionary, 5)).toHaveLength(2);
    expect(splitIntoWords('warmweather', dictionary, 1)).toHaveLength(1);
  });

  it('treats a word of the rarer list as one word even though it splits', () => {
    expect(splitIntoWords('sunscreen', dictionary).length).toBeGreaterThan(0);
    expect(analyseHashtagWords('sunscreen', dictionary)).toEqual({ multiWord: false });
  });

  it('does not split short runs', () => {
    expect(analyseHashtagWords('gogo', dictionary)).toEqual({ multiWord: false });
  });
});
