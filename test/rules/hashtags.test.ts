import { describe, expect, it } from 'vitest';
import hashtags from '../../rules/hashtags.js';
import { runRule, verifyRuleExamples } from '../../src/rule-tester.js';

describe('hashtags', () => {
  it('runs its documented examples', async () => {
    expect(await verifyRuleExamples(hashtags)).toEqual([]);
  });
});
