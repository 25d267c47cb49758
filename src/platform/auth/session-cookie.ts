// The dashboard session cookie, set the same way by sign-in, setup and accepting an invitation.
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './limits.js';

export const setSessionCookie = (reply: FastifyReply, token: string, expires: Date, secure: boolean) =>
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });
