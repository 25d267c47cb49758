// Types shared by the widget's loader (core) and its lazily loaded renderer; what the server's
// public widget API answers comes from the contracts. Type-only imports: nothing here ends up in
// a bundle.
import type { Locale } from '@feedloop/contracts/locales';
import type { WidgetConfig, WidgetSurvey } from '@feedloop/contracts/widget';
import type { WidgetTrigger } from '@feedloop/contracts/widget-settings';

export type { Locale, WidgetConfig, WidgetSurvey, WidgetTrigger };

/** Who is on the page: the browser's random id, and what identify() said (verified by the server only with userHash). */
export interface Visitor {
  anonymousId: string;
  externalId?: string;
  email?: string;
  userHash?: string;
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
