import type { ChalkInstance } from 'chalk';
import type { LintReport } from '../types.js';

/** What formats that describe rules (SARIF) need to know about each rule the run knows. */
export interface RuleDescriptor {
  id: string;
  description: string;
  /** An absolute URI of the rule's documentation page, when one is known. */
  helpUri?: string;
}

export interface ToolDescriptor {
  name: string;
  version: string;
  /** The project's home page, when package.json names one. */
  informationUri?: string;
}

export interface FormatContext {
  /** Colours for terminal formats; a colourless instance when colour is off. */
  chalk: ChalkInstance;
  /** True when no policy file was found and the built-in preset was used. */
  usedDefaultPolicy: boolean;
  /** Every rule known in this run (built-ins and plugins), for formats that list rules. */
  rules?: readonly RuleDescriptor[];
  /** postlint itself, for formats that name the tool. */
  tool?: ToolDescriptor;
}

export type Formatter = (report: LintReport, context: FormatContext) => string;
