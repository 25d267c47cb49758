// Identity verification in the widget's public API: the public key is in every page, so whatever
// identify() claims is only trusted when the business's server signed it (userHash, HMAC-SHA256
// under the key's identity secret). Survey emails go to a real SMTP server on loopback.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createHmac } from 'node:crypto';
import { firstRecipient, startMailCatcher, type MailCatcher } from '../../platform/testing/mail-catcher.js';
import type { TestApp } from '../../platform/testing/test-app.js';
import { signedInApp, type SignedInApp } from '../../platform/testing/signed-in-app.js';
import { WorkspaceScope } from '../../platform/db/workspace-scope.js';
import { findCustomerByIdentifiers } from '../../customers/customers/identify-customer.js';

const SHOP = 'https://shop.example.com';
let t: TestApp;
let smtp: MailCatcher;
let cookie: string;
let api: SignedInApp['api'];
let workspaceId: string;
let publicKey: string;
let keyId: string;
let secret: string;

const widget = (path: string, payload: object, origin = SHOP) =>
  t.app.inject({ method: 'POST', url: `/api/v1/widget/${publicKey}/${path}`, headers: { origin }, payload });
const config = (query: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `/api/v1/widget/${publicKey}/config?${new URLSearchParams(query)}`, headers: { origin: SHOP } });
/** What the business's server does: hex HMAC-SHA256 of the id (+ "\n" + email) under the identity secret. */
const sign = (externalId: string, email?: string, key = secret) =>
  createHmac('sha256', key)
    .update(email ? `${externalId}\n${email}` : externalId)
    .digest('hex');
const scope = () => new WorkspaceScope(t.database, workspaceId);
const recipients = () => smtp.inbox.map(firstRecipient);
const FORM = { kind: 'feedback', text: 'Where is my order?', elapsedMs: 9_000 };

beforeAll(async () => {
  smtp = await startMailCatcher();
  ({
    t,
    api,
    owner: { cookie },
    workspace: { id: workspaceId },
  } = await signedInApp({
    env: { SMTP_URL: smtp.url },
    scopes: ['feedback:read', 'customers:read', 'customers:write', 'events:write', 'surveys:read', 'surveys:manage'],
  }));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/widget-keys',
    headers: { cookie },
    payload: { name: 'Shop', allowedOrigins: [SHOP] },
  });
  ({ publicKey, id: keyId, identitySecret: secret } = created.json());
  // A live survey emailed to whoever sends a "signup" event: the attack's target.
  const survey = (await api('POST', '/api/v1/surveys', { template: 'nps' })).json();
  await api('POST', `/api/v1/surveys/${survey.id}/publish`);
  expect((await api('POST', `/api/v1/surveys/${survey.id}/triggers`, { eventName: 'signup' })).statusCode).toBe(201);
  await api('POST', '/api/v1/customers/identify', { externalId: 'sara-1', email: 'sara@example.com', attributes: { plan: 'pro' } });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('identity secrets', () => {
  it('are 256-bit secrets shown to owners and admins with their key, and rotate with a grace period', async () => {
    expect(secret).toMatch(/^fl_idv_[A-Za-z0-9_-]{43}$/);
    const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/widget-keys', headers: { cookie } })).json().data[0];
    expect(listed).toMatchObject({ id: keyId, identitySecret: secret, previousSecretExpiresAt: null });
    // API keys never manage widget keys, so never see a secret.
    expect((await api('GET', '/api/v1/widget-keys')).statusCode).toBe(403);

    const rotated = (
      await t.app.inject({ method: 'POST', url: `/api/v1/widget-keys/${keyId}/rotate-secret`, headers: { cookie }, payload: {} })
    ).json();
    expect(rotated.identitySecret).not.toBe(secret);
    expect(Date.parse(rotated.previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    const before = secret;
    secret = rotated.identitySecret;
    // During the grace period both the old and the new secret verify.
    for (const key of [before, secret]) {
      const res = await widget('feedback', { ...FORM, externalId: 'sara-1', userHash: sign('sara-1', undefined, key) });
      expect((await api('GET', `/api/v1/feedback/${res.json().id}`)).json().metadata.identity).toBe('verified');
    }
    // keepPreviousHours: 0 (a leaked secret) stops the old one at once.
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/widget-keys/${keyId}/rotate-secret`,
      headers: { cookie },
      payload: { keepPreviousHours: 1000 },
    });
    expect(bad.json().error.field).toBe('keepPreviousHours');
    const atOnce = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/widget-keys/${keyId}/rotate-secret`,
        headers: { cookie },
        payload: { keepPreviousHours: 0 },
      })
    ).json();
    expect(atOnce.previousSecretExpiresAt).toBeNull();
    const old = await widget('feedback', { ...FORM, externalId: 'sara-1', userHash: sign('sara-1', undefined, secret) });
    expect((await api('GET', `/api/v1/feedback/${old.json().id}`)).json().metadata).toMatchObject({
      identity: 'unverified',
      identity_hash: 'mismatch',
    });
    secret = atOnce.identitySecret;
  });
});

