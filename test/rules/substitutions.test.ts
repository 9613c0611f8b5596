import { describe, expect, it } from 'vitest';
import substitutions from '../../rules/substitutions.js';
import { runRule } from '../../src/rule-tester.js';

const run = async (text: string, options: Record<string, unknown>) =>
  (await runRule(substitutions, text, options)).findings.map((f) => [text.slice(f.start, f.end), f.suggestion]);

describe('substitutions', () => {
  it('suggests the replacement, keeping the written capital', async () => {
    expect(await run('Utilize the portal. We utilize it. UTILIZE!', { plainLanguage: true })).toEqual([
      ['Utilize', 'Use'],
      ['utilize', 'use'],
      ['UTILIZE', 'USE'],
    ]);
  });

  it('matches phrases across line breaks, whole words only, longest first', async () => {
    expect(await run('Come early in order\nto park. Our utility bills.', { plainLanguage: true })).toEqual([['in order\nto', 'to']]);
  });

  it("uses the team's own terms, which win over the built-in list", async () => {
    expect(await run('Leverage NYC data', { plainLanguage: true, terms: { leverage: 'make use of', NYC: 'New York City' } })).toEqual([
      ['Leverage', 'Make use of'],
      ['NYC', 'New York City'],
    ]);
  });

  it('does nothing without terms', async () => {
    expect(await run('Utilize it.', {})).toEqual([]);
  });

  it('refuses a term without letters or digits', async () => {
    await expect(runRule(substitutions, 'x', { terms: { '!!': 'x' } })).rejects.toMatchObject({ path: ['terms', '!!'] });
  });
});
