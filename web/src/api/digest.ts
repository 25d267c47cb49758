import type { DigestPreferences, DigestPreview, UpdateDigestPreferences } from '@feedloop/contracts/digest';
import { request, type RequestOptions } from './client';

const BASE = '/api/v1/me/digest';

export const digestApi = {
  preferences: (options?: RequestOptions) => request<DigestPreferences>('GET', BASE, undefined, options),
  update: (patch: UpdateDigestPreferences) => request<DigestPreferences>('PATCH', BASE, patch),
  preview: (options?: RequestOptions) => request<DigestPreview>('GET', `${BASE}/preview`, undefined, options),
  /** The preview as a page, for a sandboxed frame. */
  previewUrl: () => `${BASE}/preview/html`,
};
