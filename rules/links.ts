/**
 * links: not more links than the post's platforms take; no public link shorteners or pasted
 * platform wrappers (t.co); only allowed domains, none of the banned ones; and, where the policy asks,
 * campaign (UTM) parameters on links to the team's own sites.
 *
 * Links are twitter-text's (post.analysis.urls), which also finds bare domains such as example.org.
 * Limits and shorteners are data: rules/data/link-platforms.yaml, rules/data/link-shorteners.yaml.
 */
import { loadLexicon } from '../src/data-files.js';
import { type Platform, PLATFORM_NAMES, PLATFORMS } from '../src/platforms.js';
import { RuleOptionError, type CheckContext, type Entity, type Post, type Rule, type Segment } from '../src/types.js';


export interface LinksOptions {
  max: number | null;
  platformLimits: Partial<Record<Platform, number | null>>;
  shorteners: boolean;
  allowedShorteners: string[];
  allowedDomains: string[];
  bannedDomains: string[];
  requireUtm: string[];
  utmDomains: string[];
}

interface PlatformLimitData {
  name: string;
  max: number;
  unique?: boolean;
  limit: string;
  effect: string;
  source: string;
}

interface PlatformLimit {
  name: string;
  max: number;
  unique: boolean;
  message: string;
  reason: string;
}

interface ShortenerData {
  shorteners: Array<{ domain: string; note: string }>;
  platformWrappers: Array<{ domain: string; platform: string; note: string }>;
}

interface Shortener {
  domain: string;
  /** Set for a platform's own wrapper (t.co): the message says so. */
  platform?: string;
  note: string;
}


const SHORTENER_REASON =
  'A short link hides where it goes: readers cannot see the destination before they tap, scammers use the same ' +
  'services so spam filters and people distrust them, and when the service closes the link breaks. The platforms ' +
  'show the real domain themselves (X counts every URL as 23 characters whatever its length).';

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/;

/** "https://www.Example.org/path" → "example.org": how domains in options and links are compared. */
function normalizeDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '')
    .replace(/^(?:\*\.|www\.)/, '');
}

/** Whether `host` is `domain` or one of its subdomains. */
function onDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function findDomain(host: string, domains: readonly string[]): string | undefined {
  return domains.find((domain) => onDomain(host, domain));
}

/** Parses a link as twitter-text found it (often without a scheme: "example.org/page"). */
function parseLink(written: string): URL | undefined {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(written) ? written : `http://${written}`);
  } catch {
    return undefined;
  }
}

/** Top-level domains a bare "name.tld" almost always means as an address. */
const CLASSIC_TLDS = new Set(['com', 'net', 'org', 'gov', 'edu', 'mil', 'int', 'info', 'biz']);

/**
 * Whether a link twitter-text found was written as one. It takes a missing space after a full stop
 * for a domain when the next word is a top-level domain now ("properly.Help", "away.now"), so a bare
 * "name.word" with no scheme, no www. and no path counts only under a country code or a classic
 * top-level domain (example.org, nyti.ms).
 */
