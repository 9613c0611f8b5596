/**
 * Validates a rule's options against the rule's own JSON Schema and fills in its defaults.
 * Built-in rules' validators are compiled at build time; a plugin's on first use
 * (src/schema-validators.ts).
 */
import type { ErrorObject } from 'ajv';
import { compileValidator, RULE_OPTIONS_VALIDATION, type Validator } from './schema-validators.js';
import type { AnyRule } from './types.js';

const compiled = new WeakMap<AnyRule, Validator>();

export interface OptionProblem {
  /** Path inside the options object, e.g. ['topics', 0, 'terms']. */
  path: Array<string | number>;
  message: string;
}

/**
 * Rule schemas describe the options object; extra keys are typos, so they are refused unless the
 * rule says otherwise.
 */
export function ruleOptionsSchema(rule: AnyRule): object {
  return { additionalProperties: false, ...rule.meta.schema, type: 'object' };
}

function validatorFor(rule: AnyRule): Validator {
  let validate = compiled.get(rule);
  if (!validate) {
    validate = compileValidator(ruleOptionsSchema(rule), RULE_OPTIONS_VALIDATION);
    compiled.set(rule, validate);
  }
  return validate;
}

export function describeAjvError(error: ErrorObject): OptionProblem {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      return { path: [...path, key], message: `unknown option "${key}"` };
    }
    case 'enum':
      return { path, message: `must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}` };
    case 'required':
      return { path, message: `missing required "${String(error.params.missingProperty)}"` };
    default:
      return { path, message: error.message ?? 'is invalid' };
  }
}

/** Returns the options with defaults filled in, or the problems found. Never mutates `given`. */
export function resolveRuleOptions(
  rule: AnyRule,
  given: Record<string, unknown> = {},
): { options: Record<string, unknown>; problems: OptionProblem[] } {
  const options = structuredClone(given);
  const validate = validatorFor(rule);
  if (validate(options)) return { options, problems: [] };
  return { options, problems: (validate.errors ?? []).map(describeAjvError) };
}
