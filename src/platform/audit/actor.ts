/**
 * Who did something, as the audit log, timelines and chains of custody write it: 'user:<id>' for a
 * signed-in user, or a word for the rest ('system' for jobs, 'cli' for the command line, 'anonymous'
 * for anonymous reporters). The one place the string is built and read back.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';

export type UserActor = `user:${number}`;

/** The actor string of a user. */
export function userActor(userId: number): UserActor {
  return `user:${userId}`;
}

/** The actor of a request made by a signed-in user (the route's policy has already required one). */
export function requestActor(request: Pick<FastifyRequest, 'ctx'>): UserActor {
  const user = request.ctx.user;
  if (!user) throw new AppError('unauthenticated');
  return userActor(user.id);
}

/** The user id an actor string names, or null for 'system', 'cli', 'anonymous' and anything else. */
export function userIdOfActor(actor: string): number | null {
  const m = /^user:([0-9]+)$/.exec(actor);
  return m ? Number(m[1]) : null;
}

/** The distinct user ids among actor strings (to look their names up once). */
export function userIdsOfActors(actors: Iterable<string>): number[] {
  const ids = new Set<number>();
  for (const a of actors) {
    const id = userIdOfActor(a);
    if (id !== null) ids.add(id);
  }
  return [...ids];
}
