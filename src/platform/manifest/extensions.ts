/**
 * Extension points: dependency inversion between modules. A module that must not depend on another
 * (it is the other that depends on it) defines a typed point; the other fills it from its manifest
 * (`extensions: [extend(point, value)]`), and `installModules` registers the contributions at boot.
 * The module that defines the point reads what was contributed with `extensionsOf(point)`, never
 * knowing who contributed it.
 *
 * @example
 * // publication/extensions.ts
 * export const ownerPanels = extensionPoint<OwnerPanel>('publication.owner-panels');
 * // stats/index.ts
 * extensions: [extend(ownerPanels, statisticsConsentPanel)],
 */
export interface ExtensionPoint<T> {
  readonly key: string;
  /** carries the type of the contributions; never set */
  readonly contribution?: T;
}

export interface Extension {
  readonly point: ExtensionPoint<unknown>;
  readonly value: unknown;
}

/** Defines a point; the key names it in errors and should read `<module>.<what>`. */
export function extensionPoint<T>(key: string): ExtensionPoint<T> {
  return { key };
}

/** A contribution to a point, for a manifest's `extensions`. */
export function extend<T>(point: ExtensionPoint<T>, value: T): Extension {
  return { point, value };
}

const contributions = new Map<string, unknown[]>();

/** Adds a contribution once (installing the same modules again, as every test app does, is a no-op). */
export function registerExtension(extension: Extension): void {
  const list = contributions.get(extension.point.key) ?? [];
  if (!list.includes(extension.value)) list.push(extension.value);
  contributions.set(extension.point.key, list);
}

/** What the installed modules contributed to a point, in module order. */
export function extensionsOf<T>(point: ExtensionPoint<T>): readonly T[] {
  return (contributions.get(point.key) ?? []) as T[];
}