describe('unverified identities', () => {
  it('never create a customer or send an email: a forged email on an event is not stored', async () => {
    const forged = await widget('events', { email: 'victim@elsewhere.example', events: [{ name: 'signup' }] }, 'https://shop.example.com');
    expect(forged.statusCode).toBe(202);
    expect(forged.json()).toEqual({ stored: 0 });
    // The same with an id, and with a made-up hash.
    expect(
      (
        await widget('events', {
          externalId: 'victim',
          email: 'victim@elsewhere.example',
          userHash: 'a'.repeat(64),
          events: [{ name: 'signup' }],
        })
      ).json(),
    ).toEqual({ stored: 0 });
    await t.drainJobs({ dueNow: true });
    expect(await findCustomerByIdentifiers(scope(), scope().db, { email: 'victim@elsewhere.example' })).toBeNull();
    expect(await findCustomerByIdentifiers(scope(), scope().db, { externalId: 'victim' })).toBeNull();
    expect(recipients()).not.toContain('victim@elsewhere.example');
  });

  it("file feedback without a customer, even with an existing customer's email, keeping the claim as unverified metadata", async () => {
    const res = await widget('feedback', { ...FORM, email: 'sara@example.com', externalId: 'sara-1', contactEmail: 'sara@example.com' });
    expect(res.statusCode, res.body).toBe(201);
    const item = (await api('GET', `/api/v1/feedback/${res.json().id}`)).json();
    expect(item.customerId).toBeNull();
    expect(item.metadata).toMatchObject({
      identity: 'unverified',
      claimed_email: 'sara@example.com',
      claimed_external_id: 'sara-1',
      contact_email: 'sara@example.com',
    });
    expect(item.metadata.identity_hash).toBeUndefined();
    const sara = await findCustomerByIdentifiers(scope(), scope().db, { externalId: 'sara-1' });
    const saras = (await api('GET', `/api/v1/feedback?customer_id=${sara!.id}`)).json().data.map((f: { id: string }) => f.id);
    expect(saras).not.toContain(res.json().id);
  });

  it('treat a wrong or tampered hash as unverified', async () => {
    const forOther = await widget('feedback', { ...FORM, externalId: 'sara-1', userHash: sign('mallory') });
    const emailChanged = await widget('feedback', {
      ...FORM,
      externalId: 'sara-1',
      email: 'mallory@example.com',
      userHash: sign('sara-1'),
    });
    const wrongKey = await widget('feedback', { ...FORM, externalId: 'sara-1', userHash: sign('sara-1', undefined, 'fl_idv_guessed') });
    for (const res of [forOther, emailChanged, wrongKey]) {
      expect(res.statusCode, res.body).toBe(201);
      const item = (await api('GET', `/api/v1/feedback/${res.json().id}`)).json();
      expect(item.customerId).toBeNull();
      expect(item.metadata).toMatchObject({ identity: 'unverified', identity_hash: 'mismatch' });
    }
    expect((await findCustomerByIdentifiers(scope(), scope().db, { externalId: 'sara-1' }))!.email).toBe('sara@example.com');
    // The signed text puts a line break between id and email, so an id may not contain one.
    const split = await widget('feedback', {
      ...FORM,
      externalId: 'sara-1\nmallory@example.com',
      userHash: sign('sara-1', 'mallory@example.com'),
    });
    expect(split.statusCode).toBe(400);
    expect(split.json().error.field).toBe('externalId');
  });

  it('get the same survey config for a known and an unknown email, byte for byte', async () => {
    const known = await config({ anonymousId: 'anon-visitor-1', email: 'sara@example.com' });
    const unknown = await config({ anonymousId: 'anon-visitor-1', email: 'nobody@example.com' });
    expect(known.statusCode).toBe(200);
    expect(known.body).toBe(unknown.body);
    expect((await config({ anonymousId: 'anon-visitor-1', externalId: 'sara-1' })).body).toBe(
      (await config({ anonymousId: 'anon-visitor-1', externalId: 'nobody' })).body,
    );
    expect((await config({ anonymousId: 'anon-visitor-1', externalId: 'sara-1', userHash: sign('nobody') })).body).toBe(known.body);
  });
});

describe('verified identities', () => {
  it('attach feedback to the customer, store events and get the survey email', async () => {
    const hash = sign('new-9', 'new9@example.com');
    const fb = await widget('feedback', { ...FORM, externalId: 'new-9', email: 'new9@example.com', userHash: hash.toUpperCase() });
    const item = (await api('GET', `/api/v1/feedback/${fb.json().id}`)).json();
    expect(item.metadata.identity).toBe('verified');
    const customer = await findCustomerByIdentifiers(scope(), scope().db, { externalId: 'new-9' });
    expect(customer).toMatchObject({ email: 'new9@example.com' });
    expect(item.customerId).toBe(customer!.id);

    const events = await widget('events', { externalId: 'new-9', email: 'new9@example.com', userHash: hash, events: [{ name: 'signup' }] });
    expect(events.statusCode, events.body).toBe(201);
    expect(events.json()).toEqual({ stored: 1 });
    await t.drainJobs({ dueNow: true });
    expect(recipients()).toEqual(['new9@example.com']);
  });

  it('get their personal survey state from the config', async () => {
    const anonymous = await config({ anonymousId: 'anon-visitor-1' });
    const verified = await config({
      anonymousId: 'anon-visitor-1',
      externalId: 'new-9',
      email: 'new9@example.com',
      userHash: sign('new-9', 'new9@example.com'),
    });
    // The survey email just sent counts for the workspace throttle.
    expect(anonymous.json().lastSurveyedAt).toBeNull();
    expect(Date.now() - Date.parse(verified.json().lastSurveyedAt)).toBeLessThan(60_000);
  });
});
