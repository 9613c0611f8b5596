/**
 * Every JSON Schema postlint ships, with the ajv options it is checked with. The build compiles
 * these ahead of time (scripts/build-validators.mjs, src/schema-validators.ts). The modules that
 * validate use the same schema objects and options, so the build and the run cannot disagree.
 */
import { builtinRules } from '../rules/index.js';
import { postFieldsSchema } from './inputs/post-fields.js';
import { policyStructureSchema } from './policy/structure-schema.js';
import { ruleOptionsSchema } from './rule-options.js';
import { POLICY_VALIDATION, POST_FIELDS_VALIDATION, RULE_OPTIONS_VALIDATION, type ValidatorOptions } from './schema-validators.js';

export function shippedSchemas(): Array<{ name: string; schema: object; options: ValidatorOptions }> {
  return [
    { name: 'policy', schema: policyStructureSchema, options: POLICY_VALIDATION },
    { name: 'post fields', schema: postFieldsSchema, options: POST_FIELDS_VALIDATION },
    ...builtinRules.map((rule) => ({ name: `rule ${rule.meta.id}`, schema: ruleOptionsSchema(rule), options: RULE_OPTIONS_VALIDATION })),
  ];
}
