// Placeholder until the rule lands; it reports nothing and is not yet documented as done.
import type { Rule } from '../src/types.js';

const rule: Rule = {
  meta: {
    id: 'tone',
    description: 'TODO',
    rationale: 'TODO',
    schema: { type: 'object', properties: {} },
    examples: { pass: [], fail: [] },
  },
  create() {
    return () => {};
  },
};
export default rule;
