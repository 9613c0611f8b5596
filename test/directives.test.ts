/** Inline waivers: HTML-comment directives in any post format, as a filter over findings. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText, loadPolicy } from '../src/index.js';
import { fixturesDir, makeTree } from './helpers.js';

const policyText = (extra = '') =>
  `plugins: [${JSON.stringify(join(fixturesDir, 'plugins', 'no-competitor-names.js'))}]\nrules:\n  no-competitor-names: { severity: error, names: [Acme] }\n  platform-length: error\n${extra}`;

async function findings(text: string, options: { filename?: string; extra?: string; reportUnused?: 'warn' | 'error' } = {}) {
  const dir = makeTree({ 'postlint.yaml': policyText(options.extra) });
  const loadedPolicy = await loadPolicy({ cwd: dir });
  const report = await lintText(text, { loadedPolicy, cwd: dir, filename: options.filename ?? 'post.md', reportUnusedDirectives: options.reportUnused });
  return report.results.flatMap((result) => result.findings.map((f) => `${f.line}:${f.column} ${f.rule} ${f.message}`));
}

describe('inline directives', () => {
  it('disable-next-line waives the next line only', async () => {
    const text = '<!-- postlint-disable-next-line no-competitor-names -- quoting the press release -->\nAcme said so.\nAcme again.';
    expect(await findings(text)).toEqual(['3:1 no-competitor-names names competitor "Acme"']);
  });

  it('disable-line waives its own line', async () => {
    expect(await findings('Acme said so. <!-- postlint-disable-line no-competitor-names -- quote -->\nAcme again.')).toEqual(['2:1 no-competitor-names names competitor "Acme"']);
  });

  it('disable … enable waives a region; no rule list means every rule', async () => {
    const text = 'Acme one.\n<!-- postlint-disable no-competitor-names -- a comparison legal approved -->\nAcme two.\n<!-- postlint-enable no-competitor-names -->\nAcme three.\n<!-- postlint-disable -->\nAcme four.';
    expect(await findings(text)).toEqual(['1:1 no-competitor-names names competitor "Acme"', '5:1 no-competitor-names names competitor "Acme"']);
  });

  it('takes directives out of the text before analysis: they count towards no length, and positions stay right', async () => {
    const filler = 'a'.repeat(270);
    const comment = '<!-- postlint-disable-next-line some-rule-we-do-not-have -->';
    const text = `---\nplatforms: [x]\n---\n${filler} ${comment} Acme`;
    const result = await findings(text);
    expect(result).toContain(`4:${filler.length + comment.length + 3} no-competitor-names names competitor "Acme"`);
    expect(result.some((line) => line.includes('platform-length'))).toBe(false);
  });

  it('reports a directive that names an unknown rule', async () => {
    expect(await findings('<!-- postlint-disable-next-line tone-of-voice -->\nHello')).toEqual([
      '1:1 postlint-directive postlint-disable-next-line names unknown rule "tone-of-voice"',
    ]);
  });

  it('requires a reason when the policy says so', async () => {
    const result = await findings('<!-- postlint-disable-next-line no-competitor-names -->\nAcme', { extra: 'requireDirectiveReason: true\n' });
    expect(result).toEqual(['1:1 postlint-directive postlint-disable-next-line needs a reason: add "-- why" before "-->"']);
  });

  it('reports unused directives when asked', async () => {
    const text = '<!-- postlint-disable-next-line no-competitor-names -- just in case -->\nNothing to see.';
    expect(await findings(text)).toEqual([]);
    expect(await findings(text, { reportUnused: 'error' })).toEqual([
      '1:1 postlint-directive unused postlint-disable-next-line directive (no-competitor-names): nothing here to waive',
    ]);
  });

  it('works inside a .tweet thread, a YAML queue and a CSV cell', async () => {
    const tweet = 'First <!-- postlint-disable-line no-competitor-names -- quote --> Acme\n\n---\n\nSecond Acme';
    expect(await findings(tweet, { filename: 't.tweet' })).toEqual(['5:8 no-competitor-names names competitor "Acme"']);
    const queue = '- text: "Acme <!-- postlint-disable-line no-competitor-names -- quote -->"\n- text: Acme\n';
    expect(await findings(queue, { filename: 'q.yaml' })).toEqual(['2:9 no-competitor-names names competitor "Acme"']);
    const csv = 'date,time_24hr,message_text\n2026-12-01,09:00,"Acme <!-- postlint-disable-line no-competitor-names -- quote -->"\n';
    expect(await findings(csv, { filename: 's.csv' })).toEqual([]);
  });
});

