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
