/** The platforms postlint knows, by the names policies and post files use, and how to print them. */
export const PLATFORMS = ['x', 'bluesky', 'mastodon', 'threads', 'linkedin', 'instagram', 'facebook', 'youtube'] as const;

export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  youtube: 'YouTube',
};

export const isPlatform = (name: string): name is Platform => (PLATFORMS as readonly string[]).includes(name);

/** Other names people and schedulers write for a platform: X was Twitter until 2023. */
export const PLATFORM_ALIASES: Readonly<Record<string, Platform>> = { twitter: 'x' };

/** Every name a policy or a post file may use for a platform. */
export const PLATFORM_WORDS: readonly string[] = [...PLATFORMS, ...Object.keys(PLATFORM_ALIASES)];

/** The platform a written name stands for ("twitter" → "x"); names are checked by the schemas first. */
export const canonicalPlatform = (name: string): string => (Object.hasOwn(PLATFORM_ALIASES, name) ? PLATFORM_ALIASES[name] : name);
