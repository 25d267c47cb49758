// PII redaction of one feedback item's free text and metadata values (see redact-pii.ts).
import { redactPii, redactPiiDeep, type PiiCounts } from './redact-pii.js';

export function redactFeedbackPii(text: string, metadata: Record<string, unknown>) {
  const counts: PiiCounts = { email: 0, phone: 0, card: 0 };
  const redactedText = redactPii(text);
  const redactedMetadata = redactPiiDeep(metadata, counts);
  const total =
    counts.email + counts.phone + counts.card + redactedText.counts.email + redactedText.counts.phone + redactedText.counts.card;
  return { text: redactedText.text, metadata: redactedMetadata, piiRedacted: total > 0 };
}
