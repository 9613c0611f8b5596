import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PostlintError } from '../src/errors.js';
import { loadPolicy } from '../src/policy/discover.js';
import { fixturesDir, makeTree } from './helpers.js';

/** Loads `postlint.yaml` with the given text and returns the error's located one-liner. */
async function policyError(yaml: string, extraFiles: Record<string, string> = {}): Promise<string> {
  const dir = makeTree({ 'postlint.yaml': yaml, ...extraFiles });
  try {
    await loadPolicy({ cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(PostlintError);
    return (error as PostlintError).located;
  }
  throw new Error('expected the policy to be rejected');
}

describe('policy errors point at file:line:col', () => {
  it('YAML syntax error', async () => {
    expect(await policyError('rules:\n  tone: [warn\n')).toMatch(/^postlint\.yaml:3:1: /);
  });

  it('duplicate key', async () => {
    expect(await policyError('rules:\n  tone: warn\n  tone: error\n')).toMatch(/^postlint\.yaml:3:3: .*unique/i);
  });

  it('unknown top-level key, at the key', async () => {
    expect(await policyError('extends: [recommended]\nrulez:\n  tone: warn\n')).toBe('postlint.yaml:2:1: unknown option "rulez" in policy');
  });

  it('unknown rule id, with a suggestion', async () => {
    expect(await policyError('rules:\n  tome: warn\n')).toBe('postlint.yaml:2:3: unknown rule "tome" (did you mean "tone"?)');
  });

  it('unknown rule id inside an override', async () => {
    expect(await policyError('overrides:\n  - files: ["a/**"]\n    rules:\n      no-such-rule: error\n')).toBe('postlint.yaml:4:7: unknown rule "no-such-rule"');
  });

  it('bad severity', async () => {
    expect(await policyError('rules:\n  tone: fatal\n')).toMatch(/^postlint\.yaml:2:9: .*must be one of: off, warn, error/);
  });

  it('bad severity inside an object entry', async () => {
    expect(await policyError('rules:\n  tone:\n    severity: loud\n')).toMatch(/^postlint\.yaml:3:15: "rules\.tone\.severity" must be one of: off, warn, error/);
  });

  it('wrong type at top level', async () => {
    expect(await policyError('platforms: x\n')).toBe('postlint.yaml:1:12: "platforms" must be array');
  });

  it('unknown platform', async () => {
    expect(await policyError('platforms: [x, myspace]\n')).toMatch(/^postlint\.yaml:1:16: "platforms\.1" must be one of: x, bluesky/);
  });

  it('wrong option type, at the option', async () => {
    expect(await policyError('rules:\n  sales-pitch-ratio:\n    severity: error\n    max: lots\n')).toBe(
      'postlint.yaml:4:10: rule "sales-pitch-ratio" option "max": must be number',
    );
  });

  it('unknown option, at its key', async () => {
    expect(await policyError('rules:\n  tone:\n    severity: warn\n    minscore: -0.5\n')).toBe('postlint.yaml:4:5: rule "tone" option "minscore": unknown option "minscore"');
  });

  it('bad regex in a topic pattern', async () => {
    const message = await policyError(
      'rules:\n  forbidden-topics:\n    topics:\n      - name: x\n        reason: y\n        terms: [a]\n        patterns: ["(unclosed"]\n',
    );
    expect(message).toMatch(/^postlint\.yaml:7:20: rule "forbidden-topics" option "topics\.0\.patterns\.0": /);
  });

  it('a rule whose create() refuses its options points at the rule entry', async () => {
    expect(await policyError('rules:\n  relevance: warn\n')).toBe(
      'postlint.yaml:2:14: rule "relevance" option "remit": relevance needs the account\'s remit: list its topics under "remit"',
    );
  });

  it('override without files', async () => {
    expect(await policyError('overrides:\n  - rules: { tone: error }\n')).toMatch(/^postlint\.yaml:2:5: .*missing required "files"/);
  });

  it('plugin that cannot be found', async () => {
    expect(await policyError('plugins: [./nope.js]\n')).toMatch(/^postlint\.yaml:1:11: cannot find plugin "\.\/nope\.js"/);
  });

  it('plugin with a syntax error', async () => {
    expect(await policyError('plugins:\n  - ./broken.js\n', { 'broken.js': 'export default {{;\n' })).toMatch(/^postlint\.yaml:2:5: cannot load plugin "\.\/broken\.js": /);
  });

  it('plugin that breaks the rule contract', async () => {
    expect(await policyError('plugins: [./bad.js]\n', { 'bad.js': 'export default { meta: { id: "Bad Id" }, create() {} };\n' })).toBe(
      'postlint.yaml:1:11: plugin "./bad.js" has a rule whose meta.id "Bad Id" is not a kebab-case id',
    );
  });

  it('plugin that redefines a built-in rule', async () => {
    const plugin = 'export default { meta: { id: "tone", description: "mine" }, create() { return () => {}; } };\n';
    expect(await policyError('plugins: [./tone.js]\n', { 'tone.js': plugin })).toBe('postlint.yaml:1:11: plugin "./tone.js" defines rule "tone", which is a built-in rule');
  });

  it('unknown preset', async () => {
    expect(await policyError('extends: [recomended]\n')).toMatch(/^postlint\.yaml:1:11: unknown preset "recomended"/);
  });

  it('extends a missing file', async () => {
    expect(await policyError('extends: ./base.yaml\n')).toBe('postlint.yaml:1:10: cannot extend "./base.yaml": file not found');
  });

  it('errors inside an extended file point into that file', async () => {
    expect(await policyError('extends: [./base.yaml]\n', { 'base.yaml': 'rules:\n  tone: sometimes\n' })).toMatch(/^base\.yaml:2:9: /);
  });

  it('extends cycle', async () => {
    expect(await policyError('extends: [./a.yaml]\n', { 'a.yaml': 'extends: [./postlint.yaml]\n' })).toMatch(/"extends" forms a cycle/);
  });

  it('a --policy file that does not exist', async () => {
    await expect(loadPolicy({ policy: 'missing.yaml', cwd: makeTree({}) })).rejects.toThrow('policy file not found: missing.yaml');
  });

  it('alias bomb is refused, not expanded', async () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(await policyError(`${bomb.join('\n')}\n`)).toMatch(/^postlint\.yaml:2:8: YAML aliases expand too far/);
  });
});

describe('policy resolution', () => {
  it('uses the built-in recommended policy when no file is found', async () => {
    const loaded = await loadPolicy({ cwd: makeTree({}) });
    expect(loaded.usedDefault).toBe(true);
    expect(loaded.resolved.name).toBe('builtin:recommended');
    expect(loaded.compiled.effectiveRules().map((rule) => rule.id)).toContain('sales-pitch-ratio');
  });

  it('finds a policy in a parent directory, in name order', async () => {
    const dir = makeTree({ '.postlint.yml': 'rules: { tone: error }\n', 'postlint.yaml': 'rules: { pii: error }\n', 'a/b/.keep': '' });
    const loaded = await loadPolicy({ cwd: join(dir, 'a', 'b') });
    expect(loaded.resolved.file).toBe(join(dir, 'postlint.yaml'));
    expect(loaded.resolved.name).toBe('../../postlint.yaml');
  });

  it('merges extends in order, then the file itself; options merge key by key with defaults filled', async () => {
    const dir = makeTree({
      'base.yaml': 'rules:\n  sales-pitch-ratio: { severity: warn, max: 0.2 }\n  tone: error\n',
      'postlint.yaml': 'extends: [recommended, ./base.yaml]\nrules:\n  sales-pitch-ratio: error\n  pii: off\n',
    });
    const { compiled, resolved } = await loadPolicy({ cwd: dir });
    expect(resolved.layers).toEqual(['builtin:recommended', 'base.yaml', 'postlint.yaml']);
    const rules = Object.fromEntries(compiled.effectiveRules().map((rule) => [rule.id, rule]));
    expect(rules['sales-pitch-ratio'].severity).toBe('error');
    expect(rules['sales-pitch-ratio'].options.max).toBe(0.2);
    expect(rules.tone.severity).toBe('error');
    expect(rules.tone.options).toHaveProperty('minScore');
    expect(rules.pii).toBeUndefined();
  });

  it('applies overrides only to matching files, relative to the policy file', async () => {
    const dir = makeTree({
      'postlint.yaml': 'rules:\n  tone: warn\noverrides:\n  - files: ["replies/**"]\n    excludedFiles: ["replies/ok/**"]\n    rules:\n      tone: { severity: error }\n      pii: error\n',
    });
    const { compiled } = await loadPolicy({ cwd: dir });
    const severities = async (file: string) => Object.fromEntries((await compiled.rulesFor(join(dir, file))).map((rule) => [rule.id, rule.severity]));
    expect(await severities('posts/a.txt')).toEqual({ tone: 'warn' });
    expect(await severities('replies/a.txt')).toEqual({ tone: 'error', pii: 'error' });
    expect(await severities('replies/ok/a.txt')).toEqual({ tone: 'warn' });
  });

  it('an object entry without severity keeps the inherited severity', async () => {
    const dir = makeTree({ 'postlint.yaml': 'extends: [recommended]\nrules:\n  sales-pitch-ratio: { max: 0.9 }\n' });
    const [rule] = (await loadPolicy({ cwd: dir })).compiled.effectiveRules().filter((r) => r.id === 'sales-pitch-ratio');
    expect(rule.severity).toBe('error');
    expect(rule.options.max).toBe(0.9);
  });

  it('loads the example plugin through a policy file', async () => {
    const { compiled, resolved } = await loadPolicy({ policy: join(fixturesDir, 'plugin-policy.yaml'), cwd: fixturesDir });
    expect(resolved.plugins).toEqual(['./plugins/no-competitor-names.js']);
    expect(resolved.registry.get('no-competitor-names')?.origin).toBe('./plugins/no-competitor-names.js');
    const rule = compiled.effectiveRules().find((r) => r.id === 'no-competitor-names');
    expect(rule).toMatchObject({ severity: 'error', options: { names: ['Acme', 'Globex'] } });
  });
});
