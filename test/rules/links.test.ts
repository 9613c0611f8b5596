import { describe, expect, it } from 'vitest';
import links, { isWrittenAsLink } from '../../rules/links.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';
import { RuleOptionError } from '../../src/types.js';

const urls = (count: number, repeatFirst = false) =>
  Array.from({ length: count }, (_, i) => `https://example.org/${repeatFirst && i === count - 1 ? 1 : i + 1}`).join(' ');

const utm = { requireUtm: ['utm_source', 'utm_medium', 'utm_campaign'], utmDomains: ['example.gov'] };

describe('links', () => {
  it('runs its documented examples', async () => {
    expect(await verifyRuleExamples(links)).toEqual([]);
  });

  it('counts links, bare domains included, as the metric', async () => {
    const { findings, metrics } = await runRule(links, 'See example.org and https://example.com/a, or www.example.net.', {});
    expect(findings).toEqual([]);
    expect(metrics.links).toBe(3);
  });

  it('does not take a missing space after a full stop for a link', async () => {
    const { metrics } = await runRule(links, 'We waited 3 hours.Love the crew though. Gave my seat away.now what?', {});
    expect(metrics.links).toBe(0);
    expect(isWrittenAsLink('properly.Help')).toBe(false);
    expect(isWrittenAsLink('example.blog/post')).toBe(true);
    expect(isWrittenAsLink('https://example.love')).toBe(true);
    expect(isWrittenAsLink('nyti.ms')).toBe(true);
  });

  describe('shorteners', () => {
    it('reports a public shortener at the link, subdomains and bare forms included', async () => {
      const text = 'New menu: https://bit.ly/3xYz and www.bit.ly/abc and tinyurl.com/y7k';
      const { findings } = await runRule(links, text, {});
      expect(findings.map((f) => text.slice(f.start, f.end))).toEqual(['https://bit.ly/3xYz', 'www.bit.ly/abc', 'tinyurl.com/y7k']);
      expect(findings[0].message).toBe('https://bit.ly/3xYz is a link shortener (Bitly): link to the destination itself');
      expect(findings[0].reason).toContain('hides where it goes');
    });

    it("reports a pasted platform wrapper as the platform's own", async () => {
      const { findings } = await runRule(links, 'As we said: https://t.co/AbCdEf1234', {});
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toBe("https://t.co/AbCdEf1234 is X's own link wrapper: paste the address it leads to");
      expect(findings[0].reason).toContain('X wraps every link in t.co');
    });

    it('keeps shorteners the team accepts, and can be turned off', async () => {
      expect((await runRule(links, 'https://bit.ly/x', { allowedShorteners: ['bit.ly'] })).findings).toEqual([]);
      expect((await runRule(links, 'https://bit.ly/x https://t.co/y', { shorteners: false })).findings).toEqual([]);
    });

    it('does not take a brand short domain for a public shortener', async () => {
      expect((await runRule(links, 'Watch: https://youtu.be/abc and https://nyti.ms/2xyz', {})).findings).toEqual([]);
    });
  });

  describe('domains', () => {
    it('reports banned domains and their subdomains, ignoring case and www.', async () => {
      const text = 'https://News.Tabloid.co.uk/a and https://tabloid.co.uk and https://nottabloid.co.uk';
      const { findings } = await runRule(links, text, { bannedDomains: ['https://www.tabloid.co.uk/'] });
      expect(findings.map((f) => f.message)).toEqual(['Links to tabloid.co.uk are banned by the policy', 'Links to tabloid.co.uk are banned by the policy']);
    });

    it('reports links outside the allowed domains', async () => {
      const text = 'https://www.example.gov/a https://data.example.gov/b https://elsewhere.com/c';
      const { findings } = await runRule(links, text, { allowedDomains: ['example.gov'] });
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toBe('elsewhere.com is not one of the domains the policy allows');
      expect(text.slice(findings[0].start, findings[0].end)).toBe('https://elsewhere.com/c');
    });

    it('reports a shortener once, not also as outside the allowed domains', async () => {
      const { findings } = await runRule(links, 'https://bit.ly/x', { allowedDomains: ['example.gov'] });
      expect(findings.map((f) => f.message)).toEqual(['https://bit.ly/x is a link shortener (Bitly): link to the destination itself']);
      expect((await runRule(links, 'https://bit.ly/x', { allowedDomains: ['example.gov'], allowedShorteners: ['bit.ly'] })).findings).toEqual([]);
    });
  });

  describe('UTM parameters', () => {
    it('names the parameters a link to the team site lacks; an empty value counts as missing', async () => {
      const text = 'https://example.gov/a?utm_source=x&utm_medium= and https://www.example.gov/b?utm_source=x&utm_medium=y&utm_campaign=z';
      const { findings } = await runRule(links, text, utm);
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toBe('Link to example.gov lacks utm_medium, utm_campaign');
      expect(text.slice(findings[0].start, findings[0].end)).toBe('https://example.gov/a?utm_source=x&utm_medium=');
    });

    it('checks subdomains of the UTM domains and nothing else', async () => {
      const { findings } = await runRule(links, 'https://shop.example.gov/a https://other.org/b', utm);
      expect(findings.map((f) => f.message)).toEqual(['Link to shop.example.gov lacks utm_source, utm_medium, utm_campaign']);
    });

    it('needs utmDomains when requireUtm is set', async () => {
      await expect(runRule(links, 'x', { requireUtm: ['utm_source'] })).rejects.toThrow(RuleOptionError);
      await expect(runRule(links, 'x', { requireUtm: ['utm_source'] })).rejects.toMatchObject({ path: ['utmDomains'] });
    });
  });

  describe('platform limits', () => {
    it('Threads: more than 5 different links, counting a repeated URL once', async () => {
      expect((await runRule(links, urls(6, true), {}, { platforms: ['threads'] })).findings).toEqual([]);
      const text = urls(7);
      const { findings } = await runRule(links, text, {}, { platforms: ['threads'] });
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toBe('7 links: Threads rejects a post with more than 5 links');
      expect(text.slice(findings[0].start, findings[0].end)).toBe('https://example.org/6 https://example.org/7');
      expect(findings[0].reason).toContain('THREADS_API__LINK_LIMIT_EXCEEDED');
    });

    it('Instagram: any link in a caption', async () => {
      const { findings } = await runRule(links, 'Menu at https://example.org/menu', {}, { platforms: ['instagram'] });
      expect(findings.map((f) => f.message)).toEqual(['1 link: Instagram shows links in a caption as plain text that cannot be tapped']);
    });

    it('lets the policy change or remove a limit, and set a house maximum', async () => {
      expect((await runRule(links, 'https://example.org', { platformLimits: { instagram: null } }, { platforms: ['instagram'] })).findings).toEqual([]);
      const stricter = await runRule(links, urls(3), { platformLimits: { x: 2 } }, { platforms: ['x'] });
      expect(stricter.findings.map((f) => f.message)).toEqual(['3 links: the policy allows at most 2 links in a post on X']);
      expect(stricter.findings[0].reason).toBe('The policy allows at most 2 links in a post on X.');
      const house = await runRule(links, urls(2), { max: 1 });
      expect(house.findings.map((f) => f.message)).toEqual(['2 links: the house style is at most 1']);
    });

    it('counts each part of a thread on its own', async () => {
      const text = `${urls(3)}\n\n${urls(3)}`;
      const half = urls(3).length;
      const segments = [
        { start: 0, end: half, meta: {} },
        { start: half + 2, end: text.length, meta: {} },
      ];
      expect((await runRule(links, text, { max: 3 }, {}, segments)).findings).toEqual([]);
      expect((await runRule(links, text, { max: 3 })).findings).toHaveLength(1);
    });
  });

  it('refuses domains that are not domain names', async () => {
    await expect(runRule(links, 'x', { bannedDomains: ['not a domain'] })).rejects.toMatchObject({ path: ['bannedDomains', 0] });
    await expect(runRule(links, 'x', { allowedDomains: ['example.org', 'localhost'] })).rejects.toMatchObject({ path: ['allowedDomains', 1] });
  });
});
