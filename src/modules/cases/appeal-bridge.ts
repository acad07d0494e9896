/**
 * The link to the appeals module: "create an appeal from the case". Filled in once the appeals module
 * has landed (see routes-appeal.tsx); until then the case page does not offer it.
 */
export const appealBridge = {
  available: (): boolean => false,
};
