import type { ChalkInstance } from 'chalk';
import type { LintReport } from '../types.js';

export interface FormatContext {
  /** Colours for terminal formats; a colourless instance when colour is off. */
  chalk: ChalkInstance;
  /** True when no policy file was found and the built-in preset was used. */
  usedDefaultPolicy: boolean;
}

export type Formatter = (report: LintReport, context: FormatContext) => string;
