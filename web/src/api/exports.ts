import type { CreateExport, ExportJob } from '@feedloop/contracts/exports';
import { request, type RequestOptions } from './client';

export const exportsApi = {
  create: (body: CreateExport) => request<ExportJob>('POST', '/api/v1/exports', body),
  get: (id: string, options?: RequestOptions) => request<ExportJob>('GET', `/api/v1/exports/${encodeURIComponent(id)}`, undefined, options),
};
