import type { List } from '@feedloop/contracts/page';
import type { Survey, SurveyLanguage, SurveyResults, SurveyTemplate, UpdateSurvey } from '@feedloop/contracts/surveys';
import { request, type RequestOptions } from './client';

const BASE = '/api/v1';
const id = (s: string) => encodeURIComponent(s);

export const surveysApi = {
  templates: (options?: RequestOptions) => request<List<SurveyTemplate>>('GET', `${BASE}/survey-templates`, undefined, options),
  list: (options?: RequestOptions) => request<List<Survey>>('GET', `${BASE}/surveys?limit=200`, undefined, options),
  get: (surveyId: string, options?: RequestOptions) => request<Survey>('GET', `${BASE}/surveys/${id(surveyId)}`, undefined, options),
  createFromTemplate: (template: string, languages: SurveyLanguage[], defaultLanguage: SurveyLanguage) =>
    request<Survey>('POST', `${BASE}/surveys`, { template, languages, defaultLanguage }),
  update: (surveyId: string, patch: UpdateSurvey) => request<Survey>('PATCH', `${BASE}/surveys/${id(surveyId)}`, patch),
  publish: (surveyId: string) => request<Survey>('POST', `${BASE}/surveys/${id(surveyId)}/publish`),
  close: (surveyId: string) => request<Survey>('POST', `${BASE}/surveys/${id(surveyId)}/close`),
  results: (surveyId: string, options?: RequestOptions) =>
    request<SurveyResults>('GET', `${BASE}/surveys/${id(surveyId)}/results`, undefined, options),
  previewUrl: (surveyId: string, lang: SurveyLanguage) => `${BASE}/surveys/${id(surveyId)}/preview?lang=${lang}`,
};
