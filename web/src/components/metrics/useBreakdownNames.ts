import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Topic } from '@feedloop/contracts/analysis';
import type { MetricDimension } from '@feedloop/contracts/metrics';
import type { Member } from '@feedloop/contracts/workspace';
import type { Survey } from '@feedloop/contracts/surveys';
import type { Team } from '@feedloop/contracts/inbox';
import { surveysApi } from '../../api/surveys';
import { inboxApi } from '../../api/inbox';
import { analysisApi } from '../../api/analysis';
import { api } from '../../api/endpoints';
import { serviceUnitsApi } from '../../api/service-units';
import { flattenUnits } from '../../lib/service-units';
import { topicDisplayName } from '../../lib/topics';
import { useFormat } from '../../lib/useFormat';

/**
 * A breakdown key's name in the user's language: a channel, type or sentiment from the catalogue,
 * a language by Intl, a topic by its taxonomy name, an agent by the member's name, a unit, a survey or
 * a team by its name. Keys without a
 * name (products, units not yet loaded) are shown as they are.
 */
export function useBreakdownNames(breakdown: MetricDimension | null): (key: string | null) => string {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [members, setMembers] = useState<Member[]>([]);
  const [units, setUnits] = useState<Map<string, string>>(new Map());
  const [surveys, setSurveys] = useState<Survey[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);

  useEffect(() => {
    const abort = new AbortController();
    // A list that cannot load leaves its keys unnamed; the figures still show.
    if (breakdown === 'topic')
      analysisApi.listTopics({ signal: abort.signal }).then(
        (r) => setTopics(r.data),
        () => undefined,
      );
    if (breakdown === 'agent')
      api.listMembers({ signal: abort.signal }).then(
        (r) => setMembers(r.data),
        () => undefined,
      );
    if (breakdown === 'service_unit')
      serviceUnitsApi.tree({ signal: abort.signal }).then(
        (r) => setUnits(new Map(flattenUnits(r.data).map((f) => [f.unit.id, f.unit.name]))),
        () => undefined,
      );
    if (breakdown === 'survey')
      surveysApi.list({ signal: abort.signal }).then(
        (r) => setSurveys(r.data),
        () => undefined,
      );
    if (breakdown === 'team')
      inboxApi.teams({ signal: abort.signal }).then(
        (r) => setTeams(r.data),
        () => undefined,
      );
    return () => abort.abort();
  }, [breakdown]);

  return useCallback(
    (key: string | null) => {
      if (key === null) return t('metrics.all');
      switch (breakdown) {
        case 'channel':
          return t(`channel.${key}`, { defaultValue: key });
        case 'type':
          return t(`feedbackType.${key}`, { defaultValue: key });
        case 'sentiment':
          return t(`sentiment.${key}`, { defaultValue: key });
        case 'language':
          return format.languageName(key);
        case 'topic': {
          const topic = topics.find((candidate) => candidate.key === key);
          return topic ? topicDisplayName(topic.names, key, i18n.language).text : key;
        }
        case 'agent': {
          const member = members.find((candidate) => candidate.userId === key);
          return member ? member.name || member.email : key;
        }
        case 'service_unit':
          return units.get(key) ?? key;
        case 'survey': {
          const survey = surveys.find((candidate) => candidate.id === key);
          return survey ? surveyName(survey, i18n.language) : key;
        }
        case 'team':
          return teams.find((candidate) => candidate.id === key)?.name ?? key;
        default:
          return key;
      }
    },
    [breakdown, t, i18n.language, format, topics, members, units, surveys, teams],
  );
}

const surveyName = (survey: Survey, language: string) => (survey.names as Record<string, string | undefined>)[language] || survey.name;
