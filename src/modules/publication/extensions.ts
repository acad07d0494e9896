/**
 * What other modules may add to publication's pages without publication depending on them
 * (dependency inversion, src/platform/manifest/extensions.ts). The statistics module, which reads
 * published appeals, adds the statistics consent to the owner's publication page this way.
 */
import type { ComponentChildren } from 'preact';
import type { Db } from '../../platform/db/database.js';
import { extensionPoint } from '../../platform/manifest/extensions.js';
import type { ViewContext } from '../../platform/render/view-context.js';
import type { Appeal } from '../appeals/index.js';

/** A section at the end of the owner's publication page (/appeals/:id/publication). */
export interface ManagePageSection {
  /** what the section shows for this appeal (the page is only shown to people who may manage it) */
  render(p: { db: Db; ctx: ViewContext; appeal: Appeal }): Promise<ComponentChildren>;
}

export const managePageSections = extensionPoint<ManagePageSection>('publication.manage-page-sections');
