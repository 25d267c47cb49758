// Getting a survey to customers: email sends with a dry run, the email previewed per language,
// personal links, and the triggers that send by themselves.
import type { List } from '@feedloop/contracts/page';
import type {
  Audience,
  EmailPreview,
  LinksAudience,
  NewTrigger,
  PersonalLinks,
  SendPreview,
  SendResult,
  SurveySends,
  SurveyTrigger,
} from '@feedloop/contracts/survey-sending';
import type { SurveyLanguage } from '@feedloop/contracts/surveys';
import { request, type RequestOptions } from './client';

const BASE = '/api/v1/surveys';
const id = (s: string) => encodeURIComponent(s);

export const surveySendingApi = {
  previewSend: (surveyId: string, audience: Audience, respectThrottle: boolean, options?: RequestOptions) =>
    request<SendPreview>('POST', `${BASE}/${id(surveyId)}/send/preview`, { ...audience, respectThrottle }, options),
  send: (surveyId: string, audience: Audience, respectThrottle: boolean) =>
    request<SendResult>('POST', `${BASE}/${id(surveyId)}/send`, { ...audience, respectThrottle }),
  sends: (surveyId: string, options?: RequestOptions) =>
    request<SurveySends>('GET', `${BASE}/${id(surveyId)}/sends?limit=50`, undefined, options),
  emailPreview: (surveyId: string, lang: SurveyLanguage, options?: RequestOptions) =>
    request<EmailPreview>('GET', `${BASE}/${id(surveyId)}/email-preview?lang=${lang}`, undefined, options),
  emailPreviewUrl: (surveyId: string, lang: SurveyLanguage) => `${BASE}/${id(surveyId)}/email-preview/html?lang=${lang}`,
  links: (surveyId: string, audience: LinksAudience) => request<PersonalLinks>('POST', `${BASE}/${id(surveyId)}/links/bulk`, audience),
  triggers: (surveyId: string, options?: RequestOptions) =>
    request<List<SurveyTrigger>>('GET', `${BASE}/${id(surveyId)}/triggers`, undefined, options),
  addTrigger: (surveyId: string, trigger: NewTrigger) => request<SurveyTrigger>('POST', `${BASE}/${id(surveyId)}/triggers`, trigger),
  removeTrigger: (surveyId: string, triggerId: string) => request<void>('DELETE', `${BASE}/${id(surveyId)}/triggers/${id(triggerId)}`),
};
