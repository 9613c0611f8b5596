// Measures `relevance` on corporate-messaging: which company wrote a tweet is the label. Each
// sector gets a remit written from its vocabulary (tuned on the dev half only); a post by another
// sector's brand should be flagged, a post by one of the sector's own brands should pass.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fmt, readDataset, repoRoot, splitOf } from './lib.mjs';

const { default: relevance } = await import(join(repoRoot, 'dist/rules/relevance.js'));
const { runRule } = await import(join(repoRoot, 'dist/src/rule-tester.js'));

const SECTORS = {
  banking: {
    brands: ['Barclays', 'barclayswealth', 'Citi', 'CitigroupBRK', 'C_PR'],
    remit: [
      { name: 'banking', terms: ['bank', 'banking', 'banker', 'account', 'card', 'credit', 'loan', 'mortgage', 'savings', 'deposit', 'payment', 'branch', 'ATM', 'fraud', 'cash'] },
      { name: 'investing', terms: ['invest', 'investor', 'investment', 'wealth', 'market', 'equity', 'bond', 'fund', 'portfolio', 'asset', 'stock', 'trading', 'capital', 'economy', 'economic', 'growth', 'inflation', 'rate', 'GDP', 'fed', 'currency', 'yield', 'emerging markets', 'outlook'] },
      { name: 'business finance', terms: ['finance', 'financial', 'business', 'client', 'entrepreneur', 'SME', 'results', 'earnings', 'profit', 'revenue', 'quarter', 'CEO', 'CFO', 'dividend', 'tax', 'budget', 'money', 'philanthropy', 'microfinance', 'pension', 'retirement', 'benefits', 'employee', 'workforce', 'shareholder', 'entrepreneurial', 'manufacturing', 'jobs', 'unemployment', 'employment', 'Barclays', 'Citi', 'Citigroup', 'insight', 'report', 'survey'] },
    ],
  },
  food: {
    brands: ['DanoneGroup', 'Nestle'],
    remit: [
      { name: 'food', terms: ['food', 'meal', 'recipe', 'cook', 'breakfast', 'snack', 'drink', 'water', 'milk', 'coffee', 'chocolate', 'cocoa', 'yogurt', 'yoghurt', 'cereal', 'baby food', 'ingredient', 'flavour', 'flavor', 'taste', 'product', 'brand', 'Nescafe', 'Nespresso', 'KitKat', 'Nesquik', 'Maggi', 'Purina', 'Danone', 'Evian', 'Activia'] },
      { name: 'nutrition', terms: ['nutrition', 'nutrient', 'diet', 'healthy', 'health', 'vitamin', 'iron', 'calcium', 'protein', 'sugar', 'salt', 'fat', 'obesity', 'wellness', 'hydration', 'infant', 'breastfeeding'] },
      { name: 'farming and supply', terms: ['farmer', 'farm', 'dairy', 'agriculture', 'supply chain', 'sourcing', 'sustainability', 'sustainable', 'packaging', 'factory', 'rural development', 'shared value', 'CSV', 'Nestle', 'Nestlé', 'nutritionist', 'kitchen', 'eat', 'eating', 'children', 'kids', 'mother', 'pet'] },
    ],
  },
  pharma: {
    brands: ['Merck', 'pfizer_news'],
    remit: [
      { name: 'medicine', terms: ['medicine', 'drug', 'vaccine', 'treatment', 'therapy', 'patient', 'clinical', 'trial', 'FDA', 'approval', 'doctor', 'physician', 'pharma', 'pharmaceutical', 'biopharma', 'prescription', 'dose', 'oncology', 'cancer', 'diabetes', 'HIV', 'hepatitis', 'Alzheimer'] },
      { name: 'health', terms: ['health', 'healthcare', 'disease', 'illness', 'infection', 'wellness', 'care', 'hospital', 'global health', 'public health', 'immunization', 'prevention'] },
      { name: 'science', terms: ['science', 'scientist', 'research', 'R&D', 'innovation', 'discovery', 'data', 'study', 'lab', 'biology', 'STEM', 'Pfizer', 'Merck', 'MSD', 'scientific', 'biotech', 'medical', 'pain', 'arthritis', 'smoking', 'cholesterol', 'heart', 'blood'] },
    ],
  },
};

const rows = readDataset('corporate-messaging');
const sectorOf = (brand) => Object.keys(SECTORS).find((sector) => SECTORS[sector].brands.includes(brand));
const counts = { dev: { ownPassed: 0, own: 0, otherFlagged: 0, other: 0 }, test: { ownPassed: 0, own: 0, otherFlagged: 0, other: 0 } };
const missedExamples = [];
const started = performance.now();
let checks = 0;
for (const [sector, { remit }] of Object.entries(SECTORS)) {
  for (const row of rows) {
    const half = counts[splitOf(row)];
    const { findings } = await runRule(relevance, row.text, { remit });
    checks++;
    const flagged = findings.length > 0;
    if (sectorOf(row.screenname) === sector) {
      half.own++;
      if (!flagged) half.ownPassed++;
      else if (splitOf(row) === 'dev' && missedExamples.length < 15) missedExamples.push(`${sector}: ${row.text}`);
    } else {
      half.other++;
      if (flagged) half.otherFlagged++;
    }
  }
}
void started;
// Check time as the CLI pays it: options resolved and create() run once, then one call per post.
const { resolveRuleOptions } = await import(join(repoRoot, 'dist/src/rule-options.js'));
const { analyze } = await import(join(repoRoot, 'dist/src/text/analyze.js'));
const check = await relevance.create(resolveRuleOptions(relevance, { remit: SECTORS.banking.remit }).options);
const analyses = rows.map((row) => ({ file: 'x', index: 0, text: row.text, meta: {}, analysis: analyze(row.text) }));
for (const post of analyses) void post.analysis.words, void post.analysis.hashtags;
const timed = performance.now();
for (const post of analyses) check(post, { report() {}, metric() {} });
const perCheck = ((performance.now() - timed) / analyses.length) * 1000;

const lines = [
  '# relevance — measured',
  '',
  'Generated by `node scripts/eval/relevance.mjs`. Label: which company wrote the tweet (corporate-messaging,',
  'CrowdFlower, CC0). Three sector remits (banking, food, pharma) are written in the script; each post is checked',
  "against every sector's remit. Remits were tuned on the dev half only.",
  '',
  '| half | own-sector posts | passed (recall of "relevant") | other sectors\' posts | flagged | precision of a flag |',
  '|---|---|---|---|---|---|',
];
for (const half of ['dev', 'test']) {
  const c = counts[half];
  // A flag is right when the post is another sector's; precision = right flags / all flags.
  const wrongFlags = c.own - c.ownPassed;
  lines.push(`| ${half} | ${c.own} | ${fmt(c.ownPassed / c.own)} | ${c.other} | ${fmt(c.otherFlagged / c.other)} | ${fmt(c.otherFlagged / (c.otherFlagged + wrongFlags))} |`);
}
lines.push('', `${perCheck.toFixed(1)} µs per post for the check on an analysis already computed (${analyses.length} posts, banking remit, Node ${process.versions.node}).`, '', 'Own-sector posts flagged (dev), for review:', '', ...missedExamples.map((text) => `- ${text.replace(/\s+/g, ' ')}`), '');
const report = lines.join('\n');
writeFileSync(join(repoRoot, 'docs/eval/relevance.md'), report);
console.log(report);
