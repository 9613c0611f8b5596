/**
 * JSON Schema validation without compiling schemas at start-up.
 *
 * ajv turns each schema into JavaScript on first use, ~10 ms a schema and ~300 ms for the thirty
 * postlint ships — most of a one-draft run. The build (scripts/build-validators.mjs) compiles every
 * shipped schema ahead of time with ajv's "standalone" code into dist/generated/validators.cjs,
 * keyed by the schema's JSON and the ajv options. A schema that is not there — a plugin's, or one
 * edited since the last build — is compiled by ajv on first use, so a stale build is slower, never
 * wrong. ajv itself is loaded only then.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { packageRoot } from './data-files.js';
import { loadAjv } from './dependencies.js';

export interface ValidatorOptions {
  /** Report every problem (policy and rule options) or stop at the first (post fields). */
  allErrors: boolean;
  /** Fill in `default` values (rule options). */
  useDefaults: boolean;
}

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export const POLICY_VALIDATION: ValidatorOptions = { allErrors: true, useDefaults: false };
export const RULE_OPTIONS_VALIDATION: ValidatorOptions = { allErrors: true, useDefaults: true };
export const POST_FIELDS_VALIDATION: ValidatorOptions = { allErrors: false, useDefaults: false };

/** The identity of a compiled validator: same schema and options, same code. */
export function validatorKey(schema: object, options: ValidatorOptions): string {
  return JSON.stringify([options.allErrors, options.useDefaults, schema]);
}

/** Where the build writes the precompiled validators, relative to the package root. */
export const PRECOMPILED_VALIDATORS = join('dist', 'generated', 'validators.cjs');

interface PrecompiledModule {
  /** validatorKey → name of the exported validate function. */
  keys: Record<string, string>;
  validators: Record<string, Validator>;
}

const require = createRequire(import.meta.url);
let precompiled: PrecompiledModule | null | undefined;
const compiledAtRunTime = new Map<string, Validator>();
type AjvClass = typeof import('ajv').Ajv;
let AjvConstructor: AjvClass | undefined;
const ajvInstances = new Map<string, InstanceType<AjvClass>>();

function precompiledModule(): PrecompiledModule | null {
  if (precompiled === undefined) {
    try {
      precompiled = require(join(packageRoot(), PRECOMPILED_VALIDATORS)) as PrecompiledModule;
    } catch {
      precompiled = null; // not built (running from src/ before the first build): compile at run time
    }
  }
  return precompiled;
}

function ajvFor(options: ValidatorOptions): InstanceType<AjvClass> {
  const id = `${options.allErrors}/${options.useDefaults}`;
  let ajv = ajvInstances.get(id);
  if (!ajv) {
    AjvConstructor ??= loadAjv();
    ajv = new AjvConstructor({ ...options, strict: false });
    ajvInstances.set(id, ajv);
  }
  return ajv;
}

/** The build's validator for a key, if the build compiled that schema with those options. */
function precompiledValidator(key: string): Validator | undefined {
  const shipped = precompiledModule();
  return shipped && Object.hasOwn(shipped.keys, key) ? shipped.validators[shipped.keys[key]] : undefined;
}

/** A validator for `schema`: the build's precompiled one when it exists, else compiled now (once). */
export function compileValidator(schema: object, options: ValidatorOptions): Validator {
  const key = validatorKey(schema, options);
  const shipped = precompiledValidator(key);
  if (shipped) return shipped;
  let validate = compiledAtRunTime.get(key);
  if (!validate) {
    validate = ajvFor(options).compile(schema);
    compiledAtRunTime.set(key, validate);
  }
  return validate;
}

/** True when `schema` with `options` would be served by the build's precompiled code (for tests). */
export function isPrecompiled(schema: object, options: ValidatorOptions): boolean {
  return precompiledValidator(validatorKey(schema, options)) !== undefined;
}
