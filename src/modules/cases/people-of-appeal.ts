/**
 * The people of the human-rights cases an appeal belongs to (through an intervention that links the
 * appeal), for the publication's redaction: victims, witnesses, sources, relatives and alleged
 * perpetrators recorded as persons are all hidden wherever the appeal's public copy would name them
 * (an allegation is not a verdict). Decrypted here, on the server, only to be found in the texts;
 * never returned to a page.
 */
import type { FieldCipher } from '../../platform/crypto/field-encryption.js';
import type { Executor } from '../../platform/db/database.js';
import { ctxOf } from './encrypted-columns.js';

/** Names, other names, contacts and identity numbers of every person of the cases linked to these appeals. */
export async function casePeopleOfAppeals(db: Executor, cipher: FieldCipher, appealIds: number[]): Promise<string[]> {
  if (appealIds.length === 0) return [];
  const people = await db
    .selectFrom('case_person')
    .select(['name_enc', 'other_names_enc', 'contact_enc', 'id_number_enc'])
    .where('case_id', 'in', db.selectFrom('case_intervention').select('case_id').where('appeal_id', 'in', appealIds))
    .orderBy('id')
    .execute();
  const out: string[] = [];
  for (const p of people) {
    out.push(cipher.decrypt(p.name_enc, ctxOf('case_person', 'name_enc')));
    const other = cipher.decryptNullable(p.other_names_enc, ctxOf('case_person', 'other_names_enc'));
    if (other)
      out.push(
        ...other
          .split(/[,;\n]+/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    const contact = cipher.decryptNullable(p.contact_enc, ctxOf('case_person', 'contact_enc'));
    if (contact) out.push(contact);
    const id = cipher.decryptNullable(p.id_number_enc, ctxOf('case_person', 'id_number_enc'));
    if (id) out.push(id);
  }
  return out;
}
