// The website/in-app widget's public API as the widget reads it (the surveys a visitor may be
// shown), and the enumerations of a survey's widget rules (their schema: widget-settings.ts).
import type { SurveyDefinition } from './survey-definition.js';
import type { WidgetSettings } from './widget-settings.js';

export const WIDGET_TRIGGER_TYPES = ['page_view', 'click', 'exit_intent', 'scroll', 'time_on_page', 'event'] as const;
export type WidgetTriggerType = (typeof WIDGET_TRIGGER_TYPES)[number];
/** How a trigger's URL rule matches the page's full URL. */
export const URL_MATCHES = ['exact', 'contains', 'regex'] as const;
export type UrlMatch = (typeof URL_MATCHES)[number];
/** once: never again after it was shown; until_answered: again on a later trigger until answered; every_n_days: at most once per everyDays. */
export const WIDGET_DISPLAYS = ['once', 'until_answered', 'every_n_days'] as const;
export type WidgetDisplay = (typeof WIDGET_DISPLAYS)[number];
export const WIDGET_PLACEMENTS = ['popup', 'slide_in'] as const;
export type WidgetPlacement = (typeof WIDGET_PLACEMENTS)[number];

/** A live survey the widget may show: its current questions and its widget rules. */
export interface WidgetSurvey {
  id: string;
  definition: SurveyDefinition;
  widget: WidgetSettings;
  /** An event from the business's server (e.g. a purchase) asks for it: show on the next page. */
  due?: boolean;
}

/** GET /api/v1/widget/<key>/config */
export interface WidgetConfig {
  surveys: WidgetSurvey[];
  /** Show a visitor at most one survey per this many days, across surveys (0: no limit). */
  throttleDays: number;
  /** Identified customers: when a survey last reached them (any channel), from the server. */
  lastSurveyedAt: string | null;
}
