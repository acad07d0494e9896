/** The case page: everything recorded about a case, for people on its access list. */
import { formatDateTime } from '../../../platform/i18n/translate.js';
import { Layout } from '../../../platform/render/layout.js';
import { CASES_CSS_URL } from './cases-css.js';
import type { ViewContext } from '../../../platform/render/view-context.js';
import type { CaseDetail } from '../case-detail.js';
import type { Labels } from '../thesaurus/queries.js';
import { EvidenceList } from './evidence-list.js';
import { fuzzyText, lbl, nameOf } from './names.js';

export interface CasePageProps {
  ctx: ViewContext;
  detail: CaseDetail;
  labels: Labels;
  canEdit: boolean;
  canManage: boolean;
  appealsAvailable: boolean;
}

export function CasePage(p: CasePageProps) {
  const { ctx, detail: c, labels } = p;
  const { t, locale } = ctx;
  const person = (id: number | null) => c.persons.find((x) => x.id === id);
  const who = (id: number | null) => {
    const x = person(id);
    return x ? `${x.name} (${x.pseudonym})` : '';
  };
  const event = (id: number | null) => c.events.find((e) => e.id === id);
  const act = (id: number | null) => c.acts.find((a) => a.id === id);
  const actName = (id: number | null) => {
    const a = act(id);
    return a ? `${lbl(labels, 'act_type', a.actType)} — ${person(a.victimId)?.pseudonym ?? ''}` : '';
  };
  const base = `/cases/${c.id}`;
  const add = (form: string, key: Parameters<typeof t>[0]) =>
    p.canEdit ? (
      <p>
        <a class="button" href={`${base}/add/${form}`}>
          {t(key)}
        </a>
      </p>
    ) : null;
  return (
    <Layout ctx={ctx} title={`${c.reference} · ${c.title}`}>
      <link rel="stylesheet" href={CASES_CSS_URL} />
      <p>
        <a href="/cases">{t('cases.title')}</a>
      </p>
      <h1>
        {c.reference}: {c.title}
      </h1>
      <dl class="facts">
        <dt>{t('cases.state')}</dt>
        <dd>{t(`cases.state.${c.state}`)}</dd>
        <dt>{t('cases.territory')}</dt>
        <dd>{c.territoryId ? nameOf(c.territories[c.territoryId], locale) : t('cases.no_territory')}</dd>
        <dt>{t('cases.updated')}</dt>
        <dd>{formatDateTime(locale, c.updatedAt)}</dd>
      </dl>
      {c.summary ? <p class="case-summary">{c.summary}</p> : null}
      {p.canEdit ? (
        <p>
          <a href={`${base}/edit`}>{t('cases.edit')}</a>
        </p>
      ) : null}
      <p>
        {p.canManage ? (
          <>
            <a href={`${base}/access`}>{t('cases.tab_access')}</a> ·{' '}
            <a href={`${base}/audit`}>{t('cases.tab_audit')}</a> ·{' '}
          </>
        ) : null}
        <a href={`${base}/export.json`}>{t('cases.tab_export')}</a>
      </p>
      <p class="hint">{t('cases.export_hint')}</p>

      <section aria-labelledby="h-events">
        <h2 id="h-events">{t('cases.events')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.event')}</th>
                <th scope="col">{t('cases.start')}</th>
                <th scope="col">{t('cases.end')}</th>
                <th scope="col">{t('cases.territory')}</th>
                <th scope="col">{t('cases.place')}</th>
              </tr>
            </thead>
            <tbody>
              {c.events.map((e) => (
                <tr id={`event-${e.id}`}>
                  <td>
                    <strong>{e.title}</strong>
                    {e.description ? <p>{e.description}</p> : null}
                  </td>
                  <td>{fuzzyText(t, locale, e.start)}</td>
                  <td>{e.end ? fuzzyText(t, locale, e.end) : ''}</td>
                  <td>{e.territoryId ? nameOf(c.territories[e.territoryId], locale) : ''}</td>
                  <td>{e.place ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {add('event', 'cases.add_event')}
        {c.links.length ? (
          <>
            <h3>{t('cases.chain')}</h3>
            <ul>
              {c.links.map((l) => (
                <li>
                  {event(l.fromEventId)?.title} — {t(`cases.relation.${l.relation as 'led_to'}`)} —{' '}
                  {event(l.toEventId)?.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {c.events.length > 1 ? add('link', 'cases.link_events') : null}
      </section>

      <section aria-labelledby="h-persons">
        <h2 id="h-persons">{t('cases.persons')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.pseudonym')}</th>
                <th scope="col">{t('cases.name')}</th>
                <th scope="col">{t('cases.sex')}</th>
                <th scope="col">{t('cases.age_group')}</th>
                <th scope="col">{t('cases.groups')}</th>
                <th scope="col">{t('cases.contact')}</th>
              </tr>
            </thead>
            <tbody>
              {c.persons.map((x) => (
                <tr id={`person-${x.id}`}>
                  <td>{x.pseudonym}</td>
                  <td>
                    {x.name}
                    {x.otherNames ? <span class="muted"> ({x.otherNames})</span> : null}
                    {x.idNumber || x.address || x.birthDate ? (
                      <p class="muted">{[x.birthDate, x.idNumber, x.address].filter(Boolean).join(' · ')}</p>
                    ) : null}
                  </td>
                  <td>{t(`cases.sex.${x.sex}`)}</td>
                  <td>{t(`cases.age.${x.ageGroup}`)}</td>
                  <td>{x.groups.map((g) => lbl(labels, 'vulnerable_group', g)).join(', ')}</td>
                  <td>
                    {x.contact ?? ''}
                    {p.canEdit ? (
                      <p>
                        <a href={`${base}/persons/${x.id}/edit`}>
                          {t('cases.edit_person', { pseudonym: x.pseudonym })}
                        </a>
                      </p>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="hint">{t('cases.identity_hint')}</p>
        {add('person', 'cases.add_person')}
      </section>

      <section aria-labelledby="h-acts">
        <h2 id="h-acts">{t('cases.acts')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.act_type')}</th>
                <th scope="col">{t('cases.victim')}</th>
                <th scope="col">{t('cases.event')}</th>
                <th scope="col">{t('cases.start')}</th>
                <th scope="col">{t('cases.methods')}</th>
              </tr>
            </thead>
            <tbody>
              {c.acts.map((a) => (
                <tr id={`act-${a.id}`}>
                  <td>
                    {lbl(labels, 'act_type', a.actType)}
                    {a.notes ? <p class="muted">{a.notes}</p> : null}
                  </td>
                  <td>{who(a.victimId)}</td>
                  <td>{event(a.eventId)?.title ?? ''}</td>
                  <td>
                    {fuzzyText(t, locale, a.start)}
                    {a.end ? ` – ${fuzzyText(t, locale, a.end)}` : ''}
                  </td>
                  <td>{a.methods.map((m) => lbl(labels, 'torture_method', m)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {c.events.length && c.persons.length ? add('act', 'cases.add_act') : null}
      </section>

      <section aria-labelledby="h-inv">
        <h2 id="h-inv">{t('cases.involvements')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.target')}</th>
                <th scope="col">{t('cases.role')}</th>
                <th scope="col">{t('cases.person')}</th>
                <th scope="col">{t('cases.degree')}</th>
              </tr>
            </thead>
            <tbody>
              {c.involvements.map((i) => (
                <tr>
                  <td>{i.actId ? actName(i.actId) : event(i.eventId)?.title}</td>
                  <td>{t(`cases.role.${i.role}`)}</td>
                  <td>{i.personId ? who(i.personId) : nameOf(c.bodies[i.bodyId!], locale)}</td>
                  <td>{lbl(labels, 'involvement_degree', i.degree)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {c.events.length ? add('involvement', 'cases.add_involvement') : null}
      </section>

      <section aria-labelledby="h-int">
        <h2 id="h-int">{t('cases.interventions')}</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cases.kind')}</th>
                <th scope="col">{t('cases.on_date')}</th>
                <th scope="col">{t('cases.body_short')}</th>
                <th scope="col">{t('cases.response')}</th>
                <th scope="col">{t('cases.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {c.interventions.map((i) => (
                <tr id={`intervention-${i.id}`}>
                  <td>
                    {lbl(labels, 'intervention_type', i.kind)}
                    {i.mechanism ? ` (${i.mechanism}${i.reference ? `, ${i.reference}` : ''})` : ''}
                    {i.appealId ? (
                      <p>
                        <a href={`/appeals/${i.appealId}`}>{t('cases.appeal_link', { id: i.appealId })}</a>
                      </p>
                    ) : null}
                  </td>
                  <td>{i.onDate}</td>
                  <td>{i.bodyId ? nameOf(c.bodies[i.bodyId], locale) : ''}</td>
                  <td>{lbl(labels, 'state_response', i.response)}</td>
                  <td>
                    {i.parties ? <p>{`${t('cases.parties')}: ${i.parties}`}</p> : null}
                    {i.claimAmount ? (
                      <p>{`${t('cases.claim_amount')}: ${i.claimAmount} ${i.claimCurrency ?? ''}`}</p>
                    ) : null}
                    {i.hearings.length ? (
                      <p>{`${t('cases.hearings').split('(')[0]!.trim()}: ${i.hearings.map((h) => `${h.onDate}${h.note ? ` ${h.note}` : ''}`).join('; ')}`}</p>
                    ) : null}
                    {i.decision ? <p>{`${t('cases.decision')}: ${i.decision}`}</p> : null}
                    {i.outlet ? <p>{i.outlet}</p> : null}
                    {i.notes ? <p>{i.notes}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {add('intervention', 'cases.add_intervention')}
        {p.canEdit && p.appealsAvailable && c.acts.length ? add('appeal', 'cases.appeal_from_case') : null}
      </section>

      <section aria-labelledby="h-src">
        <h2 id="h-src">{t('cases.sources')}</h2>
        <ul>
          {c.sources.map((s) => (
            <li>
              {s.description} — {lbl(labels, 'source_reliability', s.reliability)}
              {s.personId ? ` — ${person(s.personId)?.pseudonym ?? ''}` : ''}
              {s.obtainedOn ? ` — ${s.obtainedOn}` : ''}
            </li>
          ))}
        </ul>
        {add('source', 'cases.add_source')}
      </section>

      <section aria-labelledby="h-ev">
        <h2 id="h-ev">{t('cases.evidence')}</h2>
        <EvidenceList ctx={ctx} caseId={c.id} evidence={c.evidence} canEdit={p.canEdit} />
        {add('evidence', 'cases.upload')}
      </section>
    </Layout>
  );
}
