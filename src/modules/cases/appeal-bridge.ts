/**
 * The link to the appeals module: "create an appeal from the case" (see commands/appeal-from-case.ts
 * and routes-appeal.tsx). Kept as one switch so the case page can tell whether to offer it.
 */
export const appealBridge = {
  available: (): boolean => true,
};
