// The one shape every failed request answers with, whatever the status.

/** One problem of an invalid request: `path` is the dotted field (`items.3.text`). */
export interface ApiIssue {
  path: string;
  message: string;
}

/** `{ error: { code, message, field?, issues? } }`: `field` names the first field at fault. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    issues?: ApiIssue[];
  };
}