export function isWrittenAsLink(written: string): boolean {
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i.test(written) || /^[^/?#]+[/?#]./.test(written)) return true;
  const host = parseLink(written)?.hostname;
  if (!host) return false;
  const topLevel = host.slice(host.lastIndexOf('.') + 1);
  return topLevel.length === 2 || CLASSIC_TLDS.has(topLevel);
}

function validDomains(domains: readonly string[], option: string): string[] {
  return domains.map((domain, index) => {
    const normalized = normalizeDomain(domain);
    if (!DOMAIN.test(normalized)) throw new RuleOptionError(`"${domain}" is not a domain name`, [option, index]);
    return normalized;
  });
}

function resolveLimits(overrides: LinksOptions['platformLimits']): Map<string, PlatformLimit> {
  const shipped = loadLexicon<{ platforms: Record<string, PlatformLimitData> }>('link-platforms').platforms;
  const limits = new Map<string, PlatformLimit>();
  for (const [platform, data] of Object.entries(shipped)) {
    limits.set(platform, {
      name: data.name,
      max: data.max,
      unique: data.unique ?? false,
      message: data.limit,
      reason: `${data.effect} (Source: ${data.source.replace(/\.$/, '')}.)`,
    });
  }
  for (const [platform, max] of Object.entries(overrides)) {
    if (max === null || max === undefined) {
      limits.delete(platform);
      continue;
    }
    if (limits.get(platform)?.max === max) continue;
    const name = PLATFORM_NAMES[platform as Platform];
    const text = `the policy allows at most ${max} ${max === 1 ? 'link' : 'links'} in a post on ${name}`;
    limits.set(platform, { name, max, unique: limits.get(platform)?.unique ?? false, message: text, reason: `${text[0].toUpperCase()}${text.slice(1)}.` });
  }
  return limits;
}

function linksIn(links: readonly Entity[], segment: Segment): Entity[] {
  return links.filter((url) => url.start >= segment.start && url.end <= segment.end);
}

/** Links past the `max`th, counting a repeated URL once where the platform does. */
function linksPast(links: readonly Entity[], max: number, unique: boolean): { count: number; over: Entity[] } {
  if (!unique) return { count: links.length, over: links.slice(max) };
  const seen = new Set<string>();
  const over: Entity[] = [];
  for (const link of links) {
    if (seen.has(link.value)) continue;
    seen.add(link.value);
    if (seen.size > max) over.push(link);
  }
  return { count: seen.size, over };
}

const platformLimitsSchema = {
  type: 'object',
  default: {},
  additionalProperties: false,
  description: 'Link caps per platform, over the shipped ones (Threads 5, Instagram 0): a number, or null for no cap.',
  properties: Object.fromEntries(
    PLATFORMS.map((platform) => [
      platform,
      { type: ['integer', 'null'], minimum: 0, description: `Most links in one post on ${PLATFORM_NAMES[platform]}.` },
    ]),
  ),
};

const domainList = (description: string) => ({
  type: 'array',
  items: { type: 'string', minLength: 1 },
  default: [],
  description,
});

const rule: Rule<LinksOptions> = {
  meta: {
    id: 'links',
    description: 'Too many links for the platform, link shorteners, links to domains the policy bans, missing UTM parameters.',
    rationale: `A link is often the point of a post, so it should arrive, be trusted and be counted. This rule
checks the links twitter-text finds in a post — full URLs and bare domains such as \`example.org\` — in each published
part (each post of a thread on its own):

- **Platform limits**, for the platforms the post targets: since December 2025 **Threads** refuses a post with more
  than **5** different links (Threads API, error \`THREADS_API__LINK_LIMIT_EXCEEDED\`), and **Instagram** shows a URL
  in a caption as plain text nobody can tap ("link in bio"). X, Bluesky, Mastodon, LinkedIn, Facebook and YouTube
  document no cap. Limits live in \`rules/data/link-platforms.yaml\` with their sources; \`platformLimits\` overrides
  them, and \`max\` sets a house maximum for every post (none by default).
- **Link shorteners** (\`shorteners\`, on by default): bit.ly, ow.ly, tinyurl.com and two dozen other public services
  (\`rules/data/link-shorteners.yaml\`) hide where a link goes. Readers cannot see the destination before they tap,
  scammers use the same services so spam filters distrust them, and a closed service breaks every link (unused
  goo.gl links died on 25 August 2025). Shortening saves nothing on X, which counts every URL as 23 characters.
  A **platform's own wrapper** pasted into a draft is reported too: X wraps every link in **t.co** itself and shows
  readers the destination's domain, but a t.co link copied from an earlier post shows only "t.co/…" (the same for
  LinkedIn's lnkd.in). \`allowedShorteners\` lets a team keep one it trusts.
- **Domains**: \`bannedDomains\` reports links to those domains; \`allowedDomains\`, when set, reports links anywhere
  else. A domain includes its subdomains (\`example.org\` covers \`news.example.org\`; \`www.\` is ignored).
- **Campaign parameters**: \`requireUtm\` (e.g. \`[utm_source, utm_medium, utm_campaign]\`) lists query parameters
  that links to \`utmDomains\` — the team's own sites, whose analytics read them — must carry with a value. Links to
  other sites are never asked for them: tagging someone else's URL only leaks your campaign names.

twitter-text takes a missing space after a full stop for a link when the next word is a top-level domain now
("arrived 3 hours late.Love the crew" → \`late.Love\`), so a bare \`name.word\` without scheme, \`www.\` or path counts
only under a country code or a classic top-level domain (.com, .org, .net, .gov, .edu, …).

Findings point at the link. The metric \`links\` is the number of links in the post.`,
    docs: 'docs/rules/links.md',
    defaultSeverity: 'warn',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        max: {
          type: ['integer', 'null'],
          minimum: 0,
          default: null,
          description: 'House maximum of links in one post on any platform; null for none.',
        },
        platformLimits: platformLimitsSchema,
        shorteners: {
          type: 'boolean',
          default: true,
          description: "Report public link shorteners (bit.ly, ow.ly, …) and platforms' own wrappers (t.co, lnkd.in).",
        },
        allowedShorteners: domainList('Shortener domains the team accepts, e.g. ["bit.ly"] for its own Bitly account.'),
        allowedDomains: domainList('If set, links may go only to these domains (and their subdomains).'),
        bannedDomains: domainList('Links to these domains (and their subdomains) are reported.'),
        requireUtm: {
          type: 'array',
          items: { type: 'string', pattern: '^[A-Za-z0-9_.-]+$' },
          uniqueItems: true,
          default: [],
          description: 'Query parameters links to `utmDomains` must carry, e.g. ["utm_source", "utm_medium", "utm_campaign"].',
        },
        utmDomains: domainList('Domains whose links must carry the `requireUtm` parameters: the team\'s own sites.'),
      },
    },
    examples: {
      pass: [
        { text: 'Read the full report: https://example.org/report-2026', note: 'A plain link.' },
        {
          text: 'Timetables at https://transit.example.gov/timetables?utm_source=x&utm_medium=social&utm_campaign=winter',
          options: { requireUtm: ['utm_source', 'utm_medium', 'utm_campaign'], utmDomains: ['example.gov'] },
          note: 'A link to the team\'s own site with every campaign parameter.',
        },
        {
          text: 'Sign up at bit.ly/our-newsletter',
          options: { allowedShorteners: ['bit.ly'] },
          note: 'A shortener the team accepts.',
        },
        {
          text: 'Sources: https://example.org/1 https://example.org/2 https://example.org/3 https://example.org/4 https://example.org/5 https://example.org/1',
          meta: { platforms: ['threads'] },
          note: 'Five different links (one repeated) are within the Threads limit.',
        },
      ],
      fail: [
        { text: 'Our new menu is out! https://bit.ly/3xYzAbC', note: 'A public shortener hides where the link goes.' },
        { text: 'As we said: https://t.co/AbCdEf1234', note: "A pasted t.co link: X's own wrapper." },
        {
          text: 'Story here: https://www.dailyrumour.co.uk/story',
          options: { bannedDomains: ['dailyrumour.co.uk'] },
          note: 'A banned domain (with www).',
        },
        {
          text: 'Timetables at https://example.gov/timetables?utm_source=x',
          options: { requireUtm: ['utm_source', 'utm_medium', 'utm_campaign'], utmDomains: ['example.gov'] },
          note: 'Campaign parameters missing.',
        },
        {
          text: 'Sources: example.org/1 example.org/2 example.org/3 example.org/4 example.org/5 example.org/6',
          meta: { platforms: ['threads'] },
          note: 'Six links: Threads rejects the post.',
        },
      ],
    },
    measured: `Measured with \`node scripts/eval/links.mjs\` (full report: \`docs/eval/links.md\`) at default options
on 17,211 real posts — corporate-messaging, airline-tweets, political-posts (CrowdFlower) and youtube-spam (UCI) — each
checked as if it targeted Threads and Instagram. There are no labels for these checks, so samples were read by hand
(judgements kept in the script). Nothing was tuned on these posts.

| finding | posts flagged (dev / test) | hand-checked precision (dev / test) |
|---|---|---|
| public shortener (bit.ly, ow.ly, 1.usa.gov, …) | 1.7% / 1.8% | 40/40, 40/40 |
| platform wrapper (t.co) | 19.0% / 19.9% | an artefact of the data: tweets from the X API have every link as t.co |
| Threads, more than 5 links | 2 posts / 1 post | 3/3 right (8, 20 and 12 links) |
| Instagram, any link in a caption | 23.6% / 24.8% | every post with a link |

Links found without a scheme (bare domains) are real links in 37/38 and 33/35 sampled cases as the rule counts them;
as twitter-text finds them, 37/40 and 33/40 — the rule drops a bare \`name.word\` under a new top-level domain
("hours.Love", "away.now"). Check time: ~25 µs per post.`,
  },
  create(options) {
    const allowedShorteners = validDomains(options.allowedShorteners, 'allowedShorteners');
    const allowedDomains = validDomains(options.allowedDomains, 'allowedDomains');
    const bannedDomains = validDomains(options.bannedDomains, 'bannedDomains');
    const utmDomains = validDomains(options.utmDomains, 'utmDomains');
    if (options.requireUtm.length > 0 && utmDomains.length === 0) {
      throw new RuleOptionError('requireUtm needs utmDomains: the sites whose links must carry the parameters', ['utmDomains']);
    }
    const limits = resolveLimits(options.platformLimits);
    const shortenerData = loadLexicon<ShortenerData>('link-shorteners');
    const shorteners: Shortener[] = [...shortenerData.platformWrappers, ...shortenerData.shorteners].filter(
      (shortener) => !findDomain(shortener.domain, allowedShorteners),
    );

    return (post: Post, context: CheckContext) => {
      const allLinks = post.analysis.urls.filter((url) => isWrittenAsLink(url.value));
      context.metric(allLinks.length);
      const platforms = post.meta.platforms ?? [];
      for (const segment of post.segments) {
        const links = linksIn(allLinks, segment);
        for (const platform of platforms) {
          const limit = limits.get(platform);
          if (!limit) continue;
          const { count, over } = linksPast(links, limit.max, limit.unique);
          if (over.length === 0) continue;
          context.report({
            start: over[0].start,
            end: over[over.length - 1].end,
            message: `${count} ${count === 1 ? 'link' : 'links'}: ${limit.message}`,
            reason: limit.reason,
          });
        }
        if (options.max !== null && links.length > options.max) {
          context.report({
            start: links[options.max].start,
            end: links[links.length - 1].end,
            message: `${links.length} links: the house style is at most ${options.max}`,
            reason: `The policy allows at most ${options.max} ${options.max === 1 ? 'link' : 'links'} in a post.`,
          });
        }
        for (const link of links) checkLink(link);
      }

      function checkLink(link: Entity) {
        const url = parseLink(link.value);
        if (!url) return;
        const host = normalizeDomain(url.hostname);
        const at = { start: link.start, end: link.end };
        const shortener = options.shorteners ? shorteners.find((candidate) => onDomain(host, candidate.domain)) : undefined;
        if (shortener) {
          context.report({
            ...at,
            message: shortener.platform
              ? `${link.text} is ${shortener.platform}'s own link wrapper: paste the address it leads to`
              : `${link.text} is a link shortener (${shortener.note}): link to the destination itself`,
            reason: shortener.platform ? `${shortener.note.trim()} ${SHORTENER_REASON}` : SHORTENER_REASON,
          });
        }
        const banned = findDomain(host, bannedDomains);
        if (banned) {
          context.report({ ...at, message: `Links to ${banned} are banned by the policy`, reason: `The policy bans links to ${banned}.` });
        } else if (allowedDomains.length > 0 && !shortener && !findDomain(host, [...allowedDomains, ...allowedShorteners])) {
          context.report({
            ...at,
            message: `${host} is not one of the domains the policy allows`,
            reason: `The policy allows links only to ${allowedDomains.join(', ')}.`,
          });
        }
        if (options.requireUtm.length > 0 && findDomain(host, utmDomains)) {
          const missing = options.requireUtm.filter((parameter) => !url.searchParams.get(parameter));
          if (missing.length > 0) {
            context.report({
              ...at,
              message: `Link to ${host} lacks ${missing.join(', ')}`,
              reason: `The policy asks links to ${utmDomains.join(', ')} to carry ${options.requireUtm.join(', ')} so campaigns can be measured.`,
            });
          }
        }
      }
    };
  },
};

export default rule;
