/**
 * The JSON Schema subset rule options are written in (draft-07, validated by ajv). Kept loose on
 * purpose: ajv checks the schema itself when the rule is loaded, so a typed mirror of the whole
 * specification would add nothing but friction for plugin authors.
 */
export interface JSONSchemaType {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JSONSchemaType>;
  items?: JSONSchemaType;
  required?: string[];
  additionalProperties?: boolean | JSONSchemaType;
  enum?: unknown[];
  [keyword: string]: unknown;
}
