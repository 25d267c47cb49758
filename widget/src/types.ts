// Types shared by the widget's loader (core), its lazily loaded renderer and the server's public
// widget API. Type-only imports: nothing here ends up in a bundle.
import type { SurveyDefinition } from '../../src/collect/surveys/survey-definition.js';
import type { WidgetSettings } from '../../src/collect/widget/widget-settings.js';

export type { SurveyDefinition, WidgetSettings };
export type Locale = 'fa' | 'ar' | 'zh' | 'en';
export type WidgetTrigger = WidgetSettings['triggers'][number];

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

/** Who is on the page: the browser's random id, and what identify() said (not verified). */
export interface Visitor {
  anonymousId: string;
  externalId?: string;
  email?: string;
}

/** The public API calls the widget makes; the core adds the visitor and retries them. */
export type WidgetAction = 'feedback' | 'responses' | 'displays' | 'events';

/** What the core offers the renderer. */
export interface RendererHost {
  /** The language to show (setLanguage, else the customer's, else the page's). */
  language(): Locale;
  /** Sends one call through the offline queue: retried until the server answers, sent once. */
  send(action: WidgetAction, body: Record<string, unknown>): void;
  /** The renderer put a survey on screen (records the display for rules and the server). */
  surveyShown(surveyId: string): void;
  /** The survey left the screen, answered to the end or dismissed. */
  surveyClosed(surveyId: string, completed: boolean): void;
  /** A random 128-bit id (base64url, 22 characters). */
  newId(): string;
}

/** The lazily loaded part: everything that draws. */
export interface Renderer {
  showSurvey(host: RendererHost, survey: WidgetSurvey): void;
  /** Fills a page's `<div data-feedloop-helpful>` with "Was this helpful? yes/no + comment". */
  mountHelpful(host: RendererHost, element: HTMLElement): void;
  /** The floating feedback / bug-report button. */
  mountButton(host: RendererHost): void;
  /** Opens the feedback form (from the button or the SDK). */
  openFeedback(host: RendererHost, kind?: 'feedback' | 'bug' | 'idea' | 'question'): void;
  /** setLanguage(): redraws what is on screen in the new language. */
  relabel(host: RendererHost): void;
  /** reset(): removes everything the widget drew. */
  unmount(): void;
}

declare global {
  interface Window {
    /** Set by the renderer script when it has loaded. */
    __feedloopRenderer?: Renderer;
  }
}
