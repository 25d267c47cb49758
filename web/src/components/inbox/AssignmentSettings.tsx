// Settings → Assignment: how new tickets are assigned, among whom, and who owns which topic.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '@feedloop/contracts/analysis';
import { AUTO_ASSIGNMENT_MODES, type AssignmentSettings as Settings, type Team, type TopicOwner } from '@feedloop/contracts/inbox';
import { analysisApi } from '../../api/analysis';
import { inboxApi } from '../../api/inbox';
import { errorMessage } from '../../lib/errors';
import { topicNameByKey } from '../../lib/topics';
import { Alert } from '../Alert';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { useMembers } from './useMembers';
import '../../styles/inbox.css';

export function AssignmentSettings({ canManage }: { canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const members = useMembers();
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; settings: Settings; teams: Team[]; topics: Topic[] }
  >({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);
  const [teamName, setTeamName] = useState('');
  const [teamMembers, setTeamMembers] = useState<string[]>([]);
  const [teamResult, setTeamResult] = useState<{ ok: true; name: string } | { ok: false; error: unknown } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    const signal = abort.signal;
    Promise.all([inboxApi.assignment({ signal }), inboxApi.teams({ signal }), analysisApi.listTopics({ signal })]).then(
      ([settings, teams, topics]) => setState({ status: 'ready', settings, teams: teams.data, topics: topics.data }),
      (error: unknown) => !signal.aborted && setState({ status: 'error', error }),
    );
    return () => abort.abort();
  }, [version]);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={() => setVersion((v) => v + 1)} />;
  const { settings, teams, topics } = state;
  const topicName = topicNameByKey(topics, i18n.language);
  const set = (patch: Partial<Settings>) => setState({ ...state, settings: { ...settings, ...patch } });
  const setOwner = (index: number, owner: TopicOwner) =>
    set({ topicOwners: settings.topicOwners.map((o, i) => (i === index ? owner : o)) });
  const ownerValue = (o: TopicOwner) => (o.userId ? `user:${o.userId}` : o.teamId ? `team:${o.teamId}` : '');
  const parseOwner = (value: string) => ({
    userId: value.startsWith('user:') ? value.slice(5) : null,
    teamId: value.startsWith('team:') ? value.slice(5) : null,
  });

  async function save() {
    setResult(null);
    try {
      const saved = await inboxApi.saveAssignment({
        mode: settings.mode,
        teamId: settings.teamId,
        topicOwners: settings.topicOwners.filter((o) => o.topic && (o.userId || o.teamId)),
      });
      setState((s) => (s.status === 'ready' ? { ...s, settings: saved } : s));
      setResult({ ok: true });
    } catch (error) {
      setResult({ ok: false, error });
    }
  }

  async function createTeam() {
    setTeamResult(null);
    try {
      const team = await inboxApi.createTeam({ name: teamName, memberIds: teamMembers });
      setState((s) => (s.status === 'ready' ? { ...s, teams: [...s.teams, team] } : s));
      setTeamName('');
      setTeamMembers([]);
      setTeamResult({ ok: true, name: team.name });
    } catch (error) {
      setTeamResult({ ok: false, error });
    }
  }

  return (
    <div className="stack">
      <form
        className="card stack"
        aria-labelledby="assignment-title"
        data-testid="assignment-settings"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 className="card-title" id="assignment-title">
          {t('inbox.assignment.title')}
        </h2>
        <p className="muted">{t('inbox.assignment.intro')}</p>
        {!canManage && <p className="muted">{t('inbox.assignment.readOnly')}</p>}
        <fieldset disabled={!canManage} className="stack plain-fieldset">
          <label className="act-inline-field">
            <span className="field-label">{t('inbox.assignment.mode')}</span>
            <select
              className="select"
              value={settings.mode}
              data-testid="assignment-mode"
              onChange={(e) => set({ mode: e.target.value as Settings['mode'] })}
            >
              {AUTO_ASSIGNMENT_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`inbox.assignment.modes.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="act-inline-field">
            <span className="field-label">{t('inbox.assignment.team')}</span>
            <select className="select" value={settings.teamId ?? ''} onChange={(e) => set({ teamId: e.target.value || null })}>
              <option value="">{t('inbox.assignment.everyone')}</option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name}
                </option>
              ))}
            </select>
          </label>
          <h3 className="section-title">{t('inbox.assignment.topicOwners')}</h3>
          {settings.topicOwners.map((owner, index) => (
            <div key={index} className="topic-owner-row" data-testid="topic-owner-row">
              <label className="act-inline-field">
                <span className="field-label">{t('inbox.assignment.topic')}</span>
                <select
                  className="select"
                  value={owner.topic}
                  data-testid="topic-owner-topic"
                  onChange={(e) => setOwner(index, { ...owner, topic: e.target.value })}
                >
                  <option value="" />
                  {topics.map((topic) => (
                    <option key={topic.key} value={topic.key}>
                      {topicName(topic.key).text}
                    </option>
                  ))}
                </select>
              </label>
              <label className="act-inline-field">
                <span className="field-label">{t('inbox.assignment.owner')}</span>
                <select
                  className="select"
                  value={ownerValue(owner)}
                  data-testid="topic-owner-owner"
                  onChange={(e) => setOwner(index, { ...owner, ...parseOwner(e.target.value) })}
                >
                  <option value="" />
                  {members.map((m) => (
                    <option key={m.userId} value={`user:${m.userId}`}>
                      {m.name}
                    </option>
                  ))}
                  {teams.map((team) => (
                    <option key={team.id} value={`team:${team.id}`}>
                      {team.name}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button button-ghost button-small"
                onClick={() => set({ topicOwners: settings.topicOwners.filter((_, i) => i !== index) })}
              >
                {t('inbox.assignment.remove')}
              </button>
            </div>
          ))}
          <div className="button-row">
            <button
              type="button"
              className="button button-ghost"
              data-testid="topic-owner-add"
              onClick={() => set({ topicOwners: [...settings.topicOwners, { topic: '', userId: null, teamId: null }] })}
            >
              {t('inbox.assignment.addOwner')}
            </button>
            <button type="submit" className="button button-primary" data-testid="assignment-save">
              {t('inbox.assignment.save')}
            </button>
          </div>
        </fieldset>
        {result?.ok && (
          <p role="status" className="muted" data-testid="assignment-saved">
            {t('inbox.assignment.saved')}
          </p>
        )}
        {result && !result.ok && <Alert>{errorMessage(t, result.error)}</Alert>}
      </form>
      <form
        className="card stack"
        aria-labelledby="teams-title"
        data-testid="team-settings"
        onSubmit={(e) => {
          e.preventDefault();
          void createTeam();
        }}
      >
        <h2 className="card-title" id="teams-title">
          {t('inbox.assignment.teams')}
        </h2>
        {teams.length === 0 ? (
          <p className="muted">{t('inbox.assignment.noTeams')}</p>
        ) : (
          <ul className="canned-list" data-testid="team-list">
            {teams.map((team) => (
              <li key={team.id}>
                <strong>
                  <bdi>{team.name}</bdi>
                </strong>{' '}
                <span className="muted">
                  {new Intl.ListFormat(i18n.language).format(
                    team.memberIds.map((id) => `\u2068${members.find((m) => m.userId === id)?.name ?? ''}\u2069`),
                  )}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canManage && (
          <>
            <label className="act-inline-field">
              <span className="field-label">{t('inbox.assignment.teamName')}</span>
              <input
                className="input"
                dir="auto"
                maxLength={80}
                value={teamName}
                onChange={(e) => setTeamName(e.target.value)}
                data-testid="team-name"
              />
            </label>
            <fieldset className="plain-fieldset team-members">
              <legend className="field-label">{t('inbox.assignment.teamMembers')}</legend>
              {members.map((m) => (
                <label key={m.userId} className="composer-kind">
                  <input
                    type="checkbox"
                    checked={teamMembers.includes(m.userId)}
                    onChange={(e) => setTeamMembers((ids) => (e.target.checked ? [...ids, m.userId] : ids.filter((id) => id !== m.userId)))}
                  />
                  <bdi>{m.name}</bdi>
                </label>
              ))}
            </fieldset>
            <div>
              <button type="submit" className="button" disabled={!teamName.trim()} data-testid="team-create">
                {t('inbox.assignment.createTeam')}
              </button>
            </div>
          </>
        )}
        {teamResult?.ok && (
          <p role="status" className="muted">
            {t('inbox.assignment.teamCreated', { name: teamResult.name })}
          </p>
        )}
        {teamResult && !teamResult.ok && <Alert>{errorMessage(t, teamResult.error)}</Alert>}
      </form>
    </div>
  );
}
