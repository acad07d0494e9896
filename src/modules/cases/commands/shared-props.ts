/** The props every "add …" command of a case takes (see shared.ts). */
export type { CaseCommandProps as CommandProps } from './shared.js';
