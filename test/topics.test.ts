import { describe, expect, it } from 'vitest';
import { analyze } from '../src/text/analyze.js';
import { compileTopics, findTopicMatches, inflectionsOf, type TopicDefinition } from '../src/text/topics.js';
import { RuleOptionError } from '../src/types.js';

function matchedTexts(text: string, topics: TopicDefinition[]): string[] {
  return findTopicMatches({ text, analysis: analyze(text) }, compileTopics(topics)).map((match) => match.text);
}
const terms = (...written: string[]): TopicDefinition[] => [{ name: 'topic', terms: written }];

describe('whole words only', () => {
  it.each([
    ['Our first-class team aced the assessment', 'ass'],
    ['Thanks to our devoted volunteers', 'vote'],
    ['The grassroots group met', 'ass'],
    ['a democratic consultation', 'democrat'],
    ['the election results', 'elect'],
    ['their caring staff', 'car'],
    ['See #DevotedFans and #assessment and #classy', 'vote'],
    ['See #assessment and #classy', 'ass'],
    ['#democratic values', 'democrat'],
  ])('%j has no %j', (text, term) => {
    expect(matchedTexts(text, terms(term))).toEqual([]);
  });

  it('matches a word between punctuation, hyphens and apostrophes', () => {
    expect(matchedTexts('What a kick-ass, half-assed plan.', terms('ass'))).toEqual(['ass', 'assed']);
  });
});

describe('inflections', () => {
  it.each([
    ['I am voting for her', 'voting for'],
    ['She votes for it', 'votes for'],
    ['He voted for it', 'voted for'],
    ['Re-electing the mayor', 'Re-electing'],
    ['Please reelect her', 'reelect'],
    ['We are REELECTING her', 'REELECTING'],
    ['Obama’s plan', 'Obama’s'],
    ['They banned it', 'banned'],
    ['Two rallies today', 'rallies'],
  ])('%j matches as %j', (text, expected) => {
    expect(matchedTexts(text, terms('vote for', 're-elect', 'obama', 'ban', 'rally'))).toEqual([expected]);
  });

  it('does not inflect function words or very short words', () => {
    expect(inflectionsOf('the')).toEqual(['the']);
    expect(inflectionsOf('us')).toEqual(['us']);
    expect(matchedTexts('we used it', terms('us'))).toEqual([]);
  });

  it('doubles the final consonant of one-syllable words only in doubled form', () => {
    expect(inflectionsOf('car')).not.toContain('caring');
    expect(inflectionsOf('target')).toEqual(expect.arrayContaining(['targeted', 'targeting']));
  });

  it('folds case, accents and typographic apostrophes', () => {
    expect(matchedTexts('CAFÉ opening', terms('cafe'))).toEqual(['CAFÉ']);
  });

  it('sees through invisible format characters', () => {
    expect(matchedTexts('the rap god\uFEFF', terms('god'))).toEqual(['god\uFEFF']);
    expect(matchedTexts('please vo\u00ADte for me', terms('vote for'))).toEqual(['vo\u00ADte for']);
  });
});

describe('phrases', () => {
  it('needs the words in order, separated only by spaces or hyphens', () => {
    expect(matchedTexts('vote. For me', terms('vote for'))).toEqual([]);
    expect(matchedTexts('for vote', terms('vote for'))).toEqual([]);
    expect(matchedTexts('vote\n  for me', terms('vote for'))).toEqual(['vote\n  for']);
  });
});

describe('hashtags', () => {
  it.each([
    ['#VoteForSmith', 'vote for'],
    ['#reelectjane', 're-elect'],
    ['#ReElectJane', 're-elect'],
    ['#Vote_For_Smith', 'vote for'],
    ['#VotingForSmith', 'vote for'],
    ['#StopTheVote', 'vote'],
    ['#Vote2024', 'vote'],
    ['#GOPTaxScam', 'gop'],
    ['#electionday', 'election'],
  ])('%j matches %j', (hashtag, term) => {
    expect(matchedTexts(`Today ${hashtag} !`, terms(term))).toEqual([hashtag]);
  });

  it.each([
    ['#reelection', 're-elect'],
    ['#stopthevote', 'vote'],
    ['#votenow', 'vote'],
    ['#ClassAction', 'ass'],
  ])('%j does not match %j', (hashtag, term) => {
    expect(matchedTexts(`Today ${hashtag} !`, terms(term))).toEqual([]);
  });

  it('ignores a # inside a link', () => {
    expect(matchedTexts('see https://example.com/page#VoteForSmith', terms('vote for'))).toEqual([]);
  });
});

describe('patterns', () => {
  it('matches user regexes case-insensitively', () => {
    expect(matchedTexts('Beats the ACME X200!', [{ name: 'competitors', patterns: ['acme\\s+x\\d+'] }])).toEqual(['ACME X200']);
  });

  it('reports an invalid pattern with its path', () => {
    const compile = () => compileTopics([{ name: 'a', terms: ['x'] }, { name: 'b', patterns: ['ok', '(unclosed'] }], ['topics']);
    expect(compile).toThrow(RuleOptionError);
    try {
      compile();
    } catch (error) {
      expect((error as RuleOptionError).path).toEqual(['topics', 1, 'patterns', 1]);
    }
  });

  it('refuses a pattern that matches empty text', () => {
    expect(() => compileTopics([{ name: 'a', patterns: ['x*'] }])).toThrow(/empty text/);
  });

  it('refuses a term without words, with its path under the given options path', () => {
    try {
      compileTopics([{ name: 'a', terms: ['ok', '!!!'] }], ['rules', 'topics']);
      expect.unreachable();
    } catch (error) {
      expect((error as RuleOptionError).path).toEqual(['rules', 'topics', 0, 'terms', 1]);
    }
  });
});

describe('findTopicMatches', () => {
  it('reports each stretch of text once per topic, in text order, with offsets and the term', () => {
    const text = 'Go #VoteForSmith, then vote for Smith.';
    const topic = { name: 'campaigning', terms: ['vote', 'vote for', 'smith'] };
    const matches = findTopicMatches({ text, analysis: analyze(text) }, compileTopics([topic]));
    expect(matches.map(({ text: written, term, via }) => [written, term, via])).toEqual([
      ['#VoteForSmith', 'vote', 'hashtag'],
      ['vote for', 'vote for', 'words'],
      ['Smith', 'smith', 'words'],
    ]);
    for (const match of matches) {
      expect(text.slice(match.start, match.end)).toBe(match.text);
      expect(match.topic).toBe(topic);
    }
  });

  it('reports overlapping mentions of different topics separately', () => {
    const topics = [
      { name: 'a', terms: ['vote'] },
      { name: 'b', terms: ['vote for'] },
    ];
    expect(matchedTexts('vote for me', topics)).toEqual(['vote for', 'vote']);
  });
});
