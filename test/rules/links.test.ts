import { describe, expect, it } from 'vitest';
import links from '../../rules/links.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';

describe('links', () => {
  it('runs its documented examples', async () => {
    expect(await verifyRuleExamples(links)).toEqual([]);
  });
});
