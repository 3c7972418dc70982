import { append, h, clear } from '../dom.js';
import { api, get } from '../api.js';
import { t, plural, formatDate, formatNumber } from '../i18n.js';
import { section, errorBox, emptyRow, announce, loading } from '../widgets.js';

export async function adminPage() {
  const page = h('div', { class: 'page admin' }, h('h1', null, t('admin.title')));
  const reindexBox = h('div', { id: 'reindex' });
  const ingestBox = h('div', { id: 'ingest' }, loading());
  const deadBox = h('div', { id: 'dead-letters' }, loading());
  const incidentBox = h('div', { id: 'incidents' }, loading());
  const auditBox = h('div', { id: 'audit' });
  let timer = null;

  const progress = async () => {
    let p = null;
    try {
      p = await get('/api/search/admin/reindex');
    } catch (error) {
      if (error.status !== 404) {
        append(clear(reindexBox), errorBox(error));
        return;
      }
    }
    const running = p && p.state === 'RUNNING';
    append(
      clear(reindexBox),
      h(
        'button',
        {
          type: 'button',
          id: 'start-reindex',
          disabled: running,
          onclick: async () => {
            try {
              await api('POST', '/api/search/admin/reindex');
              announce(t('admin.reindexStarted'));
              progress();
            } catch (error) {
              announce(error.problem?.detail || error.message, 'error');
            }
          },
        },
        t('admin.reindex'),
      ),
      p
        ? h(
            'div',
            { class: 'progress' },
            h(
              'label',
              { for: 'reindex-progress' },
              `${t('admin.state')}: ${p.state}${p.phase ? ` · ${p.phase}` : ''}`,
            ),
            h('progress', { id: 'reindex-progress', max: Math.max(1, p.total), value: p.done }),
            h(
              'p',
              { class: 'small' },
              t('admin.progressText', {
                done: formatNumber(p.done),
                changes: plural('admin.changesOf', p.total),
                documents: plural('admin.documents', p.documents),
                rate: formatNumber(Math.round(p.rate || 0)),
                eta: p.etaSeconds ?? '—',
              }),
            ),
            p.error ? h('p', { class: 'alert alert-error' }, p.error) : null,
            h(
              'p',
              { class: 'small muted' },
              `${formatDate(p.startedAt)}${p.finishedAt ? ` → ${formatDate(p.finishedAt)}` : ''}`,
            ),
          )
        : h('p', { class: 'muted' }, t('admin.noRebuild')),
    );
    clearTimeout(timer);
    if (running && document.body.contains(reindexBox)) timer = setTimeout(progress, 1000);
  };

  const ingest = async () => {
    try {
      const sources = await get('/api/search/admin/ingest');
      append(
        clear(ingestBox),
        h(
          'table',
          { class: 'list compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [
                t('admin.source'),
                t('admin.checkpoint'),
                t('admin.head'),
                t('admin.lag'),
                t('admin.lastSuccess'),
                t('admin.lastError'),
              ].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            sources.map((s) =>
              h(
                'tr',
                null,
                h('td', null, s.source),
                h('td', null, formatNumber(s.checkpoint)),
                h('td', null, formatNumber(s.head)),
                h('td', { class: s.lag > 0 ? 'warn' : '' }, formatNumber(s.lag)),
                h('td', null, formatDate(s.lastSuccess)),
                h('td', { class: 'small' }, s.lastError || '—'),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      append(clear(ingestBox), errorBox(error));
    }
  };

  const deadLetters = async () => {
    try {
      const { deadLetters: list } = await get('/api/search/admin/dead-letters');
      append(
        clear(deadBox),
        h(
          'table',
          { class: 'list compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [
                t('admin.source'),
                t('admin.seq'),
                t('admin.record'),
                t('admin.error'),
                t('admin.attempts'),
                '',
              ].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            list.length
              ? list.map((d) =>
                  h(
                    'tr',
                    null,
                    h('td', null, d.source),
                    h('td', null, d.seq),
                    h('td', null, `${d.type} ${d.recordId} (${d.operation})`),
                    h('td', { class: 'small' }, `${d.errorType}: ${d.reason}`),
                    h('td', null, d.attempts),
                    h(
                      'td',
                      null,
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'secondary',
                          onclick: async () => {
                            try {
                              const r = (
                                await api(
                                  'POST',
                                  `/api/search/admin/dead-letters/${encodeURIComponent(d.id)}/retry`,
                                )
                              ).data;
                              announce(r.indexed ? t('admin.indexed') : t('admin.stillFailing'));
                              deadLetters();
                            } catch (error) {
                              announce(error.message, 'error');
                            }
                          },
                        },
                        t('admin.retry'),
                      ),
                    ),
                  ),
                )
              : emptyRow(6, t('admin.noDeadLetters')),
          ),
        ),
      );
    } catch (error) {
      append(clear(deadBox), errorBox(error));
    }
  };

  const incidents = async () => {
    try {
      const list = await get('/api/admin/workflow/incidents');
      append(
        clear(incidentBox),
        h(
          'table',
          { class: 'list compact' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [t('admin.at'), t('admin.step'), t('admin.submission'), t('admin.error'), ''].map(
                (c) => h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            list.length
              ? list.map((i) =>
                  h(
                    'tr',
                    null,
                    h('td', null, formatDate(i.at)),
                    h('td', null, i.activityId),
                    h('td', { class: 'mono small' }, i.submissionId),
                    h('td', { class: 'small' }, `${i.type}: ${i.message}`),
                    h(
                      'td',
                      null,
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'secondary',
                          onclick: async () => {
                            try {
                              await api(
                                'POST',
                                `/api/admin/workflow/incidents/${encodeURIComponent(i.id)}/retry`,
                              );
                              announce(t('admin.retried'));
                              incidents();
                            } catch (error) {
                              announce(error.message, 'error');
                            }
                          },
                        },
                        t('admin.retry'),
                      ),
                    ),
                  ),
                )
              : emptyRow(5, t('admin.noIncidents')),
          ),
        ),
      );
    } catch (error) {
      append(clear(incidentBox), errorBox(error));
    }
  };

  const audit = () =>
    append(
      clear(auditBox),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            append(clear(auditBox), loading());
            try {
              const v = await get('/api/cases/audit/verify');
              append(clear(auditBox), h('pre', { class: 'small' }, JSON.stringify(v, null, 2)));
            } catch (error) {
              append(clear(auditBox), errorBox(error));
            }
          },
        },
        t('admin.verifyAudit'),
      ),
    );

  progress();
  ingest();
  deadLetters();
  incidents();
  audit();
  append(
    page,
    section(t('admin.reindexTitle'), h('p', { class: 'help' }, t('admin.reindexHelp')), reindexBox),
    section(
      t('admin.feedLag'),
      ingestBox,
      h('button', { type: 'button', class: 'link', onclick: ingest }, t('common.refresh')),
    ),
    section(t('admin.deadLetters'), deadBox),
    section(t('admin.incidents'), incidentBox),
    section(t('admin.audit'), auditBox),
  );
  return page;
}
