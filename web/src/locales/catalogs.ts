// The dashboard's message catalogs: the shared one per language, plus one file per area of the
// dashboard (each under its own top-level key), merged into one catalog per language.
import ar from './ar.json';
import en from './en.json';
import fa from './fa.json';
import zh from './zh.json';
import overviewEn from './overview/en.json';
import overviewFa from './overview/fa.json';
import overviewAr from './overview/ar.json';
import overviewZh from './overview/zh.json';
import explorerEn from './explorer/en.json';
import explorerFa from './explorer/fa.json';
import explorerAr from './explorer/ar.json';
import explorerZh from './explorer/zh.json';
import customer360En from './customer360/en.json';
import customer360Fa from './customer360/fa.json';
import customer360Ar from './customer360/ar.json';
import customer360Zh from './customer360/zh.json';
import segmentsEn from './segments/en.json';
import segmentsFa from './segments/fa.json';
import segmentsAr from './segments/ar.json';
import segmentsZh from './segments/zh.json';
import adminEn from './admin/en.json';
import adminFa from './admin/fa.json';
import adminAr from './admin/ar.json';
import adminZh from './admin/zh.json';
import actEn from './act/en.json';
import actFa from './act/fa.json';
import actAr from './act/ar.json';
import actZh from './act/zh.json';
import surveysEn from './surveys/en.json';
import surveysFa from './surveys/fa.json';
import surveysAr from './surveys/ar.json';
import surveysZh from './surveys/zh.json';
import shellEn from './shell/en.json';
import shellFa from './shell/fa.json';
import shellAr from './shell/ar.json';
import shellZh from './shell/zh.json';
import explanationEn from './explanation/en.json';
import explanationFa from './explanation/fa.json';
import explanationAr from './explanation/ar.json';
import explanationZh from './explanation/zh.json';
import inboxEn from './inbox/en.json';
import inboxFa from './inbox/fa.json';
import inboxAr from './inbox/ar.json';
import inboxZh from './inbox/zh.json';
import slaEn from './sla/en.json';
import slaFa from './sla/fa.json';
import slaAr from './sla/ar.json';
import slaZh from './sla/zh.json';
import tasksEn from './tasks/en.json';
import tasksFa from './tasks/fa.json';
import tasksAr from './tasks/ar.json';
import tasksZh from './tasks/zh.json';
import rulesEn from './rules/en.json';
import rulesFa from './rules/fa.json';
import rulesAr from './rules/ar.json';
import rulesZh from './rules/zh.json';
import metricsEn from './metrics/en.json';
import metricsFa from './metrics/fa.json';
import metricsAr from './metrics/ar.json';
import metricsZh from './metrics/zh.json';
import digestEn from './digest/en.json';
import digestFa from './digest/fa.json';
import digestAr from './digest/ar.json';
import digestZh from './digest/zh.json';
import exportsEn from './exports/en.json';
import exportsFa from './exports/fa.json';
import exportsAr from './exports/ar.json';
import exportsZh from './exports/zh.json';
import unitsEn from './units/en.json';
import unitsFa from './units/fa.json';
import unitsAr from './units/ar.json';
import unitsZh from './units/zh.json';

const english = {
  ...en,
  ...overviewEn,
  ...explorerEn,
  ...customer360En,
  ...segmentsEn,
  ...adminEn,
  ...actEn,
  ...surveysEn,
  ...shellEn,
  ...explanationEn,
  ...inboxEn,
  ...slaEn,
  ...tasksEn,
  ...rulesEn,
  ...metricsEn,
  ...digestEn,
  ...exportsEn,
  ...unitsEn,
};
export type Catalog = typeof english;

export const CATALOGS = {
  en: english,
  fa: {
    ...fa,
    ...overviewFa,
    ...explorerFa,
    ...customer360Fa,
    ...segmentsFa,
    ...adminFa,
    ...actFa,
    ...surveysFa,
    ...shellFa,
    ...explanationFa,
    ...inboxFa,
    ...slaFa,
    ...tasksFa,
    ...rulesFa,
    ...metricsFa,
    ...digestFa,
    ...exportsFa,
    ...unitsFa,
  },
  ar: {
    ...ar,
    ...overviewAr,
    ...explorerAr,
    ...customer360Ar,
    ...segmentsAr,
    ...adminAr,
    ...actAr,
    ...surveysAr,
    ...shellAr,
    ...explanationAr,
    ...inboxAr,
    ...slaAr,
    ...tasksAr,
    ...rulesAr,
    ...metricsAr,
    ...digestAr,
    ...exportsAr,
    ...unitsAr,
  },
  zh: {
    ...zh,
    ...overviewZh,
    ...explorerZh,
    ...customer360Zh,
    ...segmentsZh,
    ...adminZh,
    ...actZh,
    ...surveysZh,
    ...shellZh,
    ...explanationZh,
    ...inboxZh,
    ...slaZh,
    ...tasksZh,
    ...rulesZh,
    ...metricsZh,
    ...digestZh,
    ...exportsZh,
    ...unitsZh,
  },
};
