-- Stored answers were keyed by workspace only and kept secrets (new API keys, invitation links) in
-- plain text. Keys are now bound to the credential that sent them, so no stored answer could be
-- replayed again: forget them all, secrets included.
DELETE FROM "idempotency_keys";
